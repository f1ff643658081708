import { oc } from '@orpc/contract'
import { z } from 'zod'
import { profileId } from './ids'

/** The account's Zendesk webhooks: point one at the receiver, put it back, read its log. */

/** A webhook in the Zendesk account, and whether it points at this receiver. */
export const accountWebhook = z.object({
  id: z.string(),
  name: z.string(),
  endpoint: z.string(),
  status: z.string(),
  httpMethod: z.string(),
  requestFormat: z.string(),
  /** Set when Bridgebench pointed it at the receiver: where it pointed before. */
  linked: z
    .object({ previousEndpoint: z.string(), linkedEndpoint: z.string(), stale: z.boolean() })
    .nullable(),
})
export type AccountWebhook = z.infer<typeof accountWebhook>

/** One invocation in Zendesk's log, and the captures that arrived for it. */
export const invocationCheck = z.object({
  id: z.string(),
  createdAt: z.string(),
  status: z.string(),
  captureIds: z.array(z.string()),
  /** Zendesk says it delivered (or tried), but nothing arrived here: a lost delivery. */
  missing: z.boolean(),
})
export type InvocationCheck = z.infer<typeof invocationCheck>

const webhookRef = z.object({ profileId: profileId.optional(), webhookId: z.string().max(64) })

export const webhooksContract = {
  /** GET /api/v2/webhooks for the profile (the active one when not given). */
  list: oc.input(z.object({ profileId: profileId.optional() })).output(z.array(accountWebhook)),
  /** Points the webhook at the receiver's public URL (route `route`), remembering the old one. */
  link: oc
    .input(webhookRef.extend({ route: z.string().max(64).default('braze') }))
    .output(accountWebhook),
  /** Puts the webhook's endpoint back to what it was before linking. */
  unlink: oc.input(webhookRef).output(accountWebhook),
  /** Zendesk's invocation log for the webhook beside the captures, marking lost deliveries. */
  invocations: oc.input(webhookRef).output(z.array(invocationCheck)),
}
