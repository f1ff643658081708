import type { ReplayResult } from '../../shared/contract/replay'

/**
 * One capture's replay result: passed with 201 when no failures are given, failed with 400 and
 * those reasons otherwise.
 */
export function replayResult(
  name: string,
  failures: string[] = [],
  fields: Partial<ReplayResult> = {},
): ReplayResult {
  return {
    name,
    captureId: name,
    exchangeId: null,
    url: 'http://127.0.0.1:1/users/track',
    status: failures.length ? 400 : 201,
    attempts: 1,
    durationMs: 1250,
    passed: failures.length === 0,
    failures,
    ...fields,
  }
}
