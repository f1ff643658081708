import { createHash, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeOAuthServer {
  baseUrl: string
  clientId: string
  clientSecret: string
  /** Every grant_type the token endpoint saw, in order. */
  grants: string[]
  /** Access tokens currently valid. */
  validAccessTokens: Set<string>
  expiresIn: number
  close: () => Promise<void>
}

/**
 * A Zendesk-shaped OAuth server on 127.0.0.1 (zendesk.md §1.2): authorize redirects straight
 * back (the "user" approves), /oauth/tokens checks PKCE and rotates single-use refresh tokens,
 * and /api/v2/users/me answers an admin for valid tokens, an anonymous user otherwise.
 */
export async function startFakeOAuthServer(
  options: { expiresIn?: number } = {},
): Promise<FakeOAuthServer> {
  const codes = new Map<string, { challenge: string; redirectUri: string }>()
  const refreshTokens = new Set<string>()
  const state: FakeOAuthServer = {
    baseUrl: '',
    clientId: 'bridgebench-test-client',
    clientSecret: 'client-secret-0123456789',
    grants: [],
    validAccessTokens: new Set(),
    expiresIn: options.expiresIn ?? 1800,
    close: () => Promise.resolve(),
  }
  const issue = () => {
    const access = `at-${randomBytes(12).toString('hex')}`
    const refresh = `rt-${randomBytes(12).toString('hex')}`
    state.validAccessTokens.add(access)
    refreshTokens.add(refresh)
    return {
      access_token: access,
      refresh_token: refresh,
      token_type: 'bearer',
      scope: 'read write',
      expires_in: state.expiresIn,
    }
  }
  const server: Server = createServer((req, res) => {
    void handle(req, res)
  })
  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', state.baseUrl)
    const json = (status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
    if (req.method === 'GET' && url.pathname === '/oauth/authorizations/new') {
      const q = url.searchParams
      if (q.get('client_id') !== state.clientId || q.get('code_challenge_method') !== 'S256') {
        return json(400, { error: 'invalid_request' })
      }
      const code = randomBytes(8).toString('hex')
      const redirectUri = q.get('redirect_uri') ?? ''
      codes.set(code, { challenge: q.get('code_challenge') ?? '', redirectUri })
      const back = new URL(redirectUri)
      back.searchParams.set('code', code)
      back.searchParams.set('state', q.get('state') ?? '')
      return res.writeHead(302, { location: back.toString() }).end()
    }
    if (req.method === 'POST' && url.pathname === '/oauth/tokens') {
      let raw = ''
      for await (const chunk of req) raw += String(chunk)
      const body = JSON.parse(raw) as Record<string, string>
      state.grants.push(body.grant_type ?? '')
      if (body.client_id !== state.clientId)
        return json(401, {
          error: 'invalid_client',
          error_description: 'Client authentication failed.',
        })
      if (body.grant_type === 'authorization_code') {
        const entry = codes.get(body.code ?? '')
        codes.delete(body.code ?? '')
        const challenge = createHash('sha256')
          .update(body.code_verifier ?? '')
          .digest('base64url')
        if (!entry || entry.redirectUri !== body.redirect_uri || entry.challenge !== challenge) {
          return json(400, {
            error: 'invalid_grant',
            error_description: 'The provided authorization grant is invalid.',
          })
        }
        return json(200, issue())
      }
      if (body.grant_type === 'refresh_token') {
        if (!refreshTokens.delete(body.refresh_token ?? '')) {
          return json(400, {
            error: 'invalid_grant',
            error_description: 'The refresh token is invalid.',
          })
        }
        return json(200, issue())
      }
      if (body.grant_type === 'client_credentials') {
        if (body.client_secret !== state.clientSecret) return json(401, { error: 'invalid_client' })
        const { refresh_token: _none, ...tokens } = issue()
        return json(200, tokens)
      }
      return json(400, { error: 'unsupported_grant_type' })
    }
    if (url.pathname === '/api/v2/users/me.json') {
      const token = (req.headers.authorization ?? '').replace(/^Bearer /, '')
      return state.validAccessTokens.has(token)
        ? json(200, {
            user: { id: 9001, name: 'Ada Admin', email: 'ada@acme.example', role: 'admin' },
          })
        : json(200, { user: { id: null, name: 'Anonymous user', role: 'end-user' } })
    }
    json(404, { error: 'RecordNotFound', description: 'Not found' })
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  state.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  state.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return state
}
