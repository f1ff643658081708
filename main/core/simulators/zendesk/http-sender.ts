import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { request as httpsRequest } from 'node:https'

export interface OutboundRequest {
  url: string
  method: string
  headers: Record<string, string>
  body: string
}

export type SendResult =
  | { kind: 'response'; statusCode: number; headers: IncomingHttpHeaders; body: string }
  | { kind: 'timeout'; error: string }
  | { kind: 'network-error'; error: string }
  | { kind: 'cancelled'; error: string }

/** Sends one webhook request; injected so tests can pass a fake. */
export type WebhookSender = (
  request: OutboundRequest,
  options: { timeoutMs: number; signal: AbortSignal },
) => Promise<SendResult>

/** Keeps the log readable: a receiver's error page is rarely useful past its first few KB. */
const MAX_RESPONSE_BODY = 16 * 1024

/**
 * node:http(s) with one deadline for the whole exchange (connect, send, headers and body), as
 * Zendesk's 12 s timeout is described (§5.7). Never throws: every failure is a result.
 */
export const sendWebhookRequest: WebhookSender = (outbound, { timeoutMs, signal }) =>
  new Promise((resolve) => {
    let settled = false
    const finish = (result: SendResult) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      signal.removeEventListener('abort', onAbort)
      resolve(result)
    }
    let url: URL
    try {
      url = new URL(outbound.url)
    } catch {
      resolve({ kind: 'network-error', error: `Invalid endpoint URL: ${outbound.url}` })
      return
    }
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest
    const headers: Record<string, string> = { ...outbound.headers }
    if (outbound.body !== '') headers['content-length'] = String(Buffer.byteLength(outbound.body))
    const req = send(url, { method: outbound.method, headers }, (res) => {
      const chunks: Buffer[] = []
      let size = 0
      res.on('data', (chunk: Buffer) => {
        if (size < MAX_RESPONSE_BODY) chunks.push(chunk)
        size += chunk.length
      })
      res.on('end', () =>
        finish({
          kind: 'response',
          statusCode: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8').slice(0, MAX_RESPONSE_BODY),
        }),
      )
      res.on('error', (error) => finish({ kind: 'network-error', error: error.message }))
    })
    const timer = setTimeout(() => {
      finish({ kind: 'timeout', error: `No complete answer within ${timeoutMs} ms` })
      req.destroy()
    }, timeoutMs)
    const onAbort = () => {
      finish({ kind: 'cancelled', error: 'The simulator stopped before the request finished' })
      req.destroy()
    }
    signal.addEventListener('abort', onAbort)
    req.on('error', (error) => finish({ kind: 'network-error', error: error.message }))
    req.end(outbound.body === '' ? undefined : outbound.body)
  })
