import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
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

/** A body Zendesk accepts for users with an email; the quotes in names are escaped. */
const VALID_TEMPLATE = `{% assign ticket_status = 'new' %}
{"ticket": {
  "requester": {"name": "{{\${first_name} | json_escape}}", "email": "{{\${email_address}}}"},
  "subject": "Welcome, {{\${first_name} | json_escape}}",
  "comment": {"body": "Hello from Braze"},
  "priority": "normal",
  "status": "{{ ticket_status }}"
}}`

describe.skipIf(!chromiumPath)('Compose screen in Chromium', () => {
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

  async function openCompose(colorScheme: 'light' | 'dark'): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, colorScheme })
    await page.goto(serve.url)
    await page.getByRole('button', { name: /Compose/ }).click()
    await page.getByTestId('problem-list').waitFor()
    return page
  }

  /** The screen scrolls inside the app, not the page: grow the window to capture all of it. */
  async function screenshotAll(page: Page, name: string): Promise<void> {
    await page.setViewportSize({ width: 1400, height: 2000 })
    await screenshot(page, name)
    await page.setViewportSize({ width: 1400, height: 1000 })
  }

  const editorText = (page: Page) => page.locator('.cm-content').innerText()
  const preview = (page: Page) => page.getByTestId('preview-output').textContent()
  const problems = (page: Page) => page.getByTestId('problem-list').textContent()

  it('previews the seed template, lints it, and jumps from a problem to its place', async () => {
    const page = await openCompose('light')
    const errors = watchErrors(page)
    expect(await page.getByTestId('template-picker').inputValue()).toBe('seed-zendesk-ticket')
    expect(await editorText(page)).toContain('<< Choose one >>')

    await page.getByTestId('user-picker').selectOption('u-1002')
    await expect.poll(() => page.getByTestId('render-meta').textContent()).toMatch(/José/)
    await expect.poll(() => preview(page)).toContain('"requester_id": "u-1002"')
    expect(await page.getByTestId('render-meta').textContent()).toMatch(/Rendered in [\d.]+ ms/)

    const listed = await problems(page)
    expect(listed).toContain('<< Choose one >>')
    expect(listed).toMatch(/not valid JSON/)
    expect(listed).toMatch(/"status" is "New"/)
    expect(listed).toMatch(/requester_id/)
    expect(await page.getByTestId('preview-headers').textContent()).toContain('Basic ••••')
    await expect.poll(() => page.locator('.cm-lintRange-error').count()).toBeGreaterThan(3)
    await screenshotAll(page, 'compose-seed-light')

    await page.getByRole('button', { name: /"status" is "New"/ }).click()
    await expect.poll(() => page.getByTestId('editor-cursor').textContent()).toBe('Ln 17, Col 12')
    expect(await page.evaluate<string>("document.activeElement?.className ?? ''")).toMatch(
      /cm-content/,
    )
    await page.keyboard.press('Control+End')
    await page.keyboard.insertText('\n{{ "typed-marker" | upcase }}')
    await expect.poll(() => preview(page)).toContain('TYPED-MARKER')
    expect(errors).toEqual([])
    await page.close()
  })

  it('reports no errors once the body and headers are fixed, then lists failing users in a batch', async () => {
    const page = await openCompose('light')
    const errors = watchErrors(page)
    await page.locator('.cm-content').click()
    await page.keyboard.press('Control+A')
    await page.keyboard.insertText(VALID_TEMPLATE)
    await page.getByLabel('Authorization value').fill('Bearer test-oauth-token-0123')
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => page.getByTestId('problem-counts').textContent()).toMatch(/^0 errors/)
    await expect.poll(() => preview(page)).toContain('"status": "new"')
    expect(await page.getByTestId('preview-headers').textContent()).toContain('Bearer ••••')

    await page.getByRole('button', { name: 'Run batch' }).click()
    const rows = page.getByTestId('batch-rows')
    await expect.poll(() => rows.locator('tbody tr').count()).toBe(4)
    expect(await page.getByTestId('batch-summary').textContent()).toMatch(/2 failing/)
    const failing = rows.getByRole('row', { name: /Mei/ })
    expect(await failing.textContent()).toMatch(/fails.*requester\.email is empty/)
    await failing.getByRole('button', { name: /Mei/ }).click()
    await expect.poll(() => page.getByTestId('user-picker').inputValue()).toBe('u-1003')
    await expect.poll(() => problems(page)).toMatch(/requester\.email is empty/)
    await screenshotAll(page, 'compose-batch-light')
    expect(errors).toEqual([])
    await page.close()
  })

  it('saves the template under a new name and reopens it', async () => {
    const page = await openCompose('light')
    const errors = watchErrors(page)
    await page.locator('.cm-content').click()
    await page.keyboard.press('Control+A')
    await page.keyboard.insertText(VALID_TEMPLATE)
    await page.getByRole('button', { name: 'Save as…' }).click()
    await page.getByLabel('New template name').fill('VIP welcome ticket')
    await page.getByRole('button', { name: 'Save copy' }).click()
    await expect.poll(() => page.getByTestId('template-status').textContent()).toMatch(/Saved “VIP/)

    await page.locator('.cm-content').click()
    await page.keyboard.press('Control+End')
    await page.keyboard.insertText('\n')
    await page.keyboard.press('Control+s')
    await expect.poll(() => page.getByText('unsaved changes').count()).toBe(0)

    await page.getByTestId('template-picker').selectOption('seed-zendesk-ticket')
    await expect.poll(() => editorText(page)).toContain('<< Choose one >>')
    await page.getByTestId('template-picker').selectOption({ label: 'VIP welcome ticket' })
    await expect.poll(() => editorText(page)).toContain('"subject": "Welcome,')
    expect(await page.getByTestId('template-name').inputValue()).toBe('VIP welcome ticket')
    expect(errors).toEqual([])
    await page.close()
  })

  it('loads a user from the simulated Braze and imports a CSV, listing the row it left out', async () => {
    const page = await openCompose('light')
    const errors = watchErrors(page)
    await page.getByTestId('braze-external-id').fill('u-1003')
    await page.getByRole('button', { name: 'Load', exact: true }).click()
    await expect
      .poll(() => page.getByTestId('user-picker').locator('option:checked').textContent())
      .toBe('Mei (u-1003)')
    expect(
      await page.getByTestId('user-picker').locator('optgroup[label="Loaded from Braze"]').count(),
    ).toBe(1)

    await page.getByTestId('user-import-file').setInputFiles({
      name: 'vips.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('external_id,first_name,address.city\nv-1,Vera,Oslo\nv-2\n'),
    })
    await expect.poll(() => page.getByText(/Imported 1 user from vips\.csv/).count()).toBe(1)
    expect(await page.getByText('vips.csv:3:1').count()).toBe(1)
    await expect
      .poll(() => page.getByTestId('user-picker').locator('option:checked').textContent())
      .toBe('Vera (v-1)')
    await expect.poll(() => page.getByTestId('render-meta').textContent()).toMatch(/Rendered.*Vera/)
    await page.getByRole('button', { name: 'Edit' }).click()
    await page.getByTestId('custom-user-editor').waitFor()
    await screenshotAll(page, 'compose-users-light')
    await page.getByRole('button', { name: 'Cancel' }).click()
    expect(errors).toEqual([])
    await page.close()
  })

  it('lists Connected Content calls and renders with a pasted response', async () => {
    const page = await openCompose('light')
    const errors = watchErrors(page)
    await page.locator('.cm-content').click()
    await page.keyboard.press('Control+A')
    await page.keyboard.insertText(
      '{% connected_content https://api.example.invalid/tier?id={{${user_id}}} :save tier %}Tier: {{ tier.name }}',
    )
    const calls = page.getByTestId('cc-calls')
    await expect.poll(() => calls.textContent()).toMatch(/not-called.*api\.example\.invalid/)
    await calls.getByRole('textbox').fill('{"name": "gold"}')
    await expect.poll(() => preview(page)).toBe('Tier: gold')
    expect(await calls.textContent()).toMatch(/canned/)
    expect(errors).toEqual([])
    await page.close()
  })

  it('follows the dark colour scheme, editor included', async () => {
    const page = await openCompose('dark')
    await page.getByTestId('user-picker').selectOption('u-1001')
    await expect.poll(() => preview(page)).toContain('Ada')
    const editorBackground = await page.evaluate<string>(
      "getComputedStyle(document.querySelector('.cm-editor')).backgroundColor",
    )
    expect(editorBackground).toBe('rgb(30, 33, 40)')
    await page.getByRole('button', { name: 'Run batch' }).click()
    await expect.poll(() => page.getByTestId('batch-rows').locator('tbody tr').count()).toBe(4)
    await page.getByRole('button', { name: /"status" is "New"/ }).click()
    await screenshotAll(page, 'compose-dark')
    await page.close()
  })
})
