import { existsSync } from 'node:fs'

/** Flags for a headless Chromium on a closed network as root (see reference/toolchain.md). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
]

/** BRIDGEBENCH_CHROMIUM, else the usual install places; undefined when there is none. */
export function findChromium(env: NodeJS.ProcessEnv): string | undefined {
  const chosen = env.BRIDGEBENCH_CHROMIUM?.trim()
  if (chosen) return existsSync(chosen) ? chosen : undefined
  return CANDIDATES.find((candidate) => existsSync(candidate))
}
