import { api } from './base'

export const vaultRouter = {
  unlock: api.vault.unlock.handler(({ context: { engine }, input }) => {
    engine.unlockSecrets(input.passphrase)
    return { ok: true as const }
  }),

  chooseWeakStorage: api.vault.chooseWeakStorage.handler(({ context: { engine }, input }) => {
    engine.vault.chooseWeakStorage(input.choice)
    engine.refreshStatus()
    return { ok: true as const }
  }),
}
