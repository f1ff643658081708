import { afterEach, describe, expect, it } from 'vitest'
import { ExchangeStore } from '../../../../../main/core/captures/exchange-store'
import { confStoreFactory } from '../../../../../main/core/storage/json-store'
import { TestTicketLog } from '../../../../../main/core/zendesk/test-ticket-log'
import { reconcileTestTicketLog } from '../../../../../main/core/zendesk/test-ticket-reconcile'
import { ticketAttempt, ticketExchange } from '../../../../helpers/exchanges'
import { useTempDir } from '../../../../helpers/temp-dir'

const NOW = new Date('2026-11-30T12:00:00Z')

describe('reconcileTestTicketLog', () => {
  const tempDir = useTempDir()
  const stores: ExchangeStore[] = []
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close()
  })

  async function setup() {
    const dir = tempDir()
    const exchanges = await ExchangeStore.open(dir)
    stores.push(exchanges)
    return { exchanges, log: new TestTicketLog(confStoreFactory(dir)('test-tickets')) }
  }

  it('adds a ticket Zendesk created (201 with an id) that the log is missing', async () => {
    const { exchanges, log } = await setup()
    const id = exchanges.newId(NOW)
    await exchanges.save(ticketExchange(id, [ticketAttempt(201, 42)]))
    expect(await reconcileTestTicketLog(log, exchanges)).toBe(1)
    expect(log.list()).toEqual([
      {
        ticketId: 42,
        profileId: 'p-1a2b3c4d',
        agentUrl: 'http://127.0.0.1:4567/agent/tickets/42',
        createdAt: '2026-11-30T12:00:00.000Z',
        subject: 'Login problem',
        templateName: 'Seed',
        userLabel: 'u-1001',
        exchangeId: id,
        taggedAsTest: true,
        deletedAt: null,
      },
    ])
  })

  it('leaves the log alone for tickets it has, refusals, and sends with no answer', async () => {
    const { exchanges, log } = await setup()
    await exchanges.save(ticketExchange(exchanges.newId(NOW), [ticketAttempt(201, 42)]))
    await reconcileTestTicketLog(log, exchanges)
    await exchanges.save(ticketExchange(exchanges.newId(NOW), [ticketAttempt(422)]))
    await exchanges.save(ticketExchange(exchanges.newId(NOW), [ticketAttempt(null)]))
    expect(await reconcileTestTicketLog(log, exchanges)).toBe(0)
    expect(log.list().map((t) => t.ticketId)).toEqual([42])
  })
})
