import { spawn as nodeSpawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import { createInterface } from 'node:readline'
import type { Readable } from 'node:stream'
import { stopChildProcess } from '../stop-child-process'
import { nodeTimers, type Timers } from '../timers'
import {
  TunnelError,
  lostSignal,
  type ConnectRequest,
  type TunnelConnection,
  type TunnelProvider,
} from '../tunnel-provider'
import { explainCloudflaredError, readCloudflaredLine } from './cloudflared-output'

export const CLOUDFLARED_DOWNLOADS =
  'https://developers.cloudflare.com/cloudflare-one/connections/connect-networks/downloads/'

export type Spawn = (command: string, args: string[], options: SpawnOptions) => ChildProcess

export interface CloudflaredDeps {
  spawn?: Spawn
  /** The environment cloudflared runs in (its PATH decides which cloudflared is found). */
  env?: NodeJS.ProcessEnv
  command?: string
  /** How long cloudflared may take to print its URL and register. Default 30 s. */
  startTimeoutMs?: number
  timers?: Timers
  log?: (line: string) => void
}

function spawnFailure(error: NodeJS.ErrnoException, command: string): TunnelError {
  if (error.code === 'ENOENT') {
    return new TunnelError(
      `cloudflared was not found on PATH. Install cloudflared from ${CLOUDFLARED_DOWNLOADS}, or pick another tunnel.`,
      false,
      { cause: error },
    )
  }
  if (error.code === 'EACCES') {
    return new TunnelError(
      `${command} was found but may not be run (EACCES). Make it executable (chmod +x), reinstall it from ${CLOUDFLARED_DOWNLOADS}, or pick another tunnel.`,
      false,
      { cause: error },
    )
  }
  return new TunnelError(`cloudflared could not be started: ${error.message}`, true, {
    cause: error,
  })
}

function exitText(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `was ended by ${signal}` : `exited with code ${code}`
}

/**
 * A Cloudflare quick tunnel (`https://….trycloudflare.com`, no account) through the user's own
 * `cloudflared`: spawned with `tunnel --url http://127.0.0.1:PORT`, its URL read from its log
 * lines, online once it registers a connection, stopped with SIGTERM and then SIGKILL.
 * Docs: https://developers.cloudflare.com/cloudflare-one/connections/connect-networks/do-more-with-tunnels/trycloudflare/
 */
export function cloudflaredProvider(deps: CloudflaredDeps = {}): TunnelProvider {
  const spawn = deps.spawn ?? nodeSpawn
  const command = deps.command ?? 'cloudflared'
  const timers = deps.timers ?? nodeTimers
  const startTimeoutMs = deps.startTimeoutMs ?? 30_000
  const log = deps.log ?? (() => undefined)
  return {
    transport: 'cloudflared',
    label: 'cloudflared',
    connect({ localPort, signal }: ConnectRequest): Promise<TunnelConnection> {
      const args = ['tunnel', '--no-autoupdate', '--url', `http://127.0.0.1:${localPort}`]
      const child = spawn(command, args, {
        env: deps.env ?? process.env,
        stdio: ['ignore', 'pipe', 'pipe'],
        windowsHide: true,
      })
      const { lost, lose } = lostSignal()
      let url: string | undefined
      let lastError: string | undefined
      let online = false
      let settled = false
      const close = async (deadlineMs: number) => {
        await stopChildProcess(child, deadlineMs, timers)
      }

      return new Promise<TunnelConnection>((resolve, reject) => {
        const goOnline = (publicUrl: string) => {
          if (settled) return
          settled = online = true
          timers.clearTimeout(startTimer)
          signal.removeEventListener('abort', onAbort)
          resolve({ publicUrl, lost, close })
        }
        const failStart = (error: TunnelError) => {
          if (settled) return
          settled = true
          timers.clearTimeout(startTimer)
          signal.removeEventListener('abort', onAbort)
          void close(2_000).finally(() => reject(error))
        }
        const onLine = (line: string) => {
          if (line.trim() === '') return
          log(`cloudflared: ${line}`)
          const read = readCloudflaredLine(line)
          if (read.error) lastError = read.error
          url ??= read.url
          if (url && read.registered) goOnline(url)
        }
        for (const stream of [child.stdout, child.stderr] as Readable[]) {
          createInterface({ input: stream, crlfDelay: Infinity }).on('line', onLine)
        }
        child.once('error', (error: NodeJS.ErrnoException) =>
          failStart(spawnFailure(error, command)),
        )
        child.once('exit', (code, exitSignal) => {
          const how = exitText(code, exitSignal)
          if (online) {
            lose(new TunnelError(`cloudflared ${how}. ${explainCloudflaredError(lastError)}`, true))
          } else if (child.pid !== undefined) {
            failStart(
              new TunnelError(
                `cloudflared ${how} before the tunnel was up. ${explainCloudflaredError(lastError)}`,
                true,
              ),
            )
          }
        })
        const startTimer = timers.setTimeout(() => {
          // Some versions may word the registration line differently: a printed URL is enough,
          // and the self-test then proves whether it reaches the receiver.
          if (url) {
            log('cloudflared printed a URL but no registration line; the self-test decides.')
            goOnline(url)
            return
          }
          failStart(
            new TunnelError(
              `cloudflared printed no tunnel URL within ${startTimeoutMs / 1000} s. ${explainCloudflaredError(lastError)}`,
              true,
            ),
          )
        }, startTimeoutMs)
        const onAbort = () => failStart(new TunnelError('The tunnel was stopped.', false))
        signal.addEventListener('abort', onAbort, { once: true })
      })
    },
  }
}
