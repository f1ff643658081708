import { eventIterator, oc } from '@orpc/contract'
import { z } from 'zod'
import { profileId, ticketId, userId } from './ids'
import { exchange } from './exchanges'
import { problem } from './problems'
import { brazeUserProfile } from './users'

export const testTicket = z.object({
  ticketId: z.number().int(),
  profileId: z.string(),
  agentUrl: z.string(),
  createdAt: z.string(),
  subject: z.string().nullable(),
  templateName: z.string().nullable(),
  userLabel: z.string().nullable(),
  exchangeId: z.string(),
  taggedAsTest: z.boolean(),
  deletedAt: z.string().nullable(),
})
export type TestTicket = z.infer<typeof testTicket>

export const sendTicketResult = z.object({
  ok: z.boolean(),
  reason: z.string(),
  message: z.string(),
  ticketId: z.number().optional(),
  ticketStatus: z.string().optional(),
  agentUrl: z.string().optional(),
  apiUrl: z.string(),
  retryAfterSeconds: z.number().optional(),
  problems: z.array(problem),
  idempotency: z.enum(['hit', 'miss']).optional(),
  idempotencyKey: z.string(),
  attempts: z.number(),
  /** The send with every attempt, for the response panel (credentials masked). */
  exchange: exchange,
  tagChange: z.string().optional(),
})
export type SendTicketResult = z.infer<typeof sendTicketResult>

/** What to send: the Compose template rendered in main for a user, exactly as Braze would. */
export const sendTicketInput = z.object({
  profileId: profileId.optional(),
  template: z.string(),
  headers: z.record(z.string(), z.string()).optional(),
  /** A user from the user library (or a built-in id), or the user itself. */
  userId: userId.optional(),
  user: brazeUserProfile.optional(),
  addTestTag: z.boolean().default(false),
  templateName: z.string().optional(),
})
export type SendTicketInput = z.input<typeof sendTicketInput>

export const sendTicketEvent = z.discriminatedUnion('type', [
  /** Rendering failed or was aborted: nothing was sent. */
  z.object({ type: z.literal('not-sent'), message: z.string(), problems: z.array(problem) }),
  z.object({ type: z.literal('attempt'), attempt: z.number() }),
  /** Zendesk asked us to wait (Retry-After); the UI counts down. */
  z.object({ type: z.literal('waiting'), seconds: z.number(), attempt: z.number() }),
  z.object({ type: z.literal('result'), result: sendTicketResult }),
])
export type SendTicketEvent = z.infer<typeof sendTicketEvent>

export const cleanupEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), done: z.number(), total: z.number() }),
  z.object({
    type: z.literal('result'),
    deleted: z.array(z.number()),
    failed: z.array(z.object({ ids: z.array(z.number()), message: z.string() })),
  }),
])
export type CleanupEvent = z.infer<typeof cleanupEvent>

export const ticketsContract = {
  send: oc.input(sendTicketInput).output(eventIterator(sendTicketEvent)),
  history: oc.input(z.object({ profileId: profileId.optional() })).output(z.array(testTicket)),
  /** destroy_many in chunks of 100; without ids, every open test ticket of the profile. */
  cleanup: oc
    .input(z.object({ profileId, ticketIds: z.array(ticketId).optional() }))
    .output(eventIterator(cleanupEvent)),
}
