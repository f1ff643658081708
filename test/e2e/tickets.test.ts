import { describe, expect, it } from 'vitest'
import { chromiumOrSkip, screenshot, useServedApp, watchErrors } from './support/browser-door'

const chromiumPath = chromiumOrSkip()

/** The published seed, fixed the way its lint asks. */
const FIXED_SEED = `{% assign ticket_type = 'question' %}
{% assign ticket_subject = 'Cannot log in' %}
{% capture ticket_body %}Please help {{\${first_name}}}{% endcapture %}
{% assign ticket_status = 'new' %}
{
"ticket": {
"requester": { "name": "{{\${first_name} | json_escape}} {{\${last_name} | json_escape}}", "email": "{{\${email_address}}}"},
"type": "{{ ticket_type }}",
"subject":  "{{ticket_subject}}",
"comment":  { "body": "{{ticket_body | json_escape}}" },
"priority": "urgent",
"status": "{{ ticket_status }}"
  }
}`

describe.skipIf(!chromiumPath)('Send test ticket in Chromium (Sandbox)', () => {
  const app = useServedApp(chromiumPath)

  it('sends the fixed seed, shows the ticket and Zendesk’s answer, then cleans it up', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 1000 } })
    const errors = watchErrors(page)
    await page.goto(app.serve.url)
    await page.getByRole('button', { name: /Compose/ }).click()
    await page.getByTestId('problem-list').waitFor()
    await page.locator('.cm-content').click()
    await page.keyboard.press('Control+A')
    await page.keyboard.insertText(FIXED_SEED)
    await page.keyboard.press('Control+Enter')
    await expect
      .poll(() => page.getByTestId('preview-output').textContent())
      .toContain('Please help Ada')

    await page.getByTestId('send-ticket').click()
    const result = page.getByTestId('send-result')
    await expect
      .poll(() => result.textContent(), { timeout: 15_000 })
      .toMatch(/Zendesk created ticket #\d+/)
    const link = result.getByRole('link', { name: /Open ticket #\d+ in Zendesk/ })
    expect(await link.getAttribute('href')).toMatch(/\/agent\/tickets\/\d+$/)
    expect(await page.getByTestId('ticket-response').textContent()).toMatch(/201/)
    expect(await page.getByTestId('ticket-history').textContent()).toContain('Cannot log in')
    await page.setViewportSize({ width: 1400, height: 2200 })
    await screenshot(page, 'compose-ticket-sent')
    await page.setViewportSize({ width: 1400, height: 1000 })

    await page.getByTestId('delete-all-tickets').click()
    await expect
      .poll(() => page.getByTestId('cleanup-report').textContent())
      .toMatch(/Deleted 1 ticket\./)
    await page.getByRole('button', { name: /Simulators/ }).click()
    await expect
      .poll(() => page.getByTestId('sim-tickets').textContent())
      .not.toContain('Cannot log in')
    expect(errors).toEqual([])
    await page.close()
  })
})
