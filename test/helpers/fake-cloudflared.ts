import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/**
 * How the stand-in behaves: `ok` prints what cloudflared prints for a quick tunnel and stays up
 * until SIGTERM; `stubborn` ignores SIGTERM (as cloudflared does while it drains requests);
 * `fail` cannot get a quick tunnel and exits 1; `exit-later` dies a moment after coming up;
 * `silent` never prints a URL.
 */
export type FakeCloudflaredMode = 'ok' | 'stubborn' | 'fail' | 'exit-later' | 'silent'

export const FAKE_TUNNEL_URL = 'https://paper-lamp-quiet-river.trycloudflare.com'

const SCRIPT = `
const fs = require('node:fs')
const mode = process.env.FAKE_CLOUDFLARED_MODE || 'ok'
const marks = process.env.FAKE_CLOUDFLARED_MARKS
const mark = (name) => fs.appendFileSync(marks, name + '\\n')
const log = (level, message) => process.stderr.write('2026-11-30T10:00:00Z ' + level + ' ' + message + '\\n')
fs.writeFileSync(marks + '.args', JSON.stringify(process.argv.slice(2)))
fs.writeFileSync(marks + '.pid', String(process.pid))
setInterval(() => undefined, 1000)
process.on('SIGTERM', () => {
  mark('SIGTERM')
  log('INF', 'Initiating graceful shutdown due to signal terminated ...')
  if (mode !== 'stubborn') process.exit(0)
})
if (mode === 'silent') return
log('INF', 'Thank you for trying Cloudflare Tunnel. Doing so, without a Cloudflare account, is a quick way to experiment and try it out.')
log('INF', 'Requesting new quick Tunnel on trycloudflare.com...')
if (mode === 'fail') {
  log('ERR', 'failed to request quick Tunnel: Post "https://api.trycloudflare.com/tunnel": dial tcp: lookup api.trycloudflare.com: no such host')
  process.exit(1)
}
log('INF', '+--------------------------------------------------------------------------------------------+')
log('INF', '|  Your quick Tunnel has been created! Visit it at (it may take some time to be reachable):  |')
log('INF', '|  ${FAKE_TUNNEL_URL}                                          |')
log('INF', '+--------------------------------------------------------------------------------------------+')
log('INF', 'Version 2026.11.0')
setTimeout(() => {
  log('INF', 'Registered tunnel connection connIndex=0 connection=0e5e1b9c event=0 ip=198.41.192.7 location=ams01 protocol=quic')
  if (mode === 'exit-later') setTimeout(() => {
    log('ERR', 'Connection terminated error="context canceled" connIndex=0')
    process.exit(1)
  }, 100)
}, 50)
`

/**
 * Writes an executable `cloudflared` into `dir` (to be put first on PATH) and returns the
 * environment that selects its mode, plus what it recorded (its arguments, signals received).
 */
export function installFakeCloudflared(dir: string, mode: FakeCloudflaredMode) {
  const file = path.join(dir, 'cloudflared')
  writeFileSync(file, `#!${process.execPath}\n${SCRIPT}`)
  chmodSync(file, 0o755)
  const marks = path.join(dir, 'marks')
  return {
    env: {
      ...process.env,
      PATH: `${dir}${path.delimiter}${process.env.PATH ?? ''}`,
      FAKE_CLOUDFLARED_MODE: mode,
      FAKE_CLOUDFLARED_MARKS: marks,
    },
    args: (): string[] => JSON.parse(readFileSync(`${marks}.args`, 'utf8')) as string[],
    pid: (): number => Number(readFileSync(`${marks}.pid`, 'utf8')),
    signals: (): string[] =>
      existsSync(marks) ? readFileSync(marks, 'utf8').split('\n').filter(Boolean) : [],
  }
}
