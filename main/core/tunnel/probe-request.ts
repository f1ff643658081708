import { request as httpRequest, type RequestOptions } from 'node:http'
import { request as httpsRequest } from 'node:https'
import type { LookupFunction } from 'node:net'
import type { RawHeaders } from '../../../shared/contract/raw-http'

/** The self-test request: built to show what a tunnel changes on the way. */
export interface ProbeRequest {
  url: string
  method: 'POST'
  /** Sent exactly as listed: names in this case, the repeated header as two lines. */
  rawHeaders: RawHeaders
  body: Buffer
}

export interface ProbeAnswer {
  status: number
  body: Buffer
}

export type SendProbe = (probe: ProbeRequest, timeoutMs: number) => Promise<ProbeAnswer>

/** The receiver's route for self-tests: it answers without capturing. */
export function selfTestPath(nonce: string): string {
  return `/hooks/_selftest/${encodeURIComponent(nonce)}`
}

/**
 * Bytes that are not UTF-8 (a lone 0xFF, a broken two-byte sequence, a NUL), so a tunnel that
 * turns the body into text on the way is caught.
 */
const BINARY_PART = Buffer.from([0xff, 0xfe, 0x00, 0x80, 0xc3, 0x28, 0x0d, 0x0a, 0xe2, 0x82])

export function buildProbe(publicUrl: string, nonce: string): ProbeRequest {
  const url = new URL(selfTestPath(nonce), `${publicUrl.replace(/\/+$/, '')}/`)
  const body = Buffer.concat([BINARY_PART, Buffer.from(nonce, 'utf8'), BINARY_PART])
  return {
    url: url.href,
    method: 'POST',
    rawHeaders: [
      ['Host', url.host],
      ['User-Agent', 'Bridgebench-SelfTest/1'],
      ['Content-Type', 'application/octet-stream'],
      ['Content-Length', String(body.length)],
      ['X-Bridgebench-Probe', nonce],
      ['X-BRIDGEBENCH-CASE', 'Upper And Mixed'],
      ['X-Bridgebench-Repeat', 'first'],
      ['X-Bridgebench-Repeat', 'second'],
      ['Connection', 'close'],
    ],
    body,
  }
}

/** How much of an answer is read; a self-test answer is a few bytes. */
const ANSWER_LIMIT = 64 * 1024

/**
 * Sends a probe with node:http(s) rather than the project's got client, because got normalises
 * header names and joins repeated headers, which is exactly what the probe must not do.
 * `lookup` replaces DNS (tests point every name at 127.0.0.1).
 */
export function createProbeSender(options: { lookup?: LookupFunction } = {}): SendProbe {
  return (probe, timeoutMs) =>
    new Promise<ProbeAnswer>((resolve, reject) => {
      const url = new URL(probe.url)
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest
      const requestOptions: RequestOptions = {
        method: probe.method,
        // An array keeps the order, the case and the repeated lines exactly as given.
        headers: probe.rawHeaders.flat(),
        timeout: timeoutMs,
        agent: false,
        ...(options.lookup ? { lookup: options.lookup } : {}),
      }
      const req = send(url, requestOptions, (res) => {
        const chunks: Buffer[] = []
        let size = 0
        res.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size <= ANSWER_LIMIT) chunks.push(chunk)
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }))
        res.on('error', reject)
      })
      req.on('timeout', () => {
        const error = Object.assign(new Error(`no answer within ${timeoutMs} ms`), {
          code: 'ETIMEDOUT',
        })
        req.destroy(error)
      })
      req.on('error', reject)
      req.end(probe.body)
    })
}
