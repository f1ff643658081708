// Sums vitest's "Tests  N failed | M passed" lines from an `npm test` log into one line.
// A step that failed before any test ran (lint, typecheck, build) counts as one failure.
import { readFileSync } from 'node:fs'

const [logFile, status] = process.argv.slice(2)
// eslint-disable-next-line no-control-regex
const log = readFileSync(logFile, 'utf8').replace(/\u001b\[[0-9;]*m/g, '')
let passed = 0
let failed = 0
for (const line of log.split('\n')) {
  if (!/^\s*Tests\s/.test(line)) continue
  passed += Number(/(\d+) passed/.exec(line)?.[1] ?? 0)
  failed += Number(/(\d+) failed/.exec(line)?.[1] ?? 0)
}
if (status !== '0' && failed === 0) failed = 1
console.log(`${passed} passed, ${failed} failed`)
