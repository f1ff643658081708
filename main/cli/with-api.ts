import type { ApiClient } from '../../shared/contract'
import { cliFailureFrom, openApiSession, type ApiSession, type SessionOptions } from './api-session'
import type { CliIo } from './cli-io'

/** Runs one command's work on the API session, mapping API errors to the CLI's exit codes. */
export async function withApi<T>(
  io: CliIo,
  options: SessionOptions,
  work: (api: ApiClient, session: ApiSession) => Promise<T>,
): Promise<T> {
  const session = await openApiSession(io, options)
  try {
    return await work(session.api, session)
  } catch (error) {
    throw cliFailureFrom(error)
  } finally {
    await session.close()
  }
}
