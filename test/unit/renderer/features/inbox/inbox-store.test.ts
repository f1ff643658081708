import { beforeEach, describe, expect, it } from 'vitest'
import type { CaptureSummary } from '../../../../../shared/contract'
import { NO_FILTERS } from '../../../../../renderer/src/features/inbox/capture-filters'
import { useInbox } from '../../../../../renderer/src/features/inbox/inbox-store'
import { captureSummary } from '../../../../helpers/capture-summary'

function summary(id: string, extra: Partial<CaptureSummary> = {}): CaptureSummary {
  return captureSummary({ id, receivedAt: new Date().toISOString(), ...extra })
}

const initial = useInbox.getState()

describe('the Inbox store, following live events', () => {
  beforeEach(() => {
    useInbox.setState(initial, true)
    useInbox.setState({ items: [summary('B'), summary('A')], total: 2 })
  })

  it('puts new captures on top, newest first', () => {
    useInbox.getState().applyEvents([
      { type: 'captured', summary: summary('C') },
      { type: 'captured', summary: summary('D') },
    ])
    expect(useInbox.getState().items.map((item) => item.id)).toEqual(['D', 'C', 'B', 'A'])
    expect(useInbox.getState().total).toBe(4)
  })

  it('adds a capture already listed only once (subscribed before the first page)', () => {
    useInbox.getState().applyEvents([{ type: 'captured', summary: summary('B') }])
    expect(useInbox.getState().items.map((item) => item.id)).toEqual(['B', 'A'])
    expect(useInbox.getState().total).toBe(2)
  })

  it('leaves out captures the filters exclude, and counts those only the body could match', () => {
    useInbox.setState({ filters: { ...NO_FILTERS, search: 'ada' } })
    useInbox.getState().applyEvents([
      { type: 'captured', summary: summary('C', { route: 'ada' }) },
      { type: 'captured', summary: summary('D') },
    ])
    expect(useInbox.getState().items.map((item) => item.id)).toEqual(['C', 'B', 'A'])
    expect(useInbox.getState().unseen).toBe(1)
  })

  it('replaces a listed capture in place when it is updated (its forward finished), counting nothing', () => {
    useInbox.setState({ openId: 'A' })
    const forward = {
      state: 'forwarded' as const,
      run: 'capture-first' as const,
      exchangeId: null,
      status: 201,
      message: 'forwarded → 201',
      warning: null,
      at: null,
    }
    useInbox.getState().applyEvents([{ type: 'updated', summary: summary('A', { forward }) }])
    const state = useInbox.getState()
    expect(state.items.map((item) => [item.id, item.forward?.status ?? null])).toEqual([
      ['B', null],
      ['A', 201],
    ])
    expect(state.total).toBe(2)
    expect(state.detailRevision).toBe(initial.detailRevision + 1)
  })

  it('drops deleted captures, their checks and their open detail', () => {
    useInbox.setState({ openId: 'A', checked: new Set(['A', 'B']) })
    useInbox.getState().applyEvents([{ type: 'deleted', ids: ['A'] }])
    const state = useInbox.getState()
    expect(state.items.map((item) => item.id)).toEqual(['B'])
    expect([...state.checked]).toEqual(['B'])
    expect(state.openId).toBeNull()
    expect(state.total).toBe(1)
  })

  it('asks to refetch the open detail when another attempt of its invocation arrives', () => {
    useInbox.setState({ openInvocationId: '77' })
    useInbox
      .getState()
      .applyEvents([
        { type: 'captured', summary: summary('C', { invocationId: '77', attempt: 2 }) },
      ])
    expect(useInbox.getState().detailRevision).toBe(1)
  })
})
