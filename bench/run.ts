// `npm run bench [-- --json] [-- --only NAME] [-- --duration SECONDS] [-- --rounds N]`: every
// benchmark, each a median ratio against a baseline measured in interleaved rounds.
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

if (values.json) {
  console.log(JSON.stringify(results, null, 2))
} else {
  for (const r of results) {
    const verdict = r.pass === null ? 'info' : r.pass ? 'PASS' : 'FAIL'
    const target = r.target === null ? '' : ` (target ≥ ${r.target})`
    const { min, max, q1, q3 } = r.spread
    console.log(`${verdict.padEnd(4)}  ${r.ratio.toFixed(3)}×${target}  ${r.name}`)
    console.log(
      `      median of ${r.rounds} rounds; range ${min.toFixed(3)}–${max.toFixed(3)}, IQR ${q1.toFixed(3)}–${q3.toFixed(3)}`,
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
