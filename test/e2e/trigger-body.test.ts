import { describe, expect, it } from 'vitest'
import { chromiumOrSkip, screenshot, useServedApp, watchErrors } from './support/browser-door'

const chromiumPath = chromiumOrSkip()

describe.skipIf(!chromiumPath)('Trigger body screen in Chromium', () => {
  const app = useServedApp(chromiumPath)

  it('previews the body for the ticket with a quote, flags {{ticket.title}} raw, and sets up Zendesk', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 1100 } })
    const errors = watchErrors(page)
    await page.goto(app.serve.url)
    await page.getByRole('button', { name: /Trigger body/ }).click()
    const picker = page.getByTestId('trigger-ticket')
    await expect.poll(() => picker.textContent()).toContain('Pepe')
    const pepe = await picker.locator('option', { hasText: 'Pepe' }).first().getAttribute('value')
    await picker.selectOption(pepe)
    await page.getByLabel('As-is (raw)').check()
    await expect
      .poll(() => page.getByTestId('trigger-problems').textContent())
      .toMatch(/\{\{ticket\.title\}\} prints/)
    expect(await page.getByTestId('trigger-validity').textContent()).toContain('invalid JSON')
    await screenshot(page, 'trigger-body-preview-raw')

    await page.getByLabel('Escaped for JSON').check()
    await expect
      .poll(() => page.getByTestId('trigger-validity').textContent())
      .toContain('valid JSON')
    await page.getByRole('button', { name: 'Check every ticket' }).click()
    await expect.poll(() => page.getByTestId('trigger-batch').textContent()).toContain('ok')

    await page.getByLabel("Ticket id to load from the profile's Zendesk").fill('1')
    await page.getByRole('button', { name: 'Load from Zendesk' }).click()
    await expect.poll(() => picker.inputValue()).toBe('sandbox:1')

    await page.getByRole('button', { name: 'Show plan' }).click()
    const plan = page.getByTestId('setup-plan')
    await expect.poll(() => plan.textContent()).toMatch(/create\s*webhook/)
    await plan.scrollIntoViewIfNeeded()
    await screenshot(page, 'trigger-body-setup-plan')
    await page.getByRole('button', { name: 'Apply' }).click()
    await expect.poll(() => plan.textContent()).toContain('Up to date')
    expect(await page.getByTestId('setup-steps').textContent()).toMatch(/webhook create/)
    await page.getByTestId('setup-steps').scrollIntoViewIfNeeded()
    await screenshot(page, 'trigger-body-setup-applied')
    expect(errors).toEqual([])
    await page.close()
  })

  it('Copy for Braze shows the composer fields with the Authorization masked', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 1000 } })
    const errors = watchErrors(page)
    await page.goto(app.serve.url)
    await page.getByRole('button', { name: /Compose/ }).click()
    await page.getByRole('button', { name: 'Show fields' }).click()
    const handoff = page.getByTestId('braze-handoff')
    await expect.poll(() => handoff.textContent()).toContain('/api/v2/tickets.json')
    expect(await handoff.textContent()).toMatch(/Header AuthorizationBasic •+Authorization/)
    expect(await handoff.textContent()).toContain('2027-04-30')
    expect(await page.getByRole('button', { name: 'Copy with secrets' }).isDisabled()).toBe(true)
    expect(errors).toEqual([])
    await page.close()
  })
})
