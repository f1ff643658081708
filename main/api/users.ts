import type { UserImportEvent, UserImportSummary } from '../../shared/contract/users'
import { streamWhile } from '../core/events/progress-stream'
import { importUsersFile } from '../core/users/import-users-file'
import { loadUserFromBraze } from '../core/users/load-from-braze'
import { api } from './base'

export const usersRouter = {
  list: api.users.list.handler(({ context: { engine } }) => engine.users.list()),
  import: api.users.import.handler(async function* ({ context: { engine }, input, signal }) {
    const deps = {
      readUsers: engine.renderer.readUsers.bind(engine.renderer),
      library: engine.users,
    }
    const result = yield* streamWhile<UserImportEvent, UserImportSummary>((emit) =>
      importUsersFile(
        deps,
        input.format,
        input.text,
        (progress) => emit({ type: 'progress', ...progress }),
        signal,
      ),
    )
    yield { type: 'result' as const, ...result }
  }),
  saveCustom: api.users.saveCustom.handler(({ context: { engine }, input }) =>
    engine.users.saveCustom(input.user, input.id),
  ),
  remove: api.users.remove.handler(({ context: { engine }, input }) => ({
    removed: engine.users.remove(input.id),
  })),
  random: api.users.random.handler(({ context: { engine }, input }) =>
    engine.users.random(input.seed),
  ),
  loadFromBraze: api.users.loadFromBraze.handler(async ({ context: { engine }, input }) => {
    await engine.useProfile()
    return loadUserFromBraze(engine, input.externalId)
  }),
}
