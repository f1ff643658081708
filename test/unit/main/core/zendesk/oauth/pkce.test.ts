import { describe, expect, it } from 'vitest'
import { createPkcePair, pkceChallenge } from '../../../../../../main/core/zendesk/oauth/pkce'

describe('PKCE', () => {
  it('computes the S256 challenge of RFC 7636 appendix B', () => {
    expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    )
  })

  it('makes a fresh 43-character verifier each time', () => {
    const a = createPkcePair()
    const b = createPkcePair()
    expect(a.verifier).toHaveLength(43)
    expect(a.verifier).not.toBe(b.verifier)
    expect(a.challenge).toBe(pkceChallenge(a.verifier))
  })
})
