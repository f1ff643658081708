import { eventIterator, oc } from '@orpc/contract'
import { z } from 'zod'
import { renderRequestOptions } from './compose'
import { exchange, retryReason } from './exchanges'
import { profileId, ticketId, userId } from './ids'
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

/**
 * What to send: the Compose template rendered in main for a user exactly as the preview renders
 * it (the same request fields), then sent as Braze would send it.
 */
export const sendTicketInput = z.object({
  ...renderRequestOptions,
  profileId: profileId.optional(),
  /** A user from the user library (or a built-in id), or the user itself. */
  userId: userId.optional(),
  user: brazeUserProfile.optional(),
  addTestTag: z.boolean().default(false),
  templateName: z.string().optional(),
  /** How long each attempt waits for Zendesk's answer, in seconds; 30 when absent. */
  timeoutSeconds: z.number().int().min(1).max(300).optional(),
})
export type SendTicketInput = z.input<typeof sendTicketInput>
export type SendTicketRequest = z.output<typeof sendTicketInput>

export const sendTicketEvent = z.discriminatedUnion('type', [
  /** Rendering failed or was aborted: nothing was sent. */
  z.object({ type: z.literal('not-sent'), message: z.string(), problems: z.array(problem) }),
  z.object({ type: z.literal('attempt'), attempt: z.number() }),
  /**
   * Another attempt follows in `seconds`; the UI counts down. `reason` says why: Zendesk asked
   * (Retry-After), a rate limit resets, the last attempt got no answer, or plain backoff.
   */
  z.object({
    type: z.literal('waiting'),
    seconds: z.number(),
    attempt: z.number(),
    reason: retryReason,
  }),
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
