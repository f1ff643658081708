import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useTempDir } from '../helpers/temp-dir'
import {
  chromiumOrSkip,
  docScreenshot,
  launchChromium,
  screenshot,
  screenshotViewport,
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

type Scheme = 'light' | 'dark'

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

  /** Compose in a fresh tab, with whatever an earlier test left as a draft discarded. */
  async function openCompose(
    colorScheme: Scheme = 'light',
    viewport = { width: 1400, height: 1000 },
  ): Promise<Page> {
    const page = await browser.newPage({ viewport, colorScheme })
    await page.goto(serve.url)
    await page.getByRole('button', { name: /Compose/ }).click()
    await page.getByTestId('problem-counts').waitFor()
    const discard = page.getByTestId('discard-changes')
    if (await discard.count()) {
      await discard.click()
      await expect.poll(() => discard.count()).toBe(0)
    }
    await page.getByTestId('problem-list').waitFor()
    return page
  }

  /** The screen scrolls inside the app, not the page: grow the window to capture all of it. */
  async function screenshotAll(page: Page, name: string): Promise<void> {
    const size = page.viewportSize()
    await page.setViewportSize({ width: 1400, height: 2400 })
    await screenshot(page, name)
    if (size) await page.setViewportSize(size)
  }

  async function replaceBody(page: Page, text: string): Promise<void> {
    await page.getByTestId('tab-body').click()
    await page.locator('.cm-content').click()
    await page.keyboard.press('Control+A')
    await page.keyboard.insertText(text)
    await page.keyboard.press('Control+Enter')
  }

  const editorText = (page: Page) => page.locator('.cm-content').innerText()
  const preview = (page: Page) => page.getByTestId('preview-output').textContent()
  const problems = (page: Page) => page.getByTestId('problem-list').textContent()
  const picked = (page: Page) =>
    page.getByTestId('user-picker').locator('option:checked').textContent()

  it('previews the seed template, lints it, and jumps from a problem to its place', async () => {
    const page = await openCompose()
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
    expect(listed).not.toMatch(/braze\.md|zendesk\.md|§/)
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

  it.each<[number, number, Scheme]>([
    [1280, 800, 'light'],
    [1280, 800, 'dark'],
    [1920, 1080, 'light'],
    [1920, 1080, 'dark'],
  ])(
    'at %i×%i (%s) shows the editor and preview side by side, lint under the editor, Send on screen',
    async (width, height, scheme) => {
      const page = await openCompose(scheme, { width, height })
      await expect.poll(() => preview(page)).toContain('"ticket"')
      const box = async (testId: string) => {
        const found = await page.getByTestId(testId).boundingBox()
        if (!found) throw new Error(`${testId} is not on screen`)
        return found
      }
      const editor = await box('template-editor')
      const output = await box('preview-output')
      const lint = await box('problem-list')
      const send = await box('send-ticket')
      expect(output.x).toBeGreaterThanOrEqual(editor.x + editor.width)
      expect(Math.abs(output.y - editor.y)).toBeLessThan(60)
      expect(lint.x).toBeLessThan(editor.x + editor.width)
      expect(lint.y).toBeGreaterThan(editor.y + editor.height - 1)
      for (const seen of [editor, output, lint, send]) expect(seen.y).toBeLessThan(height - 60)
      expect(send.y + send.height).toBeLessThan(height)
      await screenshotViewport(page, `compose-${width}x${height}-${scheme}`)
      if (width === 1280 && scheme === 'light') await docScreenshot(page, 'compose')
      await page.close()
    },
  )

  it('claims nothing about Zendesk when it lints the Liquid alone', async () => {
    const page = await openCompose()
    const errors = watchErrors(page)
    await page.getByLabel('Lint for').selectOption('')
    await expect.poll(() => problems(page)).not.toMatch(/"status" is "New"/)
    expect(await problems(page)).toMatch(/not valid JSON/)

    await page.getByTestId('tab-headers').click()
    for (const name of ['Authorization', 'Content-Type'])
      await page.getByRole('button', { name: `Remove header ${name}` }).click()
    await replaceBody(page, 'Hi {{${first_name}}}')
    const verdict = page.getByTestId('no-problems')
    await expect.poll(() => verdict.textContent()).toMatch(/^No Liquid errors\./)
    expect(await verdict.textContent()).toMatch(/not checked, neither as JSON nor for Zendesk/)
    expect(await verdict.textContent()).not.toMatch(/Zendesk would accept/)
    expect(errors).toEqual([])
    await page.close()
  })

  it('reports no errors once the body and headers are fixed, then lists each user’s own problems in a batch', async () => {
    const page = await openCompose()
    const errors = watchErrors(page)
    await replaceBody(page, VALID_TEMPLATE)
    await page.getByTestId('tab-headers').click()
    await page.getByLabel('Authorization value').fill('Bearer test-oauth-token-0123')
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => page.getByTestId('problem-counts').textContent()).toMatch(/^0 errors/)
    await expect.poll(() => preview(page)).toContain('"status": "new"')
    expect(await page.getByTestId('preview-headers').textContent()).toContain('Bearer ••••')
    expect(await page.getByTestId('send-authorization').inputValue()).toBe('as-rendered')

    await page.getByRole('button', { name: 'Run batch' }).click()
    const rows = page.getByTestId('batch-rows')
    await expect.poll(() => rows.locator('tbody tr').count()).toBe(4)
    expect(await page.getByTestId('batch-summary').textContent()).toMatch(/2 failing/)
    await page.getByLabel('Failing users only (2)').check()
    await expect.poll(() => rows.locator('tbody tr').count()).toBe(2)
    await page.getByLabel('Failing users only (2)').uncheck()
    await expect.poll(() => rows.locator('tbody tr').count()).toBe(4)
    const failing = rows.getByRole('row', { name: /Mei/ })
    expect(await failing.textContent()).toMatch(/fails.*requester\.email is empty/)
    await failing.getByRole('button', { name: /Mei/ }).click()
    await expect.poll(() => page.getByTestId('user-picker').inputValue()).toBe('u-1003')
    await expect.poll(() => problems(page)).toMatch(/requester\.email is empty/)
    await screenshotAll(page, 'compose-batch-light')
    expect(errors).toEqual([])
    await page.close()
  })

  it('draws a big batch 200 rows at a time', async () => {
    const page = await openCompose()
    const errors = watchErrors(page)
    const batch = page.getByRole('region', { name: 'Batch' })
    await batch.getByLabel('Render for').selectOption('random')
    await batch.getByLabel('How many').fill('300')
    await batch.getByRole('button', { name: 'Run batch' }).click()
    const rows = page.getByTestId('batch-rows').locator('tbody tr')
    await expect.poll(() => rows.count()).toBe(200)
    expect(await page.getByTestId('batch-more').textContent()).toMatch(/Showing 200 of 300 users/)
    await page.getByTestId('batch-more').scrollIntoViewIfNeeded()
    await screenshotAll(page, 'compose-batch-paged')
    await batch.getByRole('button', { name: 'Show 100 more' }).click()
    await expect.poll(() => rows.count()).toBe(300)
    expect(await page.getByTestId('batch-more').count()).toBe(0)
    expect(errors).toEqual([])
    await page.close()
  })

  it('lists the template’s own problems once in a batch, and what breaks for each user in their row', async () => {
    const page = await openCompose()
    await page.getByRole('button', { name: 'Run batch' }).click()
    await expect.poll(() => page.getByTestId('batch-common').textContent()).toMatch(/Every user/)
    const jose = page.getByTestId('batch-rows').getByRole('row', { name: /José/ })
    expect(await jose.textContent()).toMatch(/José \\"Pepe\\"|inside a JSON string/)
    expect(await jose.textContent()).not.toMatch(/<< Choose one >>/)
    await page.close()
  })

  it('saves the template under a new name and reopens it', async () => {
    const page = await openCompose()
    const errors = watchErrors(page)
    await replaceBody(page, VALID_TEMPLATE)
    await page.getByRole('button', { name: 'Save as…' }).click()
    await page.getByLabel('New template name').fill('VIP welcome ticket')
    await page.getByRole('button', { name: 'Save copy' }).click()
    await expect.poll(() => page.getByTestId('template-status').textContent()).toMatch(/Saved “VIP/)

    await page.locator('.cm-content').click()
    await page.keyboard.press('Control+End')
    await page.keyboard.insertText('\n')
    await page.keyboard.press('Control+s')
    await expect.poll(() => page.getByTestId('unsaved-badge').count()).toBe(0)

    await page.getByTestId('template-picker').selectOption('seed-zendesk-ticket')
    await expect.poll(() => editorText(page)).toContain('<< Choose one >>')
    await page.getByTestId('template-picker').selectOption({ label: 'VIP welcome ticket' })
    await expect.poll(() => editorText(page)).toContain('"subject": "Welcome,')
    expect(await page.getByTestId('template-name').inputValue()).toBe('VIP welcome ticket')
    expect(errors).toEqual([])
    await page.close()
  })

  it('keeps unsaved edits as a draft through a reload, until they are discarded', async () => {
    const page = await openCompose()
    const errors = watchErrors(page)
    await page.locator('.cm-content').click()
    await page.keyboard.press('Control+End')
    await page.keyboard.insertText('\nDRAFT-MARKER')
    await expect.poll(() => page.getByTestId('unsaved-badge').textContent()).toBe('unsaved changes')
    await page.waitForTimeout(1000)
    await page.reload()
    await page.getByTestId('problem-list').waitFor()
    await expect.poll(() => editorText(page)).toContain('DRAFT-MARKER')
    expect(await page.getByTestId('unsaved-badge').textContent()).toBe('draft restored')

    await page.getByTestId('discard-changes').click()
    await expect.poll(() => editorText(page)).not.toContain('DRAFT-MARKER')
    await page.reload()
    await page.getByTestId('problem-list').waitFor()
    expect(await editorText(page)).not.toContain('DRAFT-MARKER')
    expect(await page.getByTestId('unsaved-badge').count()).toBe(0)
    expect(errors).toEqual([])
    await page.close()
  })

  it('shows the test tag in the preview, inserted without reformatting the body', async () => {
    const page = await openCompose()
    await replaceBody(page, VALID_TEMPLATE)
    await expect.poll(() => preview(page)).toContain('"priority": "normal",\n')
    const untagged = (await preview(page)) ?? ''
    await page.getByTestId('add-test-tag').check()
    await expect.poll(() => preview(page)).toContain('bridgebench_test')
    expect(await preview(page)).toBe(
      untagged.replace('"status": "new"\n}', '"status": "new","tags": ["bridgebench_test"]\n}'),
    )
    expect(await page.getByTestId('tag-change').textContent()).toMatch(/rest of the body/)
    await page.getByTestId('add-test-tag').uncheck()
    await page.close()
  })

  it('sends the rendered headers: what Authorization goes out is chosen before sending', async () => {
    const page = await openCompose()
    await page.getByTestId('tab-headers').click()
    await page.getByRole('button', { name: 'Add header' }).click()
    await page.getByLabel('Header 3 name').fill('X-Probe')
    await page.getByLabel('X-Probe value').fill('hello {{${first_name}}}')
    await page.keyboard.press('Control+Enter')
    await expect
      .poll(() => page.getByTestId('preview-headers').textContent())
      .toContain('hello Ada')
    expect(await page.getByTestId('send-authorization').inputValue()).toBe('profile')
    expect(await page.getByTestId('authorization-note').textContent()).toMatch(
      /still holds a placeholder, so Sandbox’s credentials go in its place/,
    )
    await page.close()
  })

  it('keeps each problem’s severity badge clear of its place, WARNING included', async () => {
    const page = await openCompose()
    await replaceBody(page, 'Hi\n{{ "03/06/2021" | date: "%F" }}')
    await expect.poll(() => problems(page)).toMatch(/ambiguous/)
    const rows = page.getByTestId('problem-list').locator('.problem')
    const severities: string[] = []
    for (let i = 0; i < (await rows.count()); i++) {
      const badge = await rows.nth(i).locator('.badge').boundingBox()
      const where = await rows.nth(i).locator('.problem-where').boundingBox()
      severities.push((await rows.nth(i).locator('.badge').textContent()) ?? '')
      expect(badge && where && badge.x + badge.width <= where.x, `row ${i}`).toBe(true)
    }
    expect(severities).toContain('warning')
    await page.close()
  })

  it('points an unclosed {{ at its own line and previews the body up to it', async () => {
    const page = await openCompose()
    await replaceBody(
      page,
      '{"ticket": {\n  "comment": {"body": "Hi {{${first_name}}}"},\n  "subject": "{{ticket_subject",\n  "status": "new"\n}}',
    )
    await expect.poll(() => problems(page)).toMatch(/Ln 3, Col 15.*This `\{\{` is not closed/)
    const partial = page.getByTestId('preview-until-error')
    await expect.poll(() => partial.textContent()).toMatch(/error at Ln 3, Col 15/)
    expect(await partial.textContent()).toContain('"body": "Hi Ada"')
    await page.close()
  })

  it('loads a user from the simulated Braze and imports a CSV, listing the row it left out', async () => {
    const page = await openCompose()
    const errors = watchErrors(page)
    await page.getByTestId('braze-external-id').fill('u-1003')
    await page.getByRole('button', { name: 'Load', exact: true }).click()
    await expect.poll(() => picked(page)).toBe('Mei (u-1003) · from Braze')
    await page.getByTestId('braze-external-id').fill('u-1003')
    await page.getByRole('button', { name: 'Load', exact: true }).click()
    const options = page.getByTestId('user-picker').locator('option')
    await expect.poll(() => options.allTextContents()).toContain('Mei (u-1003) · built-in')
    const texts = await options.allTextContents()
    expect(new Set(texts).size).toBe(texts.length)
    expect(await page.getByRole('button', { name: 'Custom user…' }).count()).toBe(1)

    await page.getByTestId('user-import-file').setInputFiles({
      name: 'vips.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('external_id,first_name,address.city\nv-1,Vera,Oslo\nv-2\n'),
    })
    await expect.poll(() => page.getByText(/Imported 1 user from vips\.csv/).count()).toBe(1)
    expect(await page.getByText('vips.csv:3:1').count()).toBe(1)
    await expect.poll(() => picked(page)).toBe('Vera (v-1)')
    await expect.poll(() => page.getByTestId('render-meta').textContent()).toMatch(/Rendered.*Vera/)

    const random = page.getByTestId('user-picker').locator('optgroup[label="Random"] option')
    await page.getByRole('button', { name: 'Random user' }).click()
    await expect.poll(() => random.count()).toBe(1)
    const first = await picked(page)
    await page.getByRole('button', { name: 'Random user' }).click()
    await expect.poll(() => picked(page)).not.toBe(first)
    expect(await random.count()).toBe(1)

    await page.getByRole('button', { name: 'Edit' }).click()
    await page.getByTestId('custom-user-editor').waitFor()
    await screenshotAll(page, 'compose-users-light')
    await page.getByRole('button', { name: 'Cancel' }).click()
    expect(errors).toEqual([])
    await page.close()
  })

  it('lists Connected Content calls and renders with a pasted response', async () => {
    const page = await openCompose()
    const errors = watchErrors(page)
    await replaceBody(
      page,
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
