import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHealthyServices } from '../helpers/healthy-services'
import type { ScriptedServer } from '../helpers/scripted-server'
import { useTempDir } from '../helpers/temp-dir'
import {
  chromiumOrSkip,
  docScreenshot,
  launchChromium,
  screenshot,
  startServe,
  watchErrors,
  type ServeProcess,
} from './support/browser-door'

const chromiumPath = chromiumOrSkip()
const ZENDESK_TOKEN = 'zd-token-E2E-SECRET-77aa88bb'
const BRAZE_KEY = 'braze-key-E2E-SECRET-99cc00dd'

describe.skipIf(!chromiumPath)('Connections screen in Chromium', () => {
  const tempDir = useTempDir('bridgebench-e2e-', 'file')
  let browser: Browser
  let serve: ServeProcess
  let services: ScriptedServer
  let home: string
  const frames: string[] = []

  beforeAll(async () => {
    home = path.join(tempDir(), 'home')
    // One loopback server plays a healthy Zendesk and Braze for the connection test.
    services = await startHealthyServices()
    serve = await startServe(home, { BRIDGEBENCH_PASSPHRASE: '' })
    browser = await launchChromium(chromiumPath as string)
  })

  afterAll(async () => {
    await browser?.close()
    await serve?.stop()
    await services?.close()
  })

  async function open(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    page.on('websocket', (socket) =>
      socket.on('framereceived', (frame) => frames.push(String(frame.payload))),
    )
    await page.goto(serve.url)
    await page.getByRole('button', { name: /Connections/ }).click()
    return page
  }

  it('sets the first passphrase twice, with its rule shown, and greets no one as locked', async () => {
    const page = await open()
    const errors = watchErrors(page)
    const panel = page.getByTestId('secret-storage-panel')
    await panel.waitFor()
    expect(await panel.innerText()).not.toMatch(/locked/i)
    expect(await panel.innerText()).toMatch(/NOT SET UP/)
    expect(await page.getByRole('button', { name: 'Unlock' }).count()).toBe(0)
    expect(await panel.textContent()).toMatch(/At least 8 characters/)
    await screenshot(page, 'connections-first-passphrase')

    await page.getByLabel('New passphrase').fill('e2e passphrase 123')
    await page.getByLabel('Type it again').fill('e2e passphrase 124')
    await page.getByRole('button', { name: 'Set passphrase' }).click()
    await expect.poll(() => panel.textContent()).toMatch(/The two passphrases differ/)
    await page.getByLabel('New passphrase').fill('short')
    await page.getByLabel('Type it again').fill('short')
    await page.getByRole('button', { name: 'Set passphrase' }).click()
    await expect.poll(() => panel.textContent()).toMatch(/at least 8 characters\./)

    await page.getByLabel('New passphrase').fill('e2e passphrase 123')
    await page.getByLabel('Type it again').fill('e2e passphrase 123')
    await page.getByRole('button', { name: 'Set passphrase' }).click()
    await expect.poll(() => panel.innerText()).toMatch(/STRONG/)
    expect(errors).toEqual([])
    await page.close()
  })

  it('creates a profile with secrets, tests it, and never shows a secret', async () => {
    const page = await open()
    const errors = watchErrors(page)

    await page.getByRole('button', { name: 'New profile' }).click()
    await page.getByLabel('Name').fill('Acme staging')
    await page.getByLabel('Zendesk account').fill(services.url)
    await page.getByLabel('Zendesk sign-in').selectOption('api-token')
    await page.getByLabel('Agent or admin email').fill('ada@acme.example')
    await page.getByLabel('Braze REST endpoint').selectOption('custom')
    await page.getByLabel('Custom endpoint').fill(services.url)
    await page.getByTestId('secret-zendeskApiToken').fill(ZENDESK_TOKEN)
    await page.getByTestId('secret-brazeApiKey').fill(BRAZE_KEY)
    await page.getByRole('button', { name: 'Create profile' }).click()

    // innerText, as shown: the hint reads as typed, not upper-cased like the badge beside it.
    await expect.poll(() => page.getByTestId('secret-list').innerText()).toContain('••••88bb')
    await page.getByTestId('test-connection').click()
    await expect
      .poll(() => page.getByTestId('connection-report').textContent(), { timeout: 15_000 })
      .toContain('Connection works')
    expect(await page.getByTestId('connection-report').textContent()).toMatch(
      /Signed in as Ada Admin/,
    )
    expect(await page.getByRole('note').textContent()).toMatch(/2027-04-30/)
    await screenshot(page, 'connections-profile-tested')
    await page.setViewportSize({ width: 1280, height: 800 })
    await docScreenshot(page, 'connections')

    const html = await page.content()
    for (const secret of [ZENDESK_TOKEN, BRAZE_KEY]) {
      expect(html).not.toContain(secret)
      expect(frames.join('\n')).not.toContain(secret)
    }
    expect(errors).toEqual([])
    await page.close()
  })

  it('left only ciphertext in the data folder (settings, secrets, logs)', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const full = path.join(dir, name)
        return statSync(full).isDirectory() ? files(full) : [full]
      })
    const all = files(home)
    expect(all.map((f) => path.basename(f))).toEqual(
      expect.arrayContaining(['settings.json', 'secrets.json']),
    )
    for (const file of all) {
      const text = readFileSync(file, 'utf8')
      expect(text).not.toContain(ZENDESK_TOKEN)
      expect(text).not.toContain(BRAZE_KEY)
    }
  })
})
