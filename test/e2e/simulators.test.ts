import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useTempDir } from '../helpers/temp-dir'
import {
  chromiumOrSkip,
  launchChromium,
  screenshot,
  startServe,
  watchErrors,
  type ServeProcess,
} from './support/browser-door'

const chromiumPath = chromiumOrSkip()

describe.skipIf(!chromiumPath)('Simulators screen in Chromium', () => {
  const tempDir = useTempDir('bridgebench-e2e-', 'file')
  let browser: Browser
  let serve: ServeProcess

  beforeAll(async () => {
    serve = await startServe(path.join(tempDir(), 'home'))
    browser = await launchChromium(chromiumPath as string)
  })
  afterAll(async () => {
    await browser?.close()
    await serve?.stop()
  })

  it('solving a ticket fires the signed webhook into the simulated Braze, live on screen', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    const errors = watchErrors(page)
    await page.goto(serve.url)
    await page.getByRole('button', { name: /Simulators/ }).click()
    const tickets = page.getByTestId('sim-tickets')
    await expect.poll(() => tickets.textContent()).toContain('Ada Lovelace')
    await tickets
      .getByRole('row', { name: /Ada Lovelace/ })
      .getByRole('button', { name: 'Solve' })
      .click()
    const invocations = page.getByTestId('sim-invocations')
    await expect.poll(() => invocations.textContent(), { timeout: 15_000 }).toMatch(/succeeded/i)
    await expect
      .poll(() => page.getByTestId('sim-braze-profiles').textContent())
      .toContain('zendesk_ticket_solved')
    await invocations.locator('summary').first().click()
    expect(await invocations.textContent()).toMatch(/x-zendesk-webhook-signature/)
    expect(await invocations.textContent()).toMatch(/authorization: Bearer \*+/)
    await screenshot(page, 'simulators-after-solve')
    expect(errors).toEqual([])
    await page.close()
  })
})
