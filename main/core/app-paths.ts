import path from 'node:path'

export const APP_NAME = 'Bridgebench'

export interface DataFolderInputs {
  env: NodeJS.ProcessEnv
  platform: NodeJS.Platform
  homedir: string
  /** The desktop door passes Electron's `userData`; plain Node computes the same place. */
  osAppData?: string
}

/**
 * Where settings, secrets and captures live. `BRIDGEBENCH_HOME` wins so tests and scripts never
 * touch a user's data; otherwise the OS's per-user app-data folder, as Electron's `userData` is.
 */
export function resolveDataFolder({ env, platform, homedir, osAppData }: DataFolderInputs): string {
  const override = env.BRIDGEBENCH_HOME?.trim()
  if (override) return path.resolve(override)
  if (osAppData) return osAppData
  if (platform === 'darwin') return path.join(homedir, 'Library', 'Application Support', APP_NAME)
  if (platform === 'win32') {
    return path.join(env.APPDATA ?? path.join(homedir, 'AppData', 'Roaming'), APP_NAME)
  }
  return path.join(env.XDG_CONFIG_HOME ?? path.join(homedir, '.config'), APP_NAME)
}
