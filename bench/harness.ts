import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import autocannon from 'autocannon'

/**
 * One line of `npm run bench`: a subject measured against a baseline in interleaved rounds on
 * the same machine, so a busy moment slows both; the verdict is on the median ratio.
 */
export interface BenchResult {
  name: string
  unit: string
  /** Median of the subject's and the baseline's rates over the rounds. */
  value: number
  baseline: number
  /** Median of the per-round ratios subject / baseline (higher is better everywhere here). */
  ratio: number
  /** Lowest and highest per-round ratio, and the interquartile range. */
  spread: { min: number; max: number; q1: number; q3: number }
  rounds: number
  /** The minimum acceptable median ratio; null for a comparison shown for information. */
  target: number | null
  pass: boolean | null
  note?: string
}

/** A rate (operations per second) measured once; higher is better. */
export type Measure = () => number | Promise<number>

/** What a benchmark declares: the harness runs the rounds. */
export interface Comparison {
  name: string
  unit: string
  baseline: Measure
  subject: Measure
  target: number | null
  /** An absolute requirement on the subject's median (in its unit), besides or instead of a ratio. */
  floor?: { value: number; what: string }
  note?: string
  /** At least this many rounds, for measurements short enough to afford more. */
  minRounds?: number
}

export interface BenchOptions {
  /** Seconds per load-generator measurement (HTTP benchmarks). */
  duration: number
  /** Interleaved rounds per comparison. */
  rounds: number
}

export interface Benchmark {
  name: string
  /** Starts what the comparisons need; `close` stops it after all rounds. */
  setup: (
    options: BenchOptions,
  ) => Promise<{ comparisons: Comparison[]; close?: () => Promise<void> }>
}

function quantile(sorted: number[], q: number): number {
  const at = (sorted.length - 1) * q
  const low = Math.floor(at)
  const high = Math.ceil(at)
  return (sorted[low] ?? 0) + ((sorted[high] ?? 0) - (sorted[low] ?? 0)) * (at - low)
}

function median(values: number[]): number {
  return quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  )
}

/**
 * Runs a comparison in `rounds` rounds, alternating which side goes first (ABBA…), and
 * reports the median ratio with its spread.
 */
export async function compare(comparison: Comparison, requested: number): Promise<BenchResult> {
  const rounds = Math.max(requested, comparison.minRounds ?? 1)
  const subjects: number[] = []
  const baselines: number[] = []
  const ratios: number[] = []
  for (let round = 0; round < rounds; round++) {
    let base: number
    let subject: number
    if (round % 2 === 0) {
      base = await comparison.baseline()
      subject = await comparison.subject()
    } else {
      subject = await comparison.subject()
      base = await comparison.baseline()
    }
    baselines.push(base)
    subjects.push(subject)
    ratios.push(base === 0 ? 0 : subject / base)
  }
  const sorted = [...ratios].sort((a, b) => a - b)
  const ratio = quantile(sorted, 0.5)
  const target = comparison.target
  const floor = comparison.floor
  const note = [
    comparison.note,
    floor
      ? `${floor.what}: median ${median(subjects).toFixed(0)} ${comparison.unit}, needs ≥ ${floor.value}`
      : undefined,
  ]
    .filter(Boolean)
    .join('; ')
  return {
    name: comparison.name,
    unit: comparison.unit,
    value: median(subjects),
    baseline: median(baselines),
    ratio,
    spread: {
      min: sorted[0] ?? 0,
      max: sorted.at(-1) ?? 0,
      q1: quantile(sorted, 0.25),
      q3: quantile(sorted, 0.75),
    },
    rounds,
    target,
    pass: verdict(ratio, target, median(subjects), comparison.floor),
    ...(note ? { note } : {}),
  }
}

function verdict(
  ratio: number,
  target: number | null,
  value: number,
  floor: Comparison['floor'],
): boolean | null {
  if (target === null && !floor) return null
  return (target === null || ratio >= target) && (!floor || value >= floor.value)
}

/** Operations per second of `run`, repeated `ops` times (awaiting it when it is async). */
export async function opsPerSecond(run: () => unknown, ops: number): Promise<number> {
  const started = performance.now()
  for (let i = 0; i < ops; i++) {
    const pending = run()
    if (pending instanceof Promise) await pending
  }
  return ops / ((performance.now() - started) / 1000)
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
