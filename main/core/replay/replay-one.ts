import type { Capture } from '../../../shared/contract/captures'
import type { RawHeaders } from '../../../shared/contract/raw-http'
import type {
  AssertionRules,
  ReplayAuth,
  ReplayEdit,
  ReplayResult,
} from '../../../shared/contract/replay'
import { ZENDESK_TEST_SIGNING_SECRET, signatureTimestamp } from '../zendesk/webhook-signature'
import { checkAnswer } from './replay-assertions'
import type { RateLimiter } from './replay-rate'
import { readBackFailures, type ReadBackDeps } from './replay-read-back'
import { buildReplayRequest, type ReplayCredential, type ReplayRequest } from './replay-request'
import { sendReplay, type ReplaySendDeps, type ReplaySent } from './replay-send'
import type { ResolvedTarget } from './replay-target'

export interface ReplayOneDeps extends ReplaySendDeps, ReadBackDeps {
  /** A profile's Zendesk webhook signing secret, when it has one. */
  signingSecret: (profileId: string) => string | undefined
  /** The capture's header lines with credentials decrypted, when this inbox holds them. */
  unsealed: (capture: Capture) => Promise<RawHeaders | undefined>
}

export interface ReplayOneInput {
  /** The file in the set, or the capture id. */
  name: string
  capture: Capture
  target: ResolvedTarget
  auth: ReplayAuth
  resign: 'profile' | 'test' | null
  maxWaitSeconds: number
  edit?: ReplayEdit
  rules: AssertionRules
  correlation?: Record<string, string>
  limiter?: RateLimiter
  signal?: AbortSignal
}

/** Replays one capture and judges the answer: never throws for a capture's own problems. */
export async function replayOne(deps: ReplayOneDeps, input: ReplayOneInput): Promise<ReplayResult> {
  const started = performance.now()
  const result = (fields: Partial<ReplayResult>): ReplayResult => {
    const failures = fields.failures ?? []
    return {
      name: input.name,
      captureId: input.capture.id,
      exchangeId: null,
      url: null,
      status: null,
      attempts: 0,
      durationMs: Math.round(performance.now() - started),
      ...fields,
      failures,
      passed: failures.length === 0,
    }
  }
  let request: ReplayRequest
  try {
    request = buildReplayRequest({
      capture: input.capture,
      url: input.target.urlFor(input.capture),
      credential: await credential(deps, input),
      edit: input.edit,
      resign: resignWith(deps, input),
    })
  } catch (error) {
    return result({ failures: [messageOf(error)] })
  }
  const sent = await sendReplay(deps, request, {
    profileId: input.target.profileId,
    correlation: { captureId: input.capture.id, ...input.correlation },
    maxWaitSeconds: input.maxWaitSeconds,
    limiter: input.limiter,
    signal: input.signal,
  })
  const base = {
    exchangeId: sent.exchange.id,
    url: request.url,
    attempts: sent.attempts.length,
    status: sent.outcome.kind === 'answered' ? sent.outcome.status : null,
  }
  const failures = await judge(deps, input, request, sent)
  return result({ ...base, failures })
}

async function judge(
  deps: ReplayOneDeps,
  input: ReplayOneInput,
  request: ReplayRequest,
  sent: ReplaySent,
): Promise<string[]> {
  const { outcome } = sent
  if (outcome.kind === 'failed')
    return [`No answer from ${new URL(request.url).host}: ${outcome.failure.message}`]
  const failures = checkAnswer(input.rules, {
    status: outcome.status,
    text: outcome.body.toString('utf8'),
  })
  if (sent.declinedWait) {
    failures.push(
      `The target asked to wait ${sent.declinedWait.afterSeconds} s before trying again, more than the ${input.maxWaitSeconds} s allowed: replay it later, or allow a longer wait.`,
    )
  }
  const readBack = input.rules.readBack
  const ok = outcome.status >= 200 && outcome.status < 300
  if (readBack && ok && failures.length === 0) {
    if (!input.target.braze)
      failures.push('Read-back needs a Braze REST endpoint and key in the profile.')
    else
      failures.push(
        ...(await readBackFailures(deps, input.target.braze, readBack, request.body, input.signal)),
      )
  }
  return failures
}

async function credential(deps: ReplayOneDeps, input: ReplayOneInput): Promise<ReplayCredential> {
  switch (input.auth) {
    case 'none':
      return { source: 'none' }
    case 'profile': {
      const authorization = input.target.profileAuthorization
      if (!authorization) {
        throw new Error(
          `Profile ${input.target.profileId} has no Braze REST API key to replay with: add it under Connections, or replay with --auth capture.`,
        )
      }
      return { source: 'profile', authorization }
    }
    case 'capture': {
      const headers = await deps.unsealed(input.capture)
      // Without the sealed values the masks remain, and the request builder says so.
      return { source: 'capture', headers: headers ?? input.capture.request.headers }
    }
  }
}

function resignWith(
  deps: ReplayOneDeps,
  input: ReplayOneInput,
): { secret: string; timestamp: string } | undefined {
  if (input.resign === null) return undefined
  const secret =
    input.resign === 'test'
      ? ZENDESK_TEST_SIGNING_SECRET
      : deps.signingSecret(input.target.profileId)
  if (!secret) {
    throw new Error(
      `Profile ${input.target.profileId} has no Zendesk webhook signing secret to re-sign with: add it, or re-sign with Zendesk's test secret.`,
    )
  }
  return { secret, timestamp: signatureTimestamp(deps.now()) }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
