import { execFileSync } from 'node:child_process'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { startScriptedServer } from '../helpers/scripted-server'
import {
  REPO,
  chromiumOrSkip,
  docScreenshot,
  screenshot,
  useServedApp,
  watchErrors,
} from './support/browser-door'

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

const PASSPHRASE = 'e2e passphrase 123'

describe.skipIf(!chromiumPath)('Send test ticket in Chromium', () => {
  const app = useServedApp(chromiumPath, { BRIDGEBENCH_PASSPHRASE: PASSPHRASE })

  async function openCompose(): Promise<Page> {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await page.goto(app.serve.url)
    await page.getByRole('button', { name: /Compose/ }).click()
    await page.getByTestId('problem-counts').waitFor()
    // An earlier test's edits stay as a draft: start from the template as saved.
    const discard = page.getByTestId('discard-changes')
    if (await discard.count()) {
      await discard.click()
      await expect.poll(() => discard.count()).toBe(0)
    }
    return page
  }

  async function replaceBody(page: Page, text: string): Promise<void> {
    await page.locator('.cm-content').click()
    await page.keyboard.press('Control+A')
    await page.keyboard.insertText(text)
    await page.keyboard.press('Control+Enter')
  }

  /** The CLI, attached to the app under test (same data folder), as a user would run it. */
  function cli(...args: string[]): string {
    return execFileSync(process.execPath, [path.join(REPO, 'out', 'main', 'cli.js'), ...args], {
      env: {
        ...process.env,
        BRIDGEBENCH_HOME: app.home,
        BRIDGEBENCH_PASSPHRASE: PASSPHRASE,
        BRIDGEBENCH_ZENDESK_TOKEN: 'token-0123456789abcdef',
      },
      encoding: 'utf8',
    })
  }

  it('sends the fixed seed to the Sandbox, shows Zendesk’s answer and the ticket page, then cleans up', async () => {
    const page = await openCompose()
    const errors = watchErrors(page)
    await replaceBody(page, FIXED_SEED)
    await expect
      .poll(() => page.getByTestId('preview-output').textContent())
      .toContain('Please help Ada')

    await page.getByTestId('send-ticket').click()
    const result = page.getByTestId('send-result')
    await expect
      .poll(() => result.textContent(), { timeout: 15_000 })
      .toMatch(/Zendesk created ticket #\d+/)
    expect(await page.getByTestId('send-confirm').count()).toBe(0)
    const link = result.getByRole('link', { name: /Open ticket #\d+ in Zendesk/ })
    const href = (await link.getAttribute('href')) ?? ''
    expect(href).toMatch(/\/agent\/tickets\/\d+$/)
    expect(await page.getByTestId('ticket-response').textContent()).toMatch(/201/)
    expect(await page.getByTestId('exchange-authorization').textContent()).toMatch(
      /the profile’s credentials, in place of the template’s header/,
    )
    await expect
      .poll(() => page.getByTestId('ticket-history').textContent())
      .toContain('Cannot log in')
    await page.setViewportSize({ width: 1400, height: 2200 })
    await screenshot(page, 'compose-ticket-sent')
    await page.setViewportSize({ width: 1400, height: 1000 })

    const agent = await app.browser.newPage({ viewport: { width: 1280, height: 800 } })
    await agent.goto(href)
    expect(await agent.locator('h1').textContent()).toBe('Cannot log in')
    const ticketPage = await agent.locator('body').innerText()
    expect(ticketPage).toMatch(/Requester\s+Ada Lovelace\s+ada@example\.com/)
    expect(ticketPage).toContain('Please help Ada')
    expect(await agent.content()).not.toMatch(/authorId|requesterId|\{"/)
    await screenshot(agent, 'agent-ticket-page')
    await agent.close()

    await page.getByTestId('delete-all-tickets').click()
    expect(await page.getByTestId('cleanup-confirm').count()).toBe(0)
    await expect
      .poll(() => page.getByTestId('cleanup-report').textContent())
      .toMatch(/Deleted 1 ticket\./)
    await page.getByRole('button', { name: /Simulators/ }).click()
    await expect
      .poll(() => page.getByTestId('sim-tickets').textContent())
      .not.toContain('Cannot log in')
    await docScreenshot(page, 'simulators')
    expect(errors).toEqual([])
    await page.close()
  })

  it('asks before a real account gets a body with lint errors, or loses its test tickets', async () => {
    const zendesk = await startScriptedServer(() => ({
      status: 201,
      body: { ticket: { id: 4242, status: 'new' } },
    }))
    try {
      cli(
        'profile',
        'add',
        '--name',
        'Acme',
        '--zendesk',
        zendesk.url,
        '--zendesk-email',
        'agent@example.com',
      )
      cli('profile', 'use', 'Acme')
      const host = new URL(zendesk.url).host
      const page = await openCompose()
      await expect.poll(() => page.getByTestId('send-target').textContent()).toBe('to Acme')

      await page.getByTestId('send-ticket').click()
      const confirm = page.getByTestId('send-confirm')
      await expect
        .poll(() => confirm.textContent())
        .toMatch(
          new RegExp(`The request has \\d+ lint errors, first \\(line 1\\): .*Acme \\(${host}\\)`),
        )
      await page.getByRole('button', { name: 'Cancel' }).click()
      expect(zendesk.seen).toHaveLength(0)

      await page.getByTestId('send-ticket').click()
      await page.getByRole('button', { name: 'Send anyway' }).click()
      await expect.poll(() => zendesk.seen.length, { timeout: 15_000 }).toBe(1)
      await expect.poll(() => page.getByTestId('ticket-history').textContent()).toContain('#4242')

      await page.getByTestId('delete-all-tickets').click()
      await expect
        .poll(() => page.getByTestId('cleanup-confirm').textContent())
        .toContain(`Delete 1 test ticket from Acme (${host})?`)
      await page.getByRole('button', { name: 'Cancel' }).click()
      expect(zendesk.seen).toHaveLength(1)
      await page.close()
    } finally {
      cli('profile', 'use', 'sandbox')
      await zendesk.close()
    }
  })

  it('says why nothing answered once, not again in the response', async () => {
    const closed = await startScriptedServer(() => ({ status: 200 }))
    await closed.close()
    cli(
      'profile',
      'add',
      '--name',
      'Gone',
      '--zendesk',
      closed.url,
      '--zendesk-email',
      'agent@example.com',
    )
    cli('profile', 'use', 'Gone')
    try {
      const page = await openCompose()
      await replaceBody(page, FIXED_SEED)
      await expect.poll(() => page.getByTestId('send-target').textContent()).toBe('to Gone')
      await page.getByTestId('send-ticket').click()
      const result = page.getByTestId('send-result')
      await expect.poll(() => result.textContent(), { timeout: 20_000 }).toMatch(/no answer/)
      const text = (await result.textContent()) ?? ''
      const message = (await result.locator('p').first().textContent()) ?? ''
      expect(message.length).toBeGreaterThan(20)
      expect(text.split(message.trim()).length - 1).toBe(1)
      await page.close()
    } finally {
      cli('profile', 'use', 'sandbox')
    }
  })
})
