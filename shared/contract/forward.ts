import { oc } from '@orpc/contract'
import { z } from 'zod'
import {
  textPlace,
  trackLintProblem,
  type TrackLintProblem,
  type TextPlaceView,
} from '../braze/track-lint-problem'
import { trackObjectLimit } from '../braze/track-limits'
import { profileId, recordId, templateId } from './ids'
import { rawBody } from './raw-http'

/**
 * Forwarding captured webhooks on to Braze: per-route settings, the pre-flight lint of a
 * `/users/track` body, what Braze answered (a 2xx with `errors` is a failure), and the optional
 * read-back of the profile. A forward is an exchange of kind `forward`, correlated to its capture.
 */

// ---------------------------------------------------------------------------------------------
// Route settings

/**
 * `proxy`: the receiver forwards before answering and answers Zendesk with Braze's own answer,
 * so Zendesk's retries behave as in production. `capture-first`: Zendesk gets the route's answer
 * at once; the forward follows in the background, retried on 429 and 5xx.
 */
export const forwardMode = z.enum(['off', 'proxy', 'capture-first'])
export type ForwardMode = z.infer<typeof forwardMode>

/** Where the Authorization header comes from: the captured request's own, or the profile's key. */
export const forwardAuth = z.enum(['capture', 'profile'])
export type ForwardAuth = z.infer<typeof forwardAuth>

/** A base URL to forward to instead of a profile's Braze endpoint. */
export const forwardUrl = z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL' })

/** A route's forwarding. Every field has a default, so older receiver.json routes still load. */
export const routeForward = z.object({
  mode: forwardMode.default('off'),
  /**
   * The profile whose Braze REST endpoint receives the forward and whose REST key is used with
   * `auth: 'profile'`; null: the route's profile, else the active one.
   */
  profileId: profileId.nullable().default(null),
  /** Instead of the profile's endpoint: another base URL (`https://rest.iad-01.braze.com`, a mock). */
  url: forwardUrl.nullable().default(null),
  auth: forwardAuth.default('capture'),
  /**
   * A Liquid template (plain Liquid, standard filters such as `json`) that turns the captured JSON
   * into the `/users/track` body; its top-level keys are variables, and `payload` is the whole.
   */
  transform: z.string().max(100_000).nullable().default(null),
  /**
   * A saved template holding the trigger's body, so problems point at its lines too. The Sandbox's
   * trigger is known without it.
   */
  triggerTemplateId: templateId.nullable().default(null),
  /** Lint problems block the forward instead of warning. */
  strictLint: z.boolean().default(false),
  /** After a forward Braze accepted, read the profiles back to see what arrived. */
  readBack: z.boolean().default(false),
  /** Braze queues writes: how long to wait before reading back. */
  readBackDelayMs: z.number().int().min(0).max(60_000).default(2_000),
})
export type RouteForward = z.infer<typeof routeForward>
export type RouteForwardInput = z.input<typeof routeForward>

// ---------------------------------------------------------------------------------------------
// Lint and Braze's answer, with places

export { textPlace, trackLintProblem, type TrackLintProblem, type TextPlaceView }

export const lintReport = z.object({
  problems: z.array(trackLintProblem),
  /** Strict mode and at least one problem: the forward was not sent. */
  blocked: z.boolean(),
  /** The template the `templateAt` places are in, when one was known. */
  template: z
    .object({ kind: z.enum(['trigger', 'saved', 'transform']), name: z.string() })
    .nullable(),
})
export type LintReport = z.infer<typeof lintReport>

/** One object Braze refused (in a 2xx's `errors`, or a 400's), mapped back to where it came from. */
export const refusedObject = z.object({
  /** Braze's words for it. */
  type: z.string(),
  inputArray: z.enum(['attributes', 'events', 'purchases']).nullable(),
  index: z.number().int().nullable(),
  path: z.string(),
  at: textPlace.nullable(),
  templateAt: textPlace.nullable(),
})
export type RefusedObject = z.infer<typeof refusedObject>

// ---------------------------------------------------------------------------------------------
// Outcome and read-back

export const forwardState = z.enum(['pending', 'forwarded', 'failed', 'blocked'])
export type ForwardState = z.infer<typeof forwardState>

/** How the forward was started: by a route's proxy or capture-first mode, or by hand. */
export const forwardRun = z.enum(['proxy', 'capture-first', 'manual'])
export type ForwardRun = z.infer<typeof forwardRun>

export const forwardOutcome = z.object({
  state: forwardState.exclude(['pending']),
  /** Braze's status on the last attempt; null when none came. */
  status: z.number().int().nullable(),
  /** One line a person can act on: "Braze accepted it (201)", "Braze skipped 1 of 2 objects: …". */
  message: z.string(),
  refused: z.array(refusedObject),
  /** E.g. in proxy mode: Zendesk would lose the event on this answer in production. */
  warnings: z.array(z.string()),
})
export type ForwardOutcome = z.infer<typeof forwardOutcome>

export const readBackItem = z.object({
  /** An attribute key, an event name or a purchase's product_id. */
  name: z.string(),
  kind: z.enum(['attribute', 'event', 'purchase']),
  /**
   * `arrived`: the profile has it as sent; `differs`: it has another value; `missing`: not there;
   * `not-compared`: an operation (`inc`, `add`, a nested object) whose result cannot be matched.
   */
  state: z.enum(['arrived', 'differs', 'missing', 'not-compared']),
  sent: z.unknown(),
  /** The value on the profile; for events and purchases `{count, last}`. */
  found: z.unknown(),
})
export type ReadBackItem = z.infer<typeof readBackItem>

export const readBackResult = z.object({
  at: z.string(),
  /** `/users/export/ids`'s status, or null when it got no answer. */
  status: z.number().int().nullable(),
  /** Why the read-back could not be done or read (no key, not JSON, 401…). */
  error: z.string().nullable(),
  users: z.array(
    z.object({ externalId: z.string(), found: z.boolean(), items: z.array(readBackItem) }),
  ),
  /** E.g. "2 of 3 attributes and 1 of 1 event arrived". */
  summary: z.string(),
})
export type ReadBackResult = z.infer<typeof readBackResult>

/** What an exchange of kind `forward` keeps besides its attempts. */
export const forwardDetail = z.object({
  captureId: z.string(),
  route: z.string(),
  run: forwardRun,
  /** The profile, the base the capture's path was appended to, and the URL sent to (masked). */
  target: z.object({ profileId: z.string().nullable(), base: z.string(), url: z.string() }),
  /** The route's Liquid transform and what it produced (the body that was sent). */
  transform: z.object({ template: z.string(), body: rawBody }).nullable(),
  lint: lintReport,
  /** Null while the forward is in flight. */
  outcome: forwardOutcome.nullable(),
  readBack: readBackResult.nullable(),
})
export type ForwardDetail = z.infer<typeof forwardDetail>

/** The latest forward of a capture, kept on it so the Inbox and `listen` show it. */
export const captureForward = z.object({
  state: forwardState,
  run: forwardRun,
  /** The forward exchange; null while pending. */
  exchangeId: z.string().nullable(),
  status: z.number().int().nullable(),
  /** "forwarded → 201", "failed: Braze skipped events[0]: 'time' is required", "pending". */
  message: z.string(),
  /** Proxy mode: what Zendesk would do with this answer loses the event in production. */
  warning: z.string().nullable(),
  at: z.string().nullable(),
})
export type CaptureForward = z.infer<typeof captureForward>

// ---------------------------------------------------------------------------------------------
// Operations

export const forwardRequest = z.object({
  captureId: recordId,
  /** Override the route's target profile (its Braze endpoint, and its key with auth `profile`). */
  profileId: profileId.optional(),
  /** Override the route's target with any base URL. */
  url: forwardUrl.optional(),
  auth: forwardAuth.optional(),
  /** Run the read-back after it (default: the route's setting). */
  readBack: z.boolean().optional(),
})
export type ForwardRequest = z.infer<typeof forwardRequest>

export const forwardResult = z.object({
  /** Null when nothing was sent and nothing recorded (the capture could not be read). */
  exchangeId: z.string().nullable(),
  forward: captureForward,
  lint: lintReport,
  outcome: forwardOutcome,
  readBack: readBackResult.nullable(),
})
export type ForwardResult = z.infer<typeof forwardResult>

/** One forward of a capture, as the list shows it (from the exchange index). */
export const forwardSummary = z.object({
  exchangeId: z.string(),
  startedAt: z.string(),
  state: z.enum(['pending', 'done']),
  attempts: z.number().int(),
  status: z.number().int().nullable(),
  outcome: forwardState.nullable(),
  message: z.string().nullable(),
})
export type ForwardSummary = z.infer<typeof forwardSummary>

export const lintRequest = z.object({
  /** The body to check, as text (it is checked as sent: byte size, JSON positions). */
  body: z.string().max(8 * 1024 * 1024),
  /** The object limit to apply: the profile's (default: the active profile's). */
  profileId: profileId.optional(),
  objectLimit: trackObjectLimit.optional(),
  /** A trigger body template, so problems point at its lines too. */
  template: z.string().max(200_000).optional(),
})

export const forwardContract = {
  /** Forward one capture now: to its route's target, or another profile or URL. */
  run: oc.input(forwardRequest).output(forwardResult),
  /** Pre-flight lint of a `/users/track` body, with places in the body and the template. */
  lint: oc.input(lintRequest).output(lintReport),
  /** A capture's forwards, newest first (from the exchange index: no file is read). */
  ofCapture: oc.input(z.object({ captureId: recordId })).output(z.array(forwardSummary)),
  /** Reads the profiles a forward wrote back from Braze now, and stores the result with it. */
  readBack: oc.input(z.object({ exchangeId: recordId })).output(readBackResult),
}
