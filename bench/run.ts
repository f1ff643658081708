// `npm run bench [-- --json] [-- --only NAME] [-- --duration SECONDS]`: every benchmark, each
// printed as a ratio against a baseline measured in the same run on the same machine.
import { parseArgs } from 'node:util'
import { apiRoundTrip } from './benchmarks/api-roundtrip'
import { brazeTrack } from './benchmarks/braze-track'
import { liquidDialect } from './benchmarks/liquid'
import { recordStore } from './benchmarks/record-store'
import type { BenchResult, Benchmark } from './harness'

const BENCHMARKS: Benchmark[] = [apiRoundTrip, liquidDialect, brazeTrack, recordStore]

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    only: { type: 'string' },
    duration: { type: 'string', default: '5' },
  },
})

const duration = Number(values.duration)
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
  results.push(...(await benchmark.run({ duration })))
}

if (values.json) {
  console.log(JSON.stringify(results, null, 2))
} else {
  for (const r of results) {
    const verdict = r.pass === null ? 'info' : r.pass ? 'PASS' : 'FAIL'
    const target = r.target === null ? '' : ` (target ≥ ${r.target})`
    console.log(`${verdict.padEnd(4)}  ${r.ratio.toFixed(3)}×${target}  ${r.name}`)
    console.log(
      `      ${fmt(r.value)} ${r.unit} vs baseline ${fmt(r.baseline)} ${r.unit}${r.note ? ` — ${r.note}` : ''}`,
    )
  }
}
process.exitCode = results.some((r) => r.pass === false) ? 1 : 0

function fmt(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toPrecision(3)
}
