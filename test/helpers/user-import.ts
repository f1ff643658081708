import type { ApiClient } from '../../shared/contract'
import type { UserImportEvent, UserImportSummary } from '../../shared/contract/users'

/** `users.import` read to its end: the result, and the progress events before it. */
export async function importUsersThroughApi(
  api: ApiClient,
  input: Parameters<ApiClient['users']['import']>[0],
): Promise<
  UserImportSummary & { progress: Array<Extract<UserImportEvent, { type: 'progress' }>> }
> {
  const progress: Array<Extract<UserImportEvent, { type: 'progress' }>> = []
  for await (const event of await api.users.import(input)) {
    if (event.type === 'progress') progress.push(event)
    else return { count: event.count, first: event.first, problems: event.problems, progress }
  }
  throw new Error('users.import ended without a result')
}
