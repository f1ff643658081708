import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import autocannon from 'autocannon'

/**
 * One line of `npm run bench`: a subject measured against a baseline in the same process, in
 * interleaved rounds after a warm-up, each side's rate taken per CPU-second the process spent
 * (the wall clock also counts the time other processes held the CPU). Load only ever slows a
 * round down, and not both sides of a pair alike: with the machine's CPU share at 0.15, one
 * pair's ratio ranged from 0.09 to 0.37. So the verdict is on each side's best round, the
 * rate it reaches when the machine lets it, as timeit takes the fastest run; the median of the
 * per-round ratios and their spread are reported beside it.
 */
export interface BenchResult {
  name: string
  /** Operations per CPU-second, e.g. "renders/CPU-s". */
  unit: string
  /** The subject's and the baseline's best rates over the rounds. */
  value: number
  baseline: number
  /** value / baseline: the verdict (higher is better everywhere here). */
  ratio: number
  /** Median of the per-round ratios subject / baseline. */
  medianRatio: number
  /** Lowest and highest per-round ratio, and the interquartile range. */
  spread: { min: number; max: number; q1: number; q3: number }
  /** The median per-round ratio on wall-clock rates, for comparison with older runs. */
  wallRatio: number
  /**
   * CPU-seconds per wall-second this process got during the rounds (median): about 1 for a
   * single-threaded run on an idle core, lower when other processes took the CPU.
   */
  cpuShare: number
  rounds: number
  /** Rounds run first and not counted, so that both sides are compiled by the JIT. */
  warmup: number
  /** Each round's rates per CPU-second, in order. */
  samples: { subject: number[]; baseline: number[] }
  /** The minimum acceptable ratio; null for a comparison shown for information. */
  target: number | null
  pass: boolean | null
  note?: string
}

/** Does some work once and says how many operations it did. */
export type Measure = () => number | Promise<number>

/** What a benchmark declares: the harness runs the rounds. */
export interface Comparison {
  name: string
  unit: string
  baseline: Measure
  subject: Measure
  target: number | null
  note?: string
  /** At least this many rounds, for measurements short enough to afford more. */
  minRounds?: number
  /** At most this many, for measurements that take minutes a round. */
  maxRounds?: number
  /** Runs before every measurement of either side, outside it (e.g. a store's backlog). */
  prepare?: () => Promise<void>
  /** Uncounted rounds first (default 1). */
  warmup?: number
  /**
   * How a round's count becomes a rate: per CPU-second of this process (the default, for
   * CPU-bound work), per wall-second (work that waits, e.g. on fsync, which costs no CPU), or
   * as measured (the measure returns the rate itself: req/s from a load generator, 1000/p99).
   */
  per?: 'cpu-second' | 'wall-second' | 'measured'
  /**
   * An absolute requirement on the subject's rate (in its unit), besides or instead of a ratio:
   * judged, like the ratio, on its best round (what the code reaches when the machine lets it);
   * the median is reported beside it.
   */
  floor?: { value: number; what: string }
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

/** Where the harness reads time; tests pass their own. */
export interface Clocks {
  /** CPU time this process has used (user + system, all threads), in seconds. */
  cpuSeconds: () => number
  wallSeconds: () => number
}

export const processClocks: Clocks = {
  cpuSeconds: () => {
    const { user, system } = process.cpuUsage()
    return (user + system) / 1e6
  },
  wallSeconds: () => performance.now() / 1000,
}

interface Sample {
  ops: number
  cpu: number
  wall: number
}

async function sample(
  measure: Measure,
  clocks: Clocks,
  prepare?: () => Promise<void>,
): Promise<Sample> {
  await prepare?.()
  const cpu = clocks.cpuSeconds()
  const wall = clocks.wallSeconds()
  const ops = await measure()
  return { ops, cpu: clocks.cpuSeconds() - cpu, wall: clocks.wallSeconds() - wall }
}

const perCpuSecond = (s: Sample) => (s.cpu > 0 ? s.ops / s.cpu : 0)
const perWallSecond = (s: Sample) => (s.wall > 0 ? s.ops / s.wall : 0)
const RATE_OF = {
  'cpu-second': perCpuSecond,
  'wall-second': perWallSecond,
  measured: (s: Sample) => s.ops,
} as const

export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (sorted.length - 1) * q
  const low = Math.floor(at)
  const high = Math.ceil(at)
  return (sorted[low] ?? 0) + ((sorted[high] ?? 0) - (sorted[low] ?? 0)) * (at - low)
}

const median = (values: readonly number[]) => quantile(values, 0.5)
const ratioOf = (subject: number, base: number) => (base === 0 ? 0 : subject / base)

/**
 * Runs a comparison: `warmup` uncounted rounds, then `rounds` rounds alternating which side goes
 * first (ABBA…), so slow drifts fall on both sides; the verdict is on the best CPU-time rates.
 */
export async function compare(
  comparison: Comparison,
  requested: number,
  clocks: Clocks = processClocks,
): Promise<BenchResult> {
  const warmup = comparison.warmup ?? 1
  const rounds = Math.min(
    Math.max(requested, comparison.minRounds ?? 1),
    comparison.maxRounds ?? Infinity,
  )
  for (let round = 0; round < warmup; round++) {
    await sample(comparison.baseline, clocks, comparison.prepare)
    await sample(comparison.subject, clocks, comparison.prepare)
  }
  const subjects: Sample[] = []
  const baselines: Sample[] = []
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      baselines.push(await sample(comparison.baseline, clocks, comparison.prepare))
      subjects.push(await sample(comparison.subject, clocks, comparison.prepare))
    } else {
      subjects.push(await sample(comparison.subject, clocks, comparison.prepare))
      baselines.push(await sample(comparison.baseline, clocks, comparison.prepare))
    }
  }
  const rateOf = RATE_OF[comparison.per ?? 'cpu-second']
  const subjectRates = subjects.map(rateOf)
  const baselineRates = baselines.map(rateOf)
  const ratios = subjectRates.map((rate, i) => ratioOf(rate, baselineRates[i] ?? 0))
  const wallRate = comparison.per === 'measured' ? rateOf : perWallSecond
  const wallRatios = subjects.map((s, i) => ratioOf(wallRate(s), wallRate(baselines[i] as Sample)))
  const shares = [...subjects, ...baselines].map((s) => (s.wall > 0 ? s.cpu / s.wall : 0))
  const value = Math.max(...subjectRates)
  const baseline = Math.max(...baselineRates)
  const ratio = ratioOf(value, baseline)
  const target = comparison.target
  const floor = comparison.floor
  const subjectMedian = median(subjectRates)
  const note = [
    comparison.note,
    floor
      ? `${floor.what}: best ${value.toFixed(0)}, median ${subjectMedian.toFixed(0)} ${comparison.unit}, needs ≥ ${floor.value}`
      : undefined,
  ]
    .filter(Boolean)
    .join('; ')
  return {
    name: comparison.name,
    unit: comparison.unit,
    value,
    baseline,
    ratio,
    medianRatio: median(ratios),
    spread: {
      min: Math.min(...ratios),
      max: Math.max(...ratios),
      q1: quantile(ratios, 0.25),
      q3: quantile(ratios, 0.75),
    },
    wallRatio: median(wallRatios),
    cpuShare: median(shares),
    rounds,
    warmup,
    samples: { subject: subjectRates, baseline: baselineRates },
    target,
    pass: verdict(ratio, target, value, floor),
    ...(note ? { note } : {}),
  }
}

function verdict(
  ratio: number,
  target: number | null,
  subjectBest: number,
  floor: Comparison['floor'],
): boolean | null {
  if (target === null && !floor) return null
  return (target === null || ratio >= target) && (!floor || subjectBest >= floor.value)
}

/** Runs `run` `ops` times (awaiting it when it is async) and returns `ops`. */
export async function repeat(run: () => unknown, ops: number): Promise<number> {
  for (let i = 0; i < ops; i++) {
    const pending = run()
    if (pending instanceof Promise) await pending
  }
  return ops
}

export interface LoadSpec {
  url: string
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  body?: string
  connections?: number
  duration: number
}

/**
 * Requests a loopback server answers under autocannon in `duration` seconds (2xx only). The
 * load generator runs in this process too, the same for baseline and subject.
 */
export async function requestsServed(spec: LoadSpec): Promise<number> {
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
  return outcome.requests.total
}

/** Mean requests per second a loopback server answers under autocannon (2xx only). */
export async function requestsPerSecond(spec: LoadSpec): Promise<number> {
  return (await requestsServed(spec)) / spec.duration
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
