import { describe, expect, it } from 'vitest'
import { createBrazeLiquid } from '../../../../../main/core/liquid/braze-liquid'
import {
  renderBatch,
  renderBatchEvents,
  ROWS_PER_EVENT,
} from '../../../../../main/core/templates/render-batch'
import { collectBatch } from '../../../../../shared/compose/collect-batch'
import type { ComposeBatchEvent } from '../../../../../shared/contract/compose'
import { renderPreview } from '../../../../../main/core/templates/render-preview'
import { inThreadRenderer } from '../../../../../main/core/templates/template-renderer'
import { UserLibrary } from '../../../../../main/core/users/user-library'
import { confStoreFactory } from '../../../../../main/core/storage/json-store'
import { FIXED_NOW, seedTemplate } from '../../../../helpers/liquid-fixtures'
import { useTempDir } from '../../../../helpers/temp-dir'

const tempDir = useTempDir('bridgebench-batch-')
const liquid = inThreadRenderer(createBrazeLiquid({ clock: () => FIXED_NOW }))
const users = () => new UserLibrary({ store: confStoreFactory(tempDir())('users') })

describe('rendering for the Compose screen', () => {
  it('renders the preview for a user picked by id and says whom and how long', async () => {
    const preview = await renderPreview(liquid, users(), {
      template: 'Hi {{${first_name}}}',
      userId: 'u-1001',
    })
    expect(preview.result.output).toBe('Hi Ada')
    expect(preview.renderedFor).toMatchObject({ id: 'u-1001', source: 'built-in' })
    expect(preview.durationMs).toBeGreaterThanOrEqual(0)
  })

  it('renders for an inline user without an id', async () => {
    const preview = await renderPreview(liquid, users(), {
      template: 'Hi {{${first_name}}}',
      user: { first_name: 'Zed' },
    })
    expect(preview.result.output).toBe('Hi Zed')
    expect(preview.renderedFor).toMatchObject({ id: null, label: 'Zed (no id)', source: 'custom' })
  })

  it('never calls Connected Content live, even when asked to', async () => {
    const template = '{% connected_content https://example.invalid/x :save r %}{{r.a}}'
    const preview = await renderPreview(liquid, users(), {
      template,
      userId: 'u-1001',
      connectedContent: {
        responses: { 'https://example.invalid/x': { status: 200, body: { a: 1 } } },
      },
    })
    expect(preview.result.output).toBe('1')
    expect(preview.result.connectedContent[0]?.outcome).toBe('canned')
  })

  it('lists which built-in users fail the seed template, errors first', async () => {
    const batch = await renderBatch(liquid, users(), {
      template: seedTemplate(),
      users: 'built-in',
      target: 'zendesk-ticket',
    })
    expect(batch.rows.map((r) => [r.userId, r.ok])).toEqual([
      ['u-1001', false],
      ['u-1002', false],
      ['u-1003', false],
      ['60aa00bb11cc22dd33ee44ff', false],
    ])
    expect(batch.rows[0]?.problems.every((p) => p.severity === 'error')).toBe(true)
    expect(batch.totals).toMatchObject({ users: 4, failing: 4, aborted: 0 })
    expect(batch.totals.error).toBe(batch.rows.reduce((n, r) => n + r.counts.error, 0))
    expect(batch.seed).toBeNull()
  })

  it("lists the template's own problems once and each user's own problems in their row", async () => {
    const batch = await renderBatch(liquid, users(), {
      template: seedTemplate(),
      users: 'built-in',
      target: 'zendesk-ticket',
    })
    expect(batch.commonProblems.map((p) => p.code)).toEqual(
      expect.arrayContaining(['placeholder', 'invalid-json', 'zendesk-status']),
    )
    const jose = batch.rows.find((r) => r.userId === 'u-1002')
    expect(jose?.problems.map((p) => p.code)).toContain('unescaped-value')
    expect(jose?.problems[0]?.message).not.toMatch(/placeholder|not valid JSON/)
    const common = new Set(batch.commonProblems.map((p) => JSON.stringify(p)))
    for (const row of batch.rows)
      expect(row.problems.filter((p) => common.has(JSON.stringify(p)))).toEqual([])
    expect(jose?.counts.error).toBeGreaterThan(jose?.problems.length ?? 0)
  })

  it('renders N random users from a seed, and the same seed gives the same rows', async () => {
    const template =
      '{% if ${email_address} == blank %}{% abort_message("no email") %}{% endif %}ok'
    const input = { template, users: { random: 40, seed: 9 } }
    const first = await renderBatch(liquid, users(), input)
    expect(first.rows).toHaveLength(40)
    expect(first.rows[0]?.userId).toBe('rnd-9-1')
    expect(first.seed).toBe(9)
    expect((await renderBatch(liquid, users(), input)).rows).toEqual(first.rows)
    const aborted = first.rows.filter((r) => r.aborted !== null)
    expect(aborted.every((r) => r.aborted === 'no email' && !r.ok)).toBe(true)
    expect(first.totals.aborted).toBe(aborted.length)
  })

  it('gives an empty batch, not an error, when no users are saved', async () => {
    const batch = await renderBatch(liquid, users(), { template: 'x', users: 'saved' })
    expect(batch.rows).toEqual([])
    expect(batch.totals.users).toBe(0)
  })

  it('streams progress, then the rows a page at a time in order, then the result', async () => {
    const input = { template: 'Hi {{${first_name}}}', users: { random: 600, seed: 4 } }
    const events: ComposeBatchEvent[] = []
    for await (const event of renderBatchEvents(liquid, users(), input)) events.push(event)
    const pages = events.flatMap((e) => (e.type === 'rows' ? [e.rows.length] : []))
    expect(pages).toEqual([ROWS_PER_EVENT, ROWS_PER_EVENT, 600 - 2 * ROWS_PER_EVENT])
    expect(events.at(-1)).toMatchObject({ type: 'result', seed: 4, totals: { users: 600 } })
    const progress = events.filter((e) => e.type === 'progress')
    expect(progress.at(-1)).toEqual({ type: 'progress', done: 600, total: 600 })
    expect(events.indexOf(progress.at(-1) as ComposeBatchEvent)).toBeLessThan(
      events.findIndex((e) => e.type === 'rows'),
    )
    const rows = events.flatMap((e) => (e.type === 'rows' ? e.rows : []))
    expect(rows.map((r) => r.userId)).toEqual(
      Array.from({ length: 600 }, (_, i) => `rnd-4-${i + 1}`),
    )
  })

  it('says so when a batch stream ends without its result', async () => {
    async function* cut(): AsyncGenerator<ComposeBatchEvent> {
      yield await Promise.resolve({ type: 'progress' as const, done: 1, total: 2 })
    }
    await expect(collectBatch(cut())).rejects.toThrow(
      'The batch ended after 0 rows without its result',
    )
  })
})
