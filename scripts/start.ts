// `npm start`: the desktop app when Electron can run here, otherwise browser mode with a clear
// explanation. npm 11 does not run Electron's install script, so the binary is fetched on first
// start (honouring ELECTRON_MIRROR), with a deadline.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

export type ElectronLocation = { ok: true; binary: string } | { ok: false; reason: string }

const DOWNLOAD_DEADLINE_MS = 180_000

export function locateElectron(electronDir: string): ElectronLocation {
  const pathFile = path.join(electronDir, 'path.txt')
  if (!existsSync(electronDir))
    return { ok: false, reason: 'the electron package is not installed' }
  if (!existsSync(pathFile))
    return { ok: false, reason: 'the Electron binary has not been downloaded' }
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? { ok: true, binary } : { ok: false, reason: `${binary} is missing` }
}

export interface ObtainDeps {
  env: NodeJS.ProcessEnv
  download: (installScript: string, timeoutMs: number) => { ok: boolean; detail: string }
  log: (line: string) => void
}

export function obtainElectron(electronDir: string, deps: ObtainDeps): ElectronLocation {
  const found = locateElectron(electronDir)
  if (found.ok) return found
  if (deps.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    return { ok: false, reason: `${found.reason} (ELECTRON_SKIP_BINARY_DOWNLOAD is set)` }
  }
  const mirror = deps.env.ELECTRON_MIRROR ? ` from ${deps.env.ELECTRON_MIRROR}` : ''
  deps.log(`Downloading the Electron binary${mirror} (first start only)…`)
  const result = deps.download(path.join(electronDir, 'install.js'), DOWNLOAD_DEADLINE_MS)
  if (!result.ok) return { ok: false, reason: `the download failed: ${result.detail}` }
  return locateElectron(electronDir)
}

export function desktopBlocker(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
): string | undefined {
  if (platform !== 'linux' || env.DISPLAY || env.WAYLAND_DISPLAY) return undefined
  return 'there is no graphical display here (neither DISPLAY nor WAYLAND_DISPLAY is set)'
}

export function fallbackParagraph(reason: string): string {
  return [
    `Bridgebench cannot open the desktop app here: ${reason}.`,
    'This happens offline, behind a proxy that blocks the Electron download, or on a machine without',
    'a display. Starting browser mode instead: the same app, served on 127.0.0.1 and opened in your',
    'browser. For the desktop app, set ELECTRON_MIRROR to a mirror you can reach (for example your',
    'company artifact server), run `node node_modules/electron/install.js`, then `npm start` again.',
  ].join('\n')
}

function runInstallScript(installScript: string, timeoutMs: number) {
  const result = spawnSync(process.execPath, [installScript], {
    timeout: timeoutMs,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  if (result.error) return { ok: false, detail: result.error.message }
  if (result.status !== 0) {
    const lines = `${result.stderr}`.trim().split('\n')
    const firstError =
      lines.find((l) => /error/i.test(l)) ?? lines[0] ?? `exit code ${result.status}`
    return { ok: false, detail: firstError.trim() }
  }
  return { ok: true, detail: '' }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const child = spawn(command, args, { stdio: 'inherit', env })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal))
  child.on('exit', (code) => process.exit(code ?? 0))
}

/** Why the desktop app cannot run here, or the binary to run it with. */
export function chooseDoor(
  electronDir: string,
  deps: ObtainDeps & { platform: NodeJS.Platform },
): ElectronLocation {
  const blocker = desktopBlocker(deps.env, deps.platform)
  if (!blocker) return obtainElectron(electronDir, deps)
  // Without a display Electron cannot run anyway: do not spend a download on it.
  const local = locateElectron(electronDir)
  return { ok: false, reason: local.ok ? blocker : `${blocker}, and ${local.reason}` }
}

function main(): void {
  const root = path.resolve(import.meta.dirname, '..')
  const env = { ...process.env }
  const electron = chooseDoor(path.join(root, 'node_modules', 'electron'), {
    env,
    platform: process.platform,
    download: runInstallScript,
    log: (line) => console.log(line),
  })
  if (electron.ok) {
    // An inherited ELECTRON_RUN_AS_NODE would turn the app into a plain Node process.
    delete env.ELECTRON_RUN_AS_NODE
    run(electron.binary, [root], env)
    return
  }
  console.log(`${fallbackParagraph(electron.reason)}\n`)
  run(process.execPath, [path.join(root, 'out', 'main', 'cli.js'), 'serve', '--open'], env)
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main()
