import type { SimulatorEvent } from '../../../../shared/contract/simulators'
import type {
  TicketFieldDefinition,
  ZdJobStatus,
  ZdTicket,
  ZdTrigger,
  ZdUser,
  ZdWebhook,
} from './model'

/** Job data is kept about a day (§4.6); older jobs are dropped when new ones are added. */
const JOB_RETENTION_MS = 24 * 60 * 60 * 1000

/** The simulated account's records and id counters. Every change announces itself. */
export class ZendeskStore {
  readonly users = new Map<number, ZdUser>()
  readonly tickets = new Map<number, ZdTicket>()
  readonly webhooks = new Map<string, ZdWebhook>()
  readonly triggers = new Map<number, ZdTrigger>()
  readonly jobs = new Map<string, ZdJobStatus>()
  ticketFields: TicketFieldDefinition[] = []

  private nextTicketId = 1
  private nextUserId = 7_000_000_000_001
  private nextCommentId = 40_000_000_001
  private nextAuditId = 50_000_000_001
  private nextTriggerId = 360_000_000_001

  constructor(private readonly emit: (event: SimulatorEvent) => void) {}

  // Ids -----------------------------------------------------------------------------------------

  takeTicketId(): number {
    return this.nextTicketId++
  }
  takeUserId(preferred?: number): number {
    if (preferred !== undefined && !this.users.has(preferred)) return preferred
    return this.nextUserId++
  }
  takeCommentId(): number {
    return this.nextCommentId++
  }
  takeAuditId(): number {
    return this.nextAuditId++
  }
  takeTriggerId(): number {
    return this.nextTriggerId++
  }

  // Users ---------------------------------------------------------------------------------------

  addUser(user: ZdUser): ZdUser {
    this.users.set(user.id, user)
    this.emit({ type: 'zendesk.user', action: 'created', userId: user.id })
    return user
  }

  userByEmail(email: string): ZdUser | undefined {
    const wanted = email.trim().toLowerCase()
    for (const user of this.users.values()) if (user.email?.toLowerCase() === wanted) return user
    return undefined
  }

  userByExternalId(externalId: string): ZdUser | undefined {
    for (const user of this.users.values()) if (user.externalId === externalId) return user
    return undefined
  }

  // Tickets -------------------------------------------------------------------------------------

  saveTicket(ticket: ZdTicket, action: 'created' | 'updated'): void {
    this.tickets.set(ticket.id, ticket)
    this.emit({ type: 'zendesk.ticket', action, ticketId: ticket.id })
  }

  deleteTicket(id: number): boolean {
    if (!this.tickets.delete(id)) return false
    this.emit({ type: 'zendesk.ticket', action: 'deleted', ticketId: id })
    return true
  }

  // Webhooks and triggers -----------------------------------------------------------------------

  saveWebhook(webhook: ZdWebhook, action: 'created' | 'updated'): void {
    this.webhooks.set(webhook.id, webhook)
    this.emit({ type: 'zendesk.webhook', action, webhookId: webhook.id })
  }

  deleteWebhook(id: string): boolean {
    if (!this.webhooks.delete(id)) return false
    this.emit({ type: 'zendesk.webhook', action: 'deleted', webhookId: id })
    return true
  }

  saveTrigger(trigger: ZdTrigger, action: 'created' | 'updated'): void {
    this.triggers.set(trigger.id, trigger)
    this.emit({ type: 'zendesk.trigger', action, triggerId: trigger.id })
  }

  deleteTrigger(id: number): boolean {
    if (!this.triggers.delete(id)) return false
    this.emit({ type: 'zendesk.trigger', action: 'deleted', triggerId: id })
    return true
  }

  /** Active triggers in position order, the order Zendesk runs them in (§6.1). */
  activeTriggers(): ZdTrigger[] {
    return [...this.triggers.values()]
      .filter((trigger) => trigger.active)
      .sort((a, b) => a.position - b.position || a.id - b.id)
  }

  // Jobs ----------------------------------------------------------------------------------------

  addJob(job: ZdJobStatus, now: Date): void {
    for (const [id, old] of this.jobs) {
      if (now.getTime() - old.createdAt.getTime() > JOB_RETENTION_MS) this.jobs.delete(id)
    }
    this.jobs.set(job.id, job)
  }
}
