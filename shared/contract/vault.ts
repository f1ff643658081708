import { oc } from '@orpc/contract'
import { z } from 'zod'

/** Where secrets are kept: unlock the passphrase store, or choose weak storage on Linux. */
export const vaultContract = {
  unlock: oc
    .input(z.object({ passphrase: z.string().min(1) }))
    .output(z.object({ ok: z.literal(true) })),
  /** Linux without a keyring: the user must choose weak storage or session-only secrets. */
  chooseWeakStorage: oc
    .input(z.object({ choice: z.enum(['weak', 'session-only']) }))
    .output(z.object({ ok: z.literal(true) })),
}
