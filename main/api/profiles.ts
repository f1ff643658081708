import { exportProfiles, importProfiles } from '../core/vault/profile-transfer'
import { api } from './base'

export const profilesRouter = {
  list: api.profiles.list.handler(({ context: { engine } }) => ({
    profiles: engine.vault.list(),
    activeProfileId: engine.vault.activeProfileId(),
  })),

  create: api.profiles.create.handler(({ context: { engine }, input }) =>
    engine.vault.create(input),
  ),

  update: api.profiles.update.handler(({ context: { engine }, input }) => {
    const updated = engine.vault.update(input.id, input.changes)
    engine.refreshStatus()
    return updated
  }),

  remove: api.profiles.remove.handler(({ context: { engine }, input }) => {
    const removed = engine.vault.remove(input.id)
    engine.refreshStatus()
    return { removed }
  }),

  activate: api.profiles.activate.handler(({ context: { engine }, input }) => {
    engine.activateProfile(input.id)
    return { profiles: engine.vault.list(), activeProfileId: engine.vault.activeProfileId() }
  }),

  setSecret: api.profiles.setSecret.handler(({ context: { engine }, input }) =>
    engine.vault.setSecret(input.id, input.slot, input.value),
  ),

  removeSecret: api.profiles.removeSecret.handler(({ context: { engine }, input }) =>
    engine.vault.removeSecret(input.id, input.slot),
  ),

  test: api.profiles.test.handler(({ context: { engine }, input }) =>
    engine.testConnection(input.id),
  ),

  export: api.profiles.export.handler(({ context: { engine }, input }) =>
    exportProfiles(engine.vault, { ...input, now: new Date() }),
  ),

  import: api.profiles.import.handler(({ context: { engine }, input }) =>
    importProfiles(engine.vault, input.content, input.passphrase),
  ),

  oauthStart: api.profiles.oauthStart.handler(({ context: { engine }, input }) =>
    engine.zendeskAuth.startPkce(input.id),
  ),

  oauthFinish: api.profiles.oauthFinish.handler(({ context: { engine }, input }) =>
    engine.zendeskAuth.finishPkce(input.flowId),
  ),

  oauthClientCredentials: api.profiles.oauthClientCredentials.handler(
    ({ context: { engine }, input }) => engine.zendeskAuth.clientCredentials(input.id),
  ),
}
