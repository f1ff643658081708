// `npm run bench [-- --json] [-- --only NAME] [-- --duration SECONDS] [-- --rounds N]`: every
// benchmark, each side's best rate per CPU-second over interleaved rounds against a baseline's
// (see harness.ts), with the machine's load average alongside.
import os from 'node:os'
import { parseArgs } from 'node:util'
import { apiRoundTrip } from './benchmarks/api-roundtrip'
import { brazeTrack } from './benchmarks/braze-track'
import { diffLarge } from './benchmarks/diff'
import { liquidDialect } from './benchmarks/liquid'
import { receiverCapture } from './benchmarks/receiver-capture'
import { recordStore } from './benchmarks/record-store'
import { replayRun } from './benchmarks/replay'
import { servingThread } from './benchmarks/serving-thread'
import { compare, type BenchResult, type Benchmark } from './harness'

const BENCHMARKS: Benchmark[] = [
  apiRoundTrip,
  liquidDialect,
  brazeTrack,
  recordStore,
  receiverCapture,
  servingThread,
  diffLarge,
  replayRun,
]

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    only: { type: 'string' },
    duration: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '5' },
  },
})

const options = { duration: Number(values.duration), rounds: Math.max(1, Number(values.rounds)) }
const selected = BENCHMARKS.filter((b) => !values.only || b.name === values.only)
if (selected.length === 0) {
  console.error(
    `No benchmark named "${values.only}". Known: ${BENCHMARKS.map((b) => b.name).join(', ')}`,
  )
  process.exit(2)
}

const loadBefore = os.loadavg()[0] ?? 0
const results: BenchResult[] = []
for (const benchmark of selected) {
  if (!values.json) console.log(`… ${benchmark.name}`)
  const { comparisons, close } = await benchmark.setup(options)
  try {
    for (const comparison of comparisons) results.push(await compare(comparison, options.rounds))
  } finally {
    await close?.()
  }
}

const load = { before: loadBefore, after: os.loadavg()[0] ?? 0, cores: os.cpus().length }
if (values.json) {
  console.log(JSON.stringify({ load, results }, null, 2))
} else {
  console.log(
    `load average ${load.before.toFixed(2)} → ${load.after.toFixed(2)} on ${load.cores} cores`,
  )
  for (const r of results) {
    const verdict = r.pass === null ? 'info' : r.pass ? 'PASS' : 'FAIL'
    const target = r.target === null ? '' : ` (target ≥ ${r.target})`
    const { min, max, q1, q3 } = r.spread
    console.log(`${verdict.padEnd(4)}  ${r.ratio.toFixed(3)}×${target}  ${r.name}`)
    console.log(
      `      best of ${r.rounds} rounds after ${r.warmup} warm-up; per-round ratio median ${r.medianRatio.toFixed(3)}, IQR ${q1.toFixed(3)}–${q3.toFixed(3)}, range ${min.toFixed(3)}–${max.toFixed(3)}; wall-clock median ${r.wallRatio.toFixed(3)}; CPU share ${r.cpuShare.toFixed(2)}`,
    )
    console.log(
      `      ${fmt(r.value)} ${r.unit} vs baseline ${fmt(r.baseline)} ${r.unit}${r.note ? ` — ${r.note}` : ''}`,
    )
  }
}
process.exitCode = results.some((r) => r.pass === false) ? 1 : 0

function fmt(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toPrecision(3)
}
