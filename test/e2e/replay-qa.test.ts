import { readFile } from 'node:fs/promises'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { Download, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chromiumOrSkip, screenshot, useServedApp, watchErrors } from './support/browser-door'

const chromiumPath = chromiumOrSkip()

/** Polls like expect.poll, with room for a busy 2-core machine. */
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000 })

type Scheme = 'light' | 'dark'

/** What a JUnit file says. */
interface JunitRead {
  wellFormed: boolean
  suite: { name: string; tests: string; failures: string }
  cases: Array<{ name: string; failure: string | null }>
}

interface JunitSuiteXml {
  name: string
  tests: string
  failures: string
  testcase?: Array<{ name: string; failure?: { message: string } }>
}

/**
 * Replay from the UI on the Sandbox: one capture from the Inbox's detail (as captured, then
 * edited into a body Braze refuses), and a capture set run on Replay / QA downloaded as JUnit.
 */
describe.skipIf(!chromiumPath)('Replay one capture and a run’s JUnit in Chromium', () => {
  // Unlocked secret storage, so the Sandbox's captures keep their credentials as in the desktop app.
  const app = useServedApp(chromiumPath, { BRIDGEBENCH_PASSPHRASE: 'e2e passphrase 123' })

  async function openPage(scheme: Scheme, hash: string): Promise<Page> {
    const page = await app.browser.newPage({
      viewport: { width: 1500, height: 1000 },
      colorScheme: scheme,
      acceptDownloads: true,
    })
    await page.goto(`${app.serve.url}${hash}`)
    return page
  }

  /** Tall enough for the detail's form and its result (the detail scrolls on its own). */
  async function tallScreenshot(page: Page, name: string): Promise<void> {
    await page.setViewportSize({ width: 1500, height: 1300 })
    await page.evaluate("document.querySelector('[data-testid=capture-detail]').scrollTop = 0")
    await screenshot(page, name)
    await page.setViewportSize({ width: 1500, height: 1000 })
  }

  const rows = (page: Page) => page.getByTestId('capture-list').getByRole('option')

  /** The Inbox with a Sandbox capture's detail and its Replay form open. */
  async function openReplayForm(scheme: Scheme): Promise<Page> {
    const page = await openPage(scheme, '#/inbox')
    await eventually(() => rows(page).count()).toBe(2)
    await rows(page).first().click()
    await page.getByTestId('replay-capture').click()
    await page.getByTestId('replay-one').waitFor()
    return page
  }

  /** The downloaded JUnit file, read by an XML parser as a CI server would. */
  async function readJunit(download: Download): Promise<JunitRead> {
    const text = await readFile((await download.path()) ?? '', 'utf8')
    const doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (name) => name === 'testcase',
    }).parse(text) as { testsuites: { testsuite: JunitSuiteXml } }
    const suite = doc.testsuites.testsuite
    return {
      wellFormed: XMLValidator.validate(text) === true,
      suite: { name: suite.name, tests: suite.tests, failures: suite.failures },
      cases: (suite.testcase ?? []).map((c) => ({
        name: c.name,
        failure: c.failure?.message ?? null,
      })),
    }
  }

  it('replays a Sandbox capture from its Inbox detail and sees Braze accept it', async () => {
    const simulators = await openPage('light', '#/simulators')
    const tickets = simulators.getByTestId('sim-tickets')
    await eventually(() => tickets.textContent()).toContain('Ada Lovelace')
    for (const requester of [/Ada Lovelace/, /Núñez/]) {
      await tickets
        .getByRole('row', { name: requester })
        .getByRole('button', { name: 'Solve' })
        .click()
    }
    await simulators.close()

    const page = await openReplayForm('light')
    const errors = watchErrors(page)
    const form = page.getByTestId('replay-one')
    expect(await form.getByTestId('replay-one-body').inputValue()).toMatch(/zendesk_ticket_solved/)
    expect(await form.textContent()).toMatch(/as captured, byte for byte/)
    // The target is focused when the form opens, and Enter sends.
    await eventually(() =>
      page.evaluate<string>("document.activeElement?.getAttribute('data-testid') ?? ''"),
    ).toBe('replay-target')
    await page.keyboard.press('Enter')
    const result = page.getByTestId('replay-one-result')
    await eventually(() => result.textContent()).toMatch(/pass\s*status 20\d · 1 attempt/)
    expect(await result.textContent()).toMatch(/http:\/\/127\.0\.0\.1:\d+\/users\/track/)
    expect(await page.getByTestId('replay-one-failures').count()).toBe(0)
    await tallScreenshot(page, 'replay-one-pass-light')

    await page.getByTestId('replay-one-exchange').click()
    await eventually(() => page.url()).toMatch(/#\/exchanges\/[0-9A-Z]{26}$/)
    await eventually(() => page.locator('main').textContent()).toMatch(/users\/track/)
    expect(errors).toEqual([])
    await page.close()
  })

  it('replays it edited into a body Braze refuses and shows why it failed; Esc closes only the form', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await openReplayForm(scheme)
      const errors = watchErrors(page)
      const body = page.getByTestId('replay-one-body')
      await body.fill('{"attributes": [{"zendesk_last_ticket_status": "solved"}]}')
      await eventually(() => page.getByTestId('replay-one').textContent()).toMatch(
        /edited: sent as typed/,
      )
      // Ctrl+Enter sends from the body.
      await body.press('Control+Enter')
      const failures = page.getByTestId('replay-one-failures')
      await eventually(() => failures.textContent()).toMatch(/Expected status 2xx, got 400/)
      expect(await page.getByTestId('replay-one-result').textContent()).toMatch(/fail\s*status 400/)
      await tallScreenshot(page, `replay-one-fail-${scheme}`)
      await body.press('Escape')
      await eventually(() => page.getByTestId('replay-one').count()).toBe(0)
      expect(await page.getByTestId('capture-detail').count()).toBe(1)
      expect(errors).toEqual([])
      await page.close()
    }
  })

  it('says why when the engine refuses the replay: the receiver it should go to is stopped', async () => {
    const page = await openReplayForm('light')
    const errors = watchErrors(page)
    await page.getByRole('button', { name: 'Stop', exact: true }).click()
    await eventually(() => page.getByTestId('receiver-state').textContent()).toMatch(/stopped/i)
    await page.getByTestId('replay-target').selectOption('receiver')
    await page.getByTestId('replay-one-send').click()
    await eventually(() => page.getByTestId('replay-one-error').textContent()).toMatch(
      /The receiver is not running.*start it/,
    )
    expect(await page.getByTestId('replay-one-result').count()).toBe(0)
    await page.getByRole('button', { name: 'Start receiver' }).click()
    await eventually(() => page.getByTestId('receiver-state').textContent()).toMatch(/running/i)
    expect(errors).toEqual([])
    await page.close()
  })

  it('runs a capture set and downloads its results as JUnit, one testcase per capture', async () => {
    const page = await openPage('light', '#/replay')
    const errors = watchErrors(page)
    await page.getByTestId('set-name').fill('solved')
    await page.getByTestId('save-set').click()
    await eventually(() => page.getByTestId('set-list').textContent()).toMatch(
      /solved\s*2 captures/,
    )
    await page.getByTestId('start-run').click()
    await eventually(() => page.getByTestId('run-progress').textContent()).toMatch(
      /finished\s*2 of 2 · 2 passed · 0 failed/,
    )
    const passing = await download(page)
    expect(passing.file).toMatch(/^solved-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.junit\.xml$/)
    expect(passing.junit.wellFormed).toBe(true)
    expect(passing.junit.suite).toEqual({ name: 'solved', tests: '2', failures: '0' })
    expect(passing.junit.cases.map((c) => c.failure)).toEqual([null, null])
    expect(await page.getByTestId('exports-note').textContent()).toMatch(/all 2 results/)

    // Without a key the simulated Braze answers 401: every capture fails, with its reason.
    await page.getByLabel(/^Authorization/).selectOption('none')
    await page.getByTestId('start-run').click()
    await eventually(() => page.getByTestId('run-progress').textContent()).toMatch(
      /finished\s*2 of 2 · 0 passed · 2 failed/,
    )
    const failing = await download(page)
    expect(failing.junit.suite).toEqual({ name: 'solved', tests: '2', failures: '2' })
    for (const testcase of failing.junit.cases)
      expect(testcase.failure).toMatch(/Expected status 2xx, got 401/)
    await screenshot(page, 'replay-junit-light')
    expect(errors).toEqual([])
    await page.close()

    const dark = await openPage('dark', '#/replay')
    await dark.getByTestId('start-run').click()
    await eventually(() => dark.getByTestId('run-progress').textContent()).toMatch(/finished/)
    await screenshot(dark, 'replay-junit-dark')
    await dark.close()
  })

  async function download(page: Page): Promise<{ file: string; junit: JunitRead }> {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-junit').click(),
    ])
    return { file: file.suggestedFilename(), junit: await readJunit(file) }
  }
})
