import { connect } from 'node:net'

/** One request as bytes on the wire, so it can be anything a hostile client sends. */
export interface RawRequest {
  method: string
  /** The request target exactly as sent: not encoded, not checked. */
  target: string
  headers: Array<[string, string]>
  body?: Buffer
  /** Claims more body than is sent, then half-closes: a client that gave up mid-body. */
  truncate?: boolean
}

export interface RawAnswer {
  /** Null when the server closed the connection without an answer. */
  status: number | null
  head: string
  body: string
}

/**
 * Sends one request on its own loopback connection and reads the answer until the server
 * closes (the request asks it to). A connection that stays silent past `timeoutMs` fails.
 */
export function sendRaw(port: number, request: RawRequest, timeoutMs = 5_000): Promise<RawAnswer> {
  const body = request.body ?? Buffer.alloc(0)
  const length = request.truncate ? body.length * 2 + 10 : body.length
  const head =
    `${request.method} ${request.target} HTTP/1.1\r\n` +
    `host: 127.0.0.1:${port}\r\nconnection: close\r\n` +
    request.headers.map(([name, value]) => `${name}: ${value}\r\n`).join('') +
    (body.length > 0 || request.truncate ? `content-length: ${length}\r\n` : '') +
    '\r\n'
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    const socket = connect({ port, host: '127.0.0.1' })
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error(`No answer within ${timeoutMs} ms to ${request.method} ${request.target}`))
    }, timeoutMs)
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    // A reset after a refused request (Node's own 400 for a bad request line) is an answer too.
    socket.on('error', () => undefined)
    socket.on('close', () => {
      clearTimeout(timer)
      const text = Buffer.concat(chunks).toString('latin1')
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(text)
      const split = text.indexOf('\r\n\r\n')
      resolve({
        status: match ? Number(match[1]) : null,
        head: split < 0 ? text : text.slice(0, split),
        body: split < 0 ? '' : text.slice(split + 4),
      })
    })
    socket.write(Buffer.concat([Buffer.from(head, 'latin1'), body]))
    if (request.truncate) socket.end()
  })
}
