import type { RawHeaders } from '../../../shared/contract/raw-http'
import { isSecretHeader, maskHeaderValue } from '../../../shared/security/masking'

export interface Sealed {
  headers: RawHeaders
  sealedHeaders: Array<{ index: number; cipherText: string }>
}

/**
 * Credentials that arrive with a capture (Zendesk sends the Braze key as its webhook's Bearer
 * token) never sit on disk in clear: each credential header is masked in place and its value
 * kept as ciphertext of the secret store. Without a usable cipher, only the mask is kept.
 */
export function sealCredentialHeaders(
  headers: RawHeaders,
  encrypt: ((plain: string) => string) | undefined,
): Sealed {
  const sealedHeaders: Sealed['sealedHeaders'] = []
  // Most requests carry no credential: their header lines are kept as they are, not copied.
  if (!headers.some(([name]) => isSecretHeader(name))) return { headers, sealedHeaders }
  const masked: RawHeaders = headers.map(([name, value], index) => {
    if (!isSecretHeader(name)) return [name, value]
    if (encrypt) {
      try {
        sealedHeaders.push({ index, cipherText: encrypt(value) })
      } catch {
        // Secret storage is locked: the value is not kept.
      }
    }
    return [name, maskHeaderValue(name, value)]
  })
  return { headers: masked, sealedHeaders }
}

/** The headers as they arrived, credentials decrypted back (for a forward that passes them on). */
export function unsealCredentialHeaders(
  sealed: Sealed,
  decrypt: (cipherText: string) => string,
): RawHeaders {
  const headers: RawHeaders = sealed.headers.map(([name, value]) => [name, value])
  for (const { index, cipherText } of sealed.sealedHeaders) {
    const line = headers[index]
    if (line) line[1] = decrypt(cipherText)
  }
  return headers
}
