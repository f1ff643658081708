import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import autocannon from 'autocannon'

/** One line of `npm run bench`: a measurement as a ratio to a baseline taken in the same run. */
export interface BenchResult {
  name: string
  value: number
  unit: string
  baseline: number
  ratio: number
  /** The minimum acceptable ratio (higher is better for every benchmark here). */
  target: number | null
  pass: boolean | null
  note?: string
}

export interface Benchmark {
  name: string
  run: (options: BenchOptions) => Promise<BenchResult[]>
}

export interface BenchOptions {
  /** Seconds per load-generator run. */
  duration: number
}

export function result(
  fields: Omit<BenchResult, 'ratio' | 'pass' | 'target'> & { target?: number | null },
): BenchResult {
  const ratio = fields.baseline === 0 ? 0 : fields.value / fields.baseline
  const target = fields.target ?? null
  return { ...fields, ratio, target, pass: target === null ? null : ratio >= target }
}

export interface LoadSpec {
  url: string
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  body?: string
  connections?: number
  duration: number
}

/** Requests per second that a loopback server sustains under autocannon (2xx only). */
export async function requestsPerSecond(spec: LoadSpec): Promise<number> {
  const outcome = await autocannon({
    url: spec.url,
    method: spec.method ?? 'GET',
    headers: spec.headers,
    body: spec.body,
    connections: spec.connections ?? 10,
    duration: spec.duration,
  })
  if (outcome.non2xx > 0 || outcome.errors > 0) {
    throw new Error(
      `${spec.url}: ${outcome.non2xx} non-2xx answers, ${outcome.errors} errors under load`,
    )
  }
  return outcome.requests.average
}

/** The physical limit on this machine: a bare node:http server that echoes a JSON body. */
export async function startEchoServer(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString() || '{}'
      const echoed = JSON.stringify({ json: JSON.parse(body) as unknown })
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(echoed)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/echo`, server }
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()))
}
