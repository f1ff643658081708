import { z } from 'zod'
import { testTicket, type TestTicket } from '../../../shared/contract/tickets'
import type { JsonStore } from '../storage/json-store'
import type { Migration } from '../storage/settings-migrations'
import { VersionedDocument } from '../storage/versioned-document'

const log = z.object({ schemaVersion: z.literal(1), tickets: z.array(testTicket) })
type Log = z.infer<typeof log>

const MIGRATIONS: Migration[] = [
  { to: 1, describe: 'test ticket log', up: (d) => ({ tickets: [], ...d }) },
]

/** Every test ticket Bridgebench created, per profile, so they can be found and cleaned up. */
export class TestTicketLog {
  private readonly document: VersionedDocument<Log>

  constructor(store: JsonStore) {
    this.document = new VersionedDocument(store, log, MIGRATIONS)
  }

  add(ticket: TestTicket): void {
    this.addMany([ticket])
  }

  /** Adds several in one write (tickets already in the log are left as they are). */
  addMany(tickets: TestTicket[]): void {
    const fresh = tickets.filter((t) => !this.has(t.profileId, t.ticketId))
    if (fresh.length === 0) return
    this.document.update((draft) => ({ ...draft, tickets: [...draft.tickets, ...fresh] }))
  }

  has(profileId: string, ticketId: number): boolean {
    return this.document
      .get()
      .tickets.some((t) => t.profileId === profileId && t.ticketId === ticketId)
  }

  /** Newest first; deleted ones only when asked. */
  list(filter: { profileId?: string; includeDeleted?: boolean } = {}): TestTicket[] {
    return this.document
      .get()
      .tickets.filter(
        (t) =>
          (!filter.profileId || t.profileId === filter.profileId) &&
          (filter.includeDeleted || !t.deletedAt),
      )
      .reverse()
  }

  markDeleted(profileId: string, ticketIds: number[], at: Date): void {
    const ids = new Set(ticketIds)
    this.document.update((draft) => ({
      ...draft,
      tickets: draft.tickets.map((t) =>
        t.profileId === profileId && ids.has(t.ticketId)
          ? { ...t, deletedAt: at.toISOString() }
          : t,
      ),
    }))
  }
}
