import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chromiumOrSkip, screenshot, useServedApp, watchErrors } from './support/browser-door'

const chromiumPath = chromiumOrSkip()

/** Polls like expect.poll, with room for a busy 2-core machine. */
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000 })

type Scheme = 'light' | 'dark'

const PLAIN_TICKET = `{"ticket": {
  "requester": {"name": "{{\${first_name}}}", "email": "{{\${email_address}}}"},
  "subject": "Activity e2e",
  "comment": {"body": "From Compose"}
}}`

/**
 * The Sandbox's whole Zendesk → Braze loop on the Exchanges, Replay / QA and Activity screens:
 * solve a ticket → capture → forward → the simulated Braze's profile, each step on the timeline.
 */
describe.skipIf(!chromiumPath)('Exchanges, Replay / QA and Activity in Chromium', () => {
  // Unlocked secret storage, as in the desktop app: the Sandbox's route forwards the key it captured.
  const app = useServedApp(chromiumPath, { BRIDGEBENCH_PASSPHRASE: 'e2e passphrase 123' })

  async function openPage(scheme: Scheme, hash: string): Promise<Page> {
    const page = await app.browser.newPage({
      viewport: { width: 1500, height: 1000 },
      colorScheme: scheme,
    })
    await page.goto(`${app.serve.url}${hash}`)
    return page
  }

  async function shoot(hash: string, name: string, ready: (page: Page) => Promise<unknown>) {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await openPage(scheme, hash)
      await ready(page)
      await screenshot(page, `${name}-${scheme}`)
      await page.close()
    }
  }

  async function solve(simulators: Page, requester: RegExp): Promise<void> {
    const tickets = simulators.getByTestId('sim-tickets')
    await eventually(() => tickets.textContent()).toMatch(requester)
    await tickets
      .getByRole('row', { name: requester })
      .getByRole('button', { name: 'Solve' })
      .click()
  }

  it('says on each screen what to do while nothing has happened yet', async () => {
    for (const hash of ['#/activity', '#/exchanges', '#/replay']) {
      const page = await openPage('light', hash)
      const errors = watchErrors(page)
      await page.getByTestId(hash === '#/replay' ? 'sets-empty' : 'empty-state').waitFor()
      expect(await page.locator('main').textContent()).toMatch(/Simulators/)
      expect(errors).toEqual([])
      await page.close()
    }
    await shoot('#/activity', 'activity-empty', (p) => p.getByTestId('empty-state').waitFor())
    await shoot('#/exchanges', 'exchanges-empty', (p) => p.getByTestId('empty-state').waitFor())
    await shoot('#/replay', 'replay-empty', (p) => p.getByTestId('sets-empty').waitFor())
  })

  it('shows a solved ticket’s capture, forward and Braze’s answer on the open timeline, live', async () => {
    const activity = await openPage('light', '#/activity')
    const errors = watchErrors(activity)
    await activity.getByTestId('empty-state').waitFor()

    const simulators = await openPage('light', '#/simulators')
    await solve(simulators, /Ada Lovelace/)

    // The Activity page was never reloaded: the chain builds up from the engine's events.
    const chain = activity.getByTestId('activity-chain').first()
    await eventually(() => chain.locator('[data-step="response"]').textContent()).toMatch(
      /Braze answered 20\d/,
    )
    await eventually(() => chain.locator('[data-step="profile"]').textContent()).toMatch(
      /zendesk_ticket_solved/,
    )
    for (const step of ['ticket', 'invocation', 'capture', 'forward', 'response', 'profile'])
      expect(await chain.locator(`[data-step="${step}"]`).count()).toBe(1)
    expect(await chain.locator('[data-step="capture"]').textContent()).toMatch(/signature valid/)
    await eventually(() => simulators.getByTestId('sim-braze-profiles').textContent()).toContain(
      'zendesk_ticket_solved',
    )
    expect(errors).toEqual([])
    await simulators.close()
    await activity.close()
    await shoot('#/activity', 'activity-loop', (p) =>
      p.locator('[data-step="response"]').first().waitFor(),
    )
  })

  it('opens a forward from its timeline step: Braze’s answer, the lint and each attempt', async () => {
    const page = await openPage('light', '#/activity')
    const errors = watchErrors(page)
    await page.locator('[data-step="response"] a').first().click()
    await eventually(() => page.url()).toMatch(/#\/exchanges\/[0-9A-Z]{26}$/)
    await eventually(() => page.getByTestId('forward-outcome').textContent()).toMatch(
      /forwarded.*Braze accepted it \(20\d\)/,
    )
    // The Sandbox trigger's body has Zendesk's display values: the lint points at both places.
    expect(await page.getByTestId('lint-problems').textContent()).toMatch(
      /zendesk_last_ticket_status "Solved".*body \d+:\d+ · template \d+:\d+/,
    )
    await page.getByTestId('tab-attempts').click()
    const attempt = page.getByTestId('exchange-attempt')
    expect(await attempt.textContent()).toMatch(/POST http:\/\/127\.0\.0\.1:\d+\/users\/track/)
    expect(await attempt.textContent()).toMatch(/authorization: Bearer •+/i)
    // ↑/↓ move through the list, Esc closes the detail.
    await page.getByTestId('exchange-list').focus()
    await page.keyboard.press('Escape')
    await eventually(() => page.url()).toMatch(/#\/exchanges$/)
    expect(errors).toEqual([])
    await page.close()
    await shoot('#/exchanges', 'exchanges-list', async (p) => {
      await p.getByTestId('exchange-list').getByRole('option').first().click()
      await p.getByTestId('forward-outcome').waitFor()
    })
  })

  it('diffs a forward made with the profile’s key: the Authorization swap and nothing else', async () => {
    const page = await openPage('light', '#/exchanges')
    const errors = watchErrors(page)
    await page
      .getByTestId('exchange-list')
      .getByRole('option', { name: /Forward/ })
      .first()
      .click()
    await eventually(() => page.getByTestId('forward-outcome').textContent()).toMatch(/forwarded/)
    // The Sandbox's auto-forward already sends the profile's key in place of Zendesk's.
    await page.getByTestId('tab-diffs').click()
    await eventually(() => page.getByTestId('diff-verdict').textContent()).toBe(
      'Headers: authorization (credential).',
    )
    await page.getByTestId('tab-forward').click()
    const first = page.url()
    await page.getByTestId('forward-again-profile').click()
    await eventually(() => page.url()).not.toBe(first)
    await eventually(() => page.getByTestId('exchange-authorization').textContent()).toMatch(
      /profile’s key/,
    )
    await page.getByTestId('tab-diffs').click()
    const headers = page.getByTestId('header-diff')
    await eventually(() => headers.locator('[data-header]').count()).toBe(1)
    expect(await headers.locator('[data-header]').getAttribute('data-header')).toBe('authorization')
    expect(await headers.textContent()).toMatch(/credential swapped/)
    await page.getByTestId('body-same').waitFor()
    await page.getByTestId('tab-expected').click()
    await eventually(() => page.getByTestId('diff-verdict').textContent()).toMatch(/Identical/)
    await screenshot(page, 'exchanges-expected-light')
    expect(errors).toEqual([])
    const diffUrl = page.url()
    await page.close()
    const hash = new URL(diffUrl).hash
    await shoot(hash, 'exchanges-diff', async (p) => {
      await p.getByTestId('tab-diffs').click()
      await p.getByTestId('header-diff').waitFor()
    })
  })

  it('replays a saved capture set with progress, pass/fail per capture, and cancels a slow run', async () => {
    const simulators = await openPage('light', '#/simulators')
    await solve(simulators, /Núñez/)
    await simulators.close()

    const page = await openPage('light', '#/replay')
    const errors = watchErrors(page)
    await page.getByTestId('set-name').fill('solved-tickets')
    await page.getByTestId('save-set').click()
    await eventually(() => page.getByTestId('set-list').textContent()).toMatch(
      /solved-tickets\s*2 captures/,
    )
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export HAR' }).click(),
    ])
    const har = JSON.parse(await readFile((await download.path()) ?? '', 'utf8')) as {
      log: { version: string; entries: unknown[] }
    }
    expect(har.log.version).toBe('1.2')
    expect(har.log.entries).toHaveLength(2)
    expect(JSON.stringify(har)).not.toMatch(/sandbox-braze-key|Bearer [^•*"]/)
    await page.getByTestId('start-run').click()
    await eventually(() => page.getByTestId('run-progress').textContent()).toMatch(
      /finished\s*2 of 2 · 2 passed · 0 failed/,
    )
    expect(await page.getByTestId('run-results').textContent()).toMatch(/pass.*pass/)
    await eventually(() => page.getByTestId('run-history').textContent()).toMatch(/finished/)
    await screenshot(page, 'replay-run-light')

    // A result opens its replay exchange, whose answer is diffed against the forward's.
    const results = page.getByTestId('run-results')
    await results.getByRole('link').first().click()
    await eventually(() => page.url()).toMatch(/#\/exchanges\/[0-9A-Z]{26}$/)
    await page.getByTestId('tab-diffs').click()
    await eventually(() => page.getByTestId('diff-view').textContent()).toMatch(
      /Original|Replay|Headers/,
    )
    expect(await page.getByTestId('diff-view').textContent()).toMatch(/201/)
    await page.goBack()
    await page.getByTestId('set-list').waitFor()

    // One request every 10 s: the second waits long enough to be cancelled.
    await page.getByLabel('Requests / second').fill('0.1')
    await page.getByLabel('Concurrency').fill('1')
    await page.getByTestId('start-run').click()
    await eventually(() => page.getByTestId('run-progress').textContent()).toMatch(/1 of 2/)
    await page.getByTestId('cancel-run').click()
    await eventually(() => page.getByTestId('run-progress').textContent()).toMatch(/cancelled/)
    expect(errors).toEqual([])
    await page.close()
    const dark = await openPage('dark', '#/replay')
    await dark.getByTestId('start-run').click()
    await eventually(() => dark.getByTestId('run-progress').textContent()).toMatch(/finished/)
    await screenshot(dark, 'replay-run-dark')
    await dark.close()
  })

  it('starts a Compose ticket’s chain at the render and carries it through to the profile', async () => {
    const compose = await openPage('light', '#/compose')
    const errors = watchErrors(compose)
    // The seed template keeps its deliberate mistakes for Compose's lint: send a plain ticket.
    await compose.locator('.cm-content').click()
    await compose.keyboard.press('Control+A')
    await compose.keyboard.insertText(PLAIN_TICKET)
    await eventually(() => compose.getByTestId('preview-output').textContent()).toContain(
      'From Compose',
    )
    await compose.getByTestId('send-ticket').click()
    const sent =
      (await eventually(() => compose.getByTestId('send-result').textContent()).toMatch(
        /Zendesk created ticket #\d+/,
      ),
      (await compose.getByTestId('send-result').textContent()) ?? '')
    const ticketId = /ticket #(\d+)/.exec(sent)?.[1] ?? ''
    await compose.close()

    const activity = await openPage('light', '#/activity')
    const chain = activity.getByTestId('activity-chain').filter({ hasText: `Ticket #${ticketId}` })
    await eventually(() => chain.locator('[data-step="render"]').count()).toBe(1)
    expect(await chain.locator('[data-step="ticket"]').textContent()).toContain(`#${ticketId}`)
    expect(await chain.locator('.activity-step-missing').first().textContent()).toMatch(/Trigger/)

    const simulators = await openPage('light', '#/simulators')
    const tickets = simulators.getByTestId('sim-tickets')
    await tickets
      .getByRole('row')
      .filter({ has: simulators.getByRole('cell', { name: ticketId, exact: true }) })
      .getByRole('button', { name: 'Solve' })
      .click()
    await simulators.close()
    await eventually(() => chain.locator('[data-step="profile"]').count()).toBe(1)
    const steps = await chain.locator('[data-step]').all()
    const kinds = await Promise.all(steps.map((step) => step.getAttribute('data-step')))
    expect(kinds).toEqual([
      'render',
      'ticket',
      'invocation',
      'capture',
      'forward',
      'response',
      'profile',
    ])
    await screenshot(activity, 'activity-compose-loop-light')
    expect(errors).toEqual([])
    await activity.close()
  })
})
