import type { Attempt, Exchange } from '../../shared/contract/exchanges'

const AT = '2026-11-30T12:00:00.000Z'

/** One attempt of a ticket create, answered with `status` (and a ticket id when created). */
export function ticketAttempt(status: number | null, ticketId?: number): Attempt {
  return {
    attempt: 1,
    state: status === null ? 'pending' : 'answered',
    request: {
      method: 'POST',
      url: 'http://127.0.0.1:4567/api/v2/tickets.json',
      headers: [['Authorization', 'Basic ••••']],
      body: {
        encoding: 'utf8',
        data: '{"ticket":{"subject":"Login problem","tags":["bridgebench_test"]}}',
        size: 65,
        truncated: false,
      },
      at: AT,
    },
    response:
      status === null
        ? null
        : {
            status,
            statusText: status === 201 ? 'Created' : 'Unprocessable Entity',
            headers: [['Content-Type', 'application/json']],
            body: {
              encoding: 'utf8',
              data: ticketId ? JSON.stringify({ ticket: { id: ticketId } }) : '{}',
              size: 20,
              truncated: false,
            },
            at: AT,
          },
    timings: status === null ? null : { total: 12 },
    error: null,
    retry: null,
  }
}

/** A `zendesk-ticket-create` exchange with the given attempts. */
export function ticketExchange(
  id: string,
  attempts: Attempt[],
  extra: Partial<Exchange> = {},
): Exchange {
  return {
    id,
    kind: 'zendesk-ticket-create',
    startedAt: AT,
    state: attempts.at(-1)?.state === 'pending' ? 'pending' : 'done',
    profileId: 'p-1a2b3c4d',
    idempotencyKey: 'bridgebench-key',
    authorization: 'profile',
    attempts,
    correlation: { template: 'Seed', userId: 'u-1001' },
    ...extra,
  }
}
