import { loadUserFromBraze } from '../core/users/load-from-braze'
import { api } from './base'

export const usersRouter = {
  list: api.users.list.handler(({ context: { engine } }) => engine.users.list()),
  import: api.users.import.handler(({ context: { engine }, input }) =>
    engine.users.import(input.format, input.text),
  ),
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
