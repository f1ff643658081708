import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { RawHeaders } from '../../../shared/contract/raw-http'
import { pairHeaders } from '../net/raw-record'
import { freePort, PortInUseError } from './free-port'

/** Bytes of an oversize body that are still kept with its capture. */
export const OVERSIZE_KEEP_BYTES = 64 * 1024
export const DEFAULT_BODY_LIMIT_BYTES = 10 * 1024 * 1024

/** A request as it arrived, before anything interprets it. */
export interface ArrivedRequest {
  method: string
  /** Path and query exactly as on the request line. */
  target: string
  headers: RawHeaders
  /** The body, or its first 64 KB when it was over the limit or cut off. */
  body: Buffer
  /** The body's size in bytes: all that arrived, or the declared length of an oversize body. */
  size: number
  oversize: boolean
  /** The client stopped sending (or stalled past the deadline) before the body was complete. */
  cutOff: boolean
  remoteAddress: string
  /** When the request's headers had arrived: epoch milliseconds with a sub-millisecond part. */
  arrivedAtMs: number
}

/** What to do with the request, decided once it is captured. */
export interface AnswerPlan {
  status: number | null
  headers: Record<string, string>
  body: string | Buffer
  delayMs: number
  /** Close the connection instead of answering. */
  close: boolean
}

export interface ReceiverServerOptions {
  host?: string
  /** 0 picks a free port. */
  port: number
  /** Read for each request, so a changed setting applies at once. */
  bodyLimitBytes?: number | (() => number)
  /** The whole request (headers and body) must arrive within this; slower clients are cut off. */
  requestTimeoutMs?: number
  /**
   * Called for each `/hooks/{name}/…` request, after the body arrived or was cut off; resolves
   * once the capture is durable, with the answer to give.
   */
  onRequest: (request: ArrivedRequest) => Promise<AnswerPlan>
  /** `/hooks/_selftest/{nonce}`: a tunnel self-test probe, handed over and never captured. */
  onSelfTest?: (nonce: string, request: ArrivedRequest) => void
  /** Epoch ms with sub-ms precision (an injected clock plus a monotonic offset). */
  clock: () => number
  log: (line: string) => void
}

export interface ReceiverServer {
  readonly url: string
  readonly port: number
  close(): Promise<void>
}

const SERVER_ERROR = JSON.stringify({ error: 'The receiver could not store this request.' })
const NOT_SERVED = JSON.stringify({ error: 'Only /hooks/{route}/… is served here.' })

/**
 * Answers with a declared length, not chunked framing: the answer goes out in one write
 * (chunked framing is a size line, the body and a terminator gathered into a writev, once the
 * costliest part of a capture's answer), and the client knows at once it has all of it.
 */
function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string | Buffer,
) {
  res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) })
  res.end(body)
}

const SELF_TEST = /^\/hooks\/_selftest\/([A-Za-z0-9_-]{1,128})$/

/**
 * The webhook receiver's own HTTP server on loopback, separate from the control API: only
 * `/hooks/*` is served (anything else is 404 and not captured), every method and body format is
 * accepted, and each request is handed over raw — bytes and header lines as they arrived — to be
 * captured before it is answered. A body over the limit is answered 413 and kept as its first
 * 64 KB; a client that stalls or drops mid-body is cut off on its own, without holding others.
 */
export async function startReceiverServer(options: ReceiverServerOptions): Promise<ReceiverServer> {
  const host = options.host ?? '127.0.0.1'
  const limitOf = () => {
    const limit = options.bodyLimitBytes
    return (typeof limit === 'function' ? limit() : limit) ?? DEFAULT_BODY_LIMIT_BYTES
  }
  const open = new Set<Socket>()
  const pending = new Set<Promise<void>>()
  const closing = new AbortController()

  const requestTimeout = options.requestTimeoutMs ?? 30_000
  const server: Server = createServer(
    {
      requestTimeout,
      headersTimeout: Math.min(requestTimeout, 15_000),
      // Node checks those deadlines only this often (30 s by default).
      connectionsCheckingInterval: Math.min(1_000, requestTimeout),
    },
    (req, res) => {
      const work = handle(req, res).catch((error: unknown) => {
        options.log(`receiver: ${error instanceof Error ? error.message : String(error)}`)
        if (!res.headersSent && !res.destroyed) {
          send(res, 500, { 'content-type': 'application/json' }, SERVER_ERROR)
        } else res.destroy()
      })
      pending.add(work)
      void work.finally(() => pending.delete(work))
    },
  )
  server.on('connection', (socket) => {
    open.add(socket)
    socket.on('close', () => open.delete(socket))
  })
  // A malformed or too slow request: answer once and let the connection go at once, so a client
  // that never reads cannot keep it (and its half-read capture) open.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    const line =
      error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request'
    if (socket.writable)
      socket.end(`HTTP/1.1 ${line}\r\nConnection: close\r\n\r\n`, () => socket.destroy())
    else socket.destroy()
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const arrivedAtMs = options.clock()
    const target = req.url ?? '/'
    const path = target.split('?')[0] ?? ''
    if (!path.startsWith('/hooks/') || path.length <= '/hooks/'.length) {
      req.resume()
      send(res, 404, { 'content-type': 'application/json', connection: 'close' }, NOT_SERVED)
      return
    }
    const limit = limitOf()
    const declared = Number(req.headers['content-length'])
    const { body, size, oversize, cutOff } = await readBody(
      req,
      limit,
      Number.isFinite(declared) && declared > limit,
    )
    const arrived: ArrivedRequest = {
      method: req.method ?? 'GET',
      target,
      headers: pairHeaders(req.rawHeaders),
      body,
      // An oversize body is not read to its end: its declared length says how big it was.
      size: oversize && Number.isFinite(declared) ? Math.max(size, declared) : size,
      oversize,
      cutOff,
      remoteAddress: req.socket.remoteAddress ?? '',
      arrivedAtMs,
    }
    const selfTest = SELF_TEST.exec(path)
    if (selfTest && options.onSelfTest) {
      options.onSelfTest(selfTest[1] as string, arrived)
      res.writeHead(204).end()
      return
    }
    const plan = await options.onRequest(arrived)
    if (cutOff) {
      res.destroy()
      return
    }
    if (plan.delayMs > 0) await delay(plan.delayMs, res, closing.signal)
    if (plan.close || plan.status === null) {
      res.destroy()
      return
    }
    if (res.destroyed) return
    // After an oversize body the rest of it is never read: the connection cannot be reused.
    send(
      res,
      plan.status,
      oversize ? { ...plan.headers, connection: 'close' } : plan.headers,
      plan.body,
    )
  }

  try {
    await listen(server, host, options.port)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new PortInUseError(options.port, await freePort(host))
    }
    throw error
  }
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://${host}:${port}`,
    port,
    close: async () => {
      closing.abort()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeIdleConnections()
        // Captures in flight finish storing; their delayed answers are cut short.
        void Promise.allSettled([...pending]).then(() => {
          for (const socket of open) socket.destroy()
        })
      })
    },
  }
}

interface ReadBody {
  body: Buffer
  size: number
  oversize: boolean
  cutOff: boolean
}

/**
 * Reads the body, keeping it whole up to the limit. Past the limit (or when the declared length
 * already is), only the first 64 KB are kept and the request is answered without reading more.
 */
function readBody(req: IncomingMessage, limit: number, declaredOver: boolean): Promise<ReadBody> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let kept = 0
    let size = 0
    let oversize = declaredOver
    let done = false
    const keep = () => (oversize ? OVERSIZE_KEEP_BYTES : limit)
    const finish = (cutOff: boolean) => {
      if (done) return
      done = true
      req.off('data', onData)
      const all = Buffer.concat(chunks)
      resolve({
        body: oversize ? all.subarray(0, OVERSIZE_KEEP_BYTES) : all,
        size,
        oversize,
        cutOff: cutOff && !oversize,
      })
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (kept < keep()) {
        const room = keep() - kept
        const piece = chunk.length > room ? chunk.subarray(0, room) : chunk
        chunks.push(piece)
        kept += piece.length
      }
      if (size > limit) oversize = true
      if (oversize && kept >= OVERSIZE_KEEP_BYTES) {
        req.pause()
        finish(false)
      }
    }
    req.on('data', onData)
    req.on('end', () => finish(false))
    req.on('aborted', () => finish(true))
    req.on('close', () => finish(!req.complete))
    req.on('error', () => finish(true))
  })
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
}

/** Waits before answering, cut short when the client leaves or the receiver stops. */
function delay(ms: number, res: ServerResponse, stopping: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      res.off('close', done)
      stopping.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    res.once('close', done)
    stopping.addEventListener('abort', done)
  })
}
