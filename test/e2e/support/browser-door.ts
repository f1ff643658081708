import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { CHROMIUM_ARGS, findChromium } from '../../helpers/chromium'
import { useTempDir } from '../../helpers/temp-dir'

export const REPO = path.resolve(import.meta.dirname, '..', '..', '..')
export const SCREENSHOTS = path.join(REPO, 'test', 'e2e', '__screenshots__')
const BUILT_CLI = path.join(REPO, 'out', 'main', 'cli.js')

/**
 * Chromium for e2e: found on the machine, or the suite is skipped with a reason — except in CI,
 * where a missing browser must fail the run rather than pass it silently.
 */
export function chromiumOrSkip(): string | undefined {
  const found = findChromium(process.env)
  if (found) return found
  const why = 'no Chromium found (install Debian "chromium" or set BRIDGEBENCH_CHROMIUM)'
  if (process.env.CI) throw new Error(`e2e in CI: ${why}`)
  console.warn(`Skipping e2e: ${why}.`)
  return undefined
}

export async function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS })
}

export interface ServeProcess {
  url: string
  origin: string
  stop: () => Promise<void>
}

/** Starts the built CLI's `serve --json` exactly as a user or script would, and reads its URL. */
export async function startServe(
  home: string,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<ServeProcess> {
  if (!existsSync(BUILT_CLI))
    throw new Error('out/main/cli.js is missing: run `npm run build` first')
  const child = spawn(process.execPath, [BUILT_CLI, 'serve', '--json', '--port', '0'], {
    env: { ...process.env, BRIDGEBENCH_HOME: home, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const firstLine = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })
    lines.once('line', resolve)
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)))
  })
  const { url } = JSON.parse(firstLine) as { url: string }
  return { url, origin: new URL(url).origin, stop: () => stopProcess(child) }
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

export const DOC_SCREENS = path.join(REPO, 'docs', 'screens')

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true })
}

/** What a person sees at the window's size, without scrolling: for layout screenshots. */
export async function screenshotViewport(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) })
}

/**
 * The README's pictures (docs/screens/NAME.png, as the window shows them). Written only when
 * asked (`BRIDGEBENCH_UPDATE_DOCS=1`) and never under CI, so a test run never edits the repo.
 */
export async function docScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.BRIDGEBENCH_UPDATE_DOCS !== '1' || process.env.CI) return
  mkdirSync(DOC_SCREENS, { recursive: true })
  await page.screenshot({ path: path.join(DOC_SCREENS, `${name}.png`) })
}

/** Collects console errors and page crashes so a test can assert the page stayed clean. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(String(error)))
  return errors
}

export interface ServedApp {
  browser: Browser
  serve: ServeProcess
  home: string
}

/**
 * The usual e2e fixture: the built CLI's browser door in a fresh data folder and one Chromium,
 * started before the file's tests and stopped after them. Read the fields inside tests.
 */
export function useServedApp(
  chromiumPath: string | undefined,
  env: NodeJS.ProcessEnv = {},
): ServedApp {
  const tempDir = useTempDir('bridgebench-e2e-', 'file')
  const app = {} as ServedApp
  beforeAll(async () => {
    if (!chromiumPath) return
    app.home = path.join(tempDir(), 'home')
    app.serve = await startServe(app.home, env)
    app.browser = await launchChromium(chromiumPath)
  })
  afterAll(async () => {
    await app.browser?.close()
    await app.serve?.stop()
  })
  return app
}
