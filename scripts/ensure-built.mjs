// Builds with electron-vite when out/ is missing or older than any source, so `npm run cli`,
// `npm run web` and `npm start` always run current code. Build chatter goes to stderr: stdout
// stays clean for `--json` output.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const stamp = path.join(root, 'out', '.build-stamp')
const inputs = [
  'main',
  'shared',
  'renderer',
  'resources',
  'electron.vite.config.ts',
  'package.json',
  'package-lock.json',
]

function newestMtime(target) {
  if (!existsSync(target)) return 0
  const info = statSync(target)
  if (!info.isDirectory()) return info.mtimeMs
  let newest = info.mtimeMs
  for (const entry of readdirSync(target))
    newest = Math.max(newest, newestMtime(path.join(target, entry)))
  return newest
}

const force = process.argv.includes('--force')
const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0
const changedAt = Math.max(...inputs.map((input) => newestMtime(path.join(root, input))))
if (force || builtAt < changedAt) {
  process.stderr.write('Building Bridgebench (electron-vite)…\n')
  const started = Date.now()
  const bin = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
  const result = spawnSync(process.execPath, [bin, 'build'], { cwd: root, stdio: ['ignore', 2, 2] })
  if (result.status !== 0) {
    process.stderr.write(
      'The build failed (see above). Fix the error, or run `npm run build` to see it again.\n',
    )
    process.exit(result.status ?? 1)
  }
  writeFileSync(stamp, new Date().toISOString())
  process.stderr.write(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`)
}
