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

  it('gives a wrong or stale token the same clear page as a missing one, and stops trying', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    const errors = watchErrors(page)
    await page.goto(`${serve.origin}/?token=from-before-a-restart`)
    const notice = page.getByTestId('cannot-connect')
    await expect.poll(() => notice.textContent()).toMatch(/not the running engine’s/)
    expect(await notice.textContent()).toContain('?token=')
    expect(await page.getByText('Loading engine details').count()).toBe(0)
    const settled = errors.length
    await page.waitForTimeout(3500)
    expect(errors.length).toBe(settled)
    expect(errors.length).toBeLessThanOrEqual(1)
    await screenshot(page, 'stale-token')
    await page.close()
  })

  it('keeps the work on screen while the engine is away, greys out actions, and recovers', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    let away = false
    const sockets: Array<{ close: () => Promise<void> }> = []
    // The engine "stops": its HTTP API and WebSocket stop answering, as when the process ends.
    await page.route('**/rpc/**', (route) =>
      away ? route.abort('connectionrefused') : route.continue(),
    )
    await page.routeWebSocket(
      (url) => url.pathname === '/rpc-socket',
      (socket) => {
        if (away) return void socket.close({ code: 1001 })
        socket.connectToServer()
        sockets.push(socket)
      },
    )
    await page.goto(serve.url)
    await page.getByRole('button', { name: /Compose/ }).click()
    await page.getByTestId('problem-list').waitFor()
    await page.locator('.cm-content').click()
    await page.keyboard.press('Control+End')
    await page.keyboard.insertText('\nWORK-IN-PROGRESS')
    await expect.poll(() => page.getByTestId('connection').textContent()).toBe('Engine connected')

    away = true
    await Promise.all(sockets.splice(0).map((socket) => socket.close()))
    await expect
      .poll(() => page.getByTestId('connection').textContent(), { timeout: 10_000 })
      .toBe('Engine stopped: reconnecting…')
    expect(await page.getByTestId('engine-away').textContent()).toMatch(/Engine stopped/)
    expect(await page.locator('.cm-content').innerText()).toContain('WORK-IN-PROGRESS')
    expect(await page.getByTestId('send-ticket').isDisabled()).toBe(true)
    expect(await page.locator('footer').textContent()).not.toMatch(/Simulators: running/)
    await screenshot(page, 'engine-stopped')

    away = false
    await expect
      .poll(() => page.getByTestId('connection').textContent(), { timeout: 10_000 })
      .toBe('Engine connected')
    expect(await page.getByTestId('engine-away').count()).toBe(0)
    expect(await page.getByTestId('send-ticket').isDisabled()).toBe(false)
    expect(await page.locator('.cm-content').innerText()).toContain('WORK-IN-PROGRESS')
    await page.close()
  })
})
