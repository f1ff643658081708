import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useTempDir } from '../helpers/temp-dir'
import {
  REPO,
  chromiumOrSkip,
  launchChromium,
  screenshot,
  startServe,
  watchErrors,
  type ServeProcess,
} from './support/browser-door'

const chromiumPath = chromiumOrSkip()
const version = (
  JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }
).version

describe.skipIf(!chromiumPath)('browser door in Chromium', () => {
  const tempDir = useTempDir('bridgebench-e2e-', 'file')
  let browser: Browser
  let serve: ServeProcess
  let home: string

  beforeAll(async () => {
    home = path.join(tempDir(), 'home')
    serve = await startServe(home)
    browser = await launchChromium(chromiumPath as string)
  })

  afterAll(async () => {
    await browser?.close()
    await serve?.stop()
  })

  it('shows app.info from the engine: version, profile, data folder, secret storage', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    const errors = watchErrors(page)
    // networkidle proves no request hangs open: the live stream rides the page's WebSocket.
    await page.goto(serve.url, { waitUntil: 'networkidle', timeout: 15_000 })
    await expect.poll(() => page.getByTestId('app-version').textContent()).toBe(version)
    expect(await page.getByTestId('active-profile').textContent()).toBe('Sandbox')
    expect(await page.getByTestId('data-folder').textContent()).toBe(home)
    expect(await page.getByTestId('secret-storage').textContent()).toMatch(/Passphrase/)
    await expect.poll(() => page.getByTestId('connection').textContent()).toBe('Engine connected')
    await screenshot(page, 'overview-light')
    expect(errors).toEqual([])
    await page.close()
  })

  it('takes the token out of the address bar and keeps working after a reload', async () => {
    const page = await browser.newPage()
    await page.goto(serve.url)
    await expect.poll(() => page.url()).not.toContain('token=')
    await page.reload()
    await expect.poll(() => page.getByTestId('app-version').textContent()).toBe(version)
    await page.close()
  })

  it('follows the OS colour scheme', async () => {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 800 },
      colorScheme: 'dark',
    })
    await page.goto(serve.url)
    await expect.poll(() => page.getByTestId('app-version').textContent()).toBe(version)
    const background = await page.evaluate<string>(
      'getComputedStyle(document.body).backgroundColor',
    )
    expect(background).toBe('rgb(22, 24, 29)')
    await screenshot(page, 'overview-dark')
    await page.close()
  })

  it('can be driven from the keyboard: Tab reaches the navigation, Ctrl+1 opens the first screen', async () => {
    const page = await browser.newPage()
    await page.goto(serve.url)
    await page.getByTestId('app-version').waitFor()
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    const focused = await page.evaluate<string>("document.activeElement?.textContent ?? ''")
    expect(focused).toMatch(/Overview/)
    await page.keyboard.press('Control+1')
    await expect.poll(() => page.url()).toMatch(/#\/overview$/)
    await page.close()
  })

  it('explains what to do when opened without the token', async () => {
    const page = await browser.newPage()
    await page.goto(serve.origin)
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/can’t reach its engine/)
    expect(await page.content()).toContain('?token=')
    await screenshot(page, 'missing-token')
    await page.close()
  })
})
