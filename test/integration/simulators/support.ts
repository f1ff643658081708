import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ZendeskSimulator } from '../../../main/core/simulators/zendesk/zendesk-simulator'

export interface ReceivedRequest {
  method: string
  url: string
  headers: IncomingHttpHeaders
  /** Raw bytes, as a signature must be checked over them. */
  body: Buffer
  at: number
}

export type Responder = (request: ReceivedRequest, res: ServerResponse) => void

/** A loopback webhook receiver: records every request; answers 200 unless told otherwise. */
export async function startReceiver(respond: Responder = (_req, res) => res.end('ok')) {
  const received: ReceivedRequest[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const request: ReceivedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
        at: Date.now(),
      }
      received.push(request)
      respond(request, res)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`
  return {
    url,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

export interface Answer {
  status: number
  headers: Record<string, string>
  text: string
  /** Parsed JSON, or undefined for an empty body. */
  body: unknown
}

export async function call(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<Answer> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...init.headers },
    body:
      init.body === undefined
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : JSON.stringify(init.body),
  })
  const text = await response.text()
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    text,
    body: text === '' ? undefined : (JSON.parse(text) as unknown),
  }
}

export function tokenAuth(zendesk: ZendeskSimulator, email = zendesk.credentials.email): string {
  const pair = `${email}/token:${zendesk.credentials.token}`
  return `Basic ${Buffer.from(pair).toString('base64')}`
}

/** A Zendesk API client for tests: API-token auth unless other headers are given. */
export function zendeskApi(zendesk: ZendeskSimulator) {
  return (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    call(`${zendesk.apiUrl}${path}`, {
      method,
      headers: { authorization: tokenAuth(zendesk), ...headers },
      body,
    })
}
