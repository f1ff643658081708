import { describe, expect, it } from 'vitest'
import { chromiumOrSkip, screenshot, useServedApp, watchErrors } from './support/browser-door'

const chromiumPath = chromiumOrSkip()

describe.skipIf(!chromiumPath)('Simulators screen in Chromium', () => {
  const app = useServedApp(chromiumPath)

  it('solving a ticket fires the signed webhook into the simulated Braze, live on screen', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 1000 } })
    const errors = watchErrors(page)
    await page.goto(app.serve.url)
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
