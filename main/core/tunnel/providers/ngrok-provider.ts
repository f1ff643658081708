import { pause, nodeTimers, type Timers } from '../timers'
import {
  TunnelError,
  lostSignal,
  type ConnectRequest,
  type TunnelConnection,
  type TunnelInterruptions,
  type TunnelProvider,
} from '../tunnel-provider'
import { explainNgrokError } from './ngrok-errors'

/** The part of `@ngrok/ngrok`'s listener Bridgebench uses. */
export interface NgrokListener {
  url(): string | null
  close(): Promise<void>
}

/** The options of `@ngrok/ngrok`'s `forward` Bridgebench sets. */
export interface NgrokForwardConfig {
  addr: string
  authtoken: string
  authtoken_from_env: false
  domain?: string
  forwards_to: string
  /** `'connected'` when the session (re)connects, `'closed'` when it drops. */
  onStatusChange: (status: string) => void
}

export interface NgrokModule {
  forward(config: NgrokForwardConfig): Promise<NgrokListener>
}

export type LoadNgrok = () => Promise<NgrokModule>

/**
 * Loaded on first use, so the app starts (and every other tunnel works) on a platform whose
 * native ngrok package is missing.
 */
export const loadNgrokModule: LoadNgrok = async () => {
  const loaded: Partial<NgrokModule> & { default?: NgrokModule } = await import('@ngrok/ngrok')
  return (loaded.default ?? loaded) as NgrokModule
}

export interface NgrokSettings {
  /** The vault's `tunnelAuthToken`. */
  authToken: string | undefined
  /** A domain reserved on the ngrok account; ngrok assigns one without it. */
  domain?: string
}

export interface NgrokDeps {
  load?: LoadNgrok
  timers?: Timers
  platform?: string
}

function loadFailure(error: unknown, platform: string): TunnelError {
  const message = error instanceof Error ? error.message : String(error)
  const code = (error as { code?: unknown } | null)?.code
  if (
    (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') &&
    /@ngrok\/ngrok['"]?(\s|$)/.test(message)
  ) {
    return new TunnelError(
      'The ngrok tunnel needs the @ngrok/ngrok package, which this installation lacks. Reinstall Bridgebench, or pick another tunnel.',
      false,
      { cause: error },
    )
  }
  return new TunnelError(
    `ngrok's native part for this platform (${platform}) could not be loaded: ${message}. Reinstall Bridgebench, or pick another tunnel.`,
    false,
    { cause: error },
  )
}

/**
 * ngrok through its Node SDK (`@ngrok/ngrok`, no separate agent program). ngrok's own webhook
 * verification is deliberately left off: a forged request must reach the receiver, to be
 * captured and flagged there, rather than be dropped at ngrok's edge unseen. The SDK reconnects
 * its session by itself; the connection reports those gaps through `watch`.
 */
export function ngrokProvider(settings: NgrokSettings, deps: NgrokDeps = {}): TunnelProvider {
  const load = deps.load ?? loadNgrokModule
  const timers = deps.timers ?? nodeTimers
  const platform = deps.platform ?? `${process.platform}-${process.arch}`
  const token = settings.authToken?.trim()
  return {
    transport: 'ngrok',
    label: 'ngrok',
    async connect({ localPort, signal }: ConnectRequest): Promise<TunnelConnection> {
      if (!token) {
        throw new TunnelError(
          'ngrok needs an auth token. Copy yours from https://dashboard.ngrok.com/get-started/your-authtoken into Connections → Tunnel auth token, or pick another tunnel.',
          false,
        )
      }
      let ngrok: NgrokModule
      try {
        ngrok = await load()
      } catch (error) {
        throw loadFailure(error, platform)
      }
      const { lost } = lostSignal()
      let watcher: TunnelInterruptions | undefined
      let up = false
      let listener: NgrokListener
      try {
        listener = await ngrok.forward({
          addr: `127.0.0.1:${localPort}`,
          authtoken: token,
          authtoken_from_env: false,
          ...(settings.domain ? { domain: settings.domain } : {}),
          forwards_to: 'Bridgebench receiver',
          onStatusChange: (status) => {
            if (!up) return
            if (status === 'closed')
              watcher?.interrupted(
                'ngrok lost its connection (network change, sleep or ngrok restarting); it is reconnecting.',
              )
            else if (status === 'connected') watcher?.restored()
          },
        })
      } catch (error) {
        throw explainNgrokError(error, token)
      }
      const close = async (deadlineMs: number) => {
        await Promise.race([listener.close().catch(() => undefined), pause(timers, deadlineMs)])
      }
      const publicUrl = listener.url()
      if (signal.aborted || !publicUrl) {
        await close(2_000)
        throw new TunnelError(
          signal.aborted ? 'The tunnel was stopped.' : 'ngrok opened a tunnel without a URL.',
          !signal.aborted,
        )
      }
      up = true
      return {
        publicUrl: publicUrl.replace(/\/+$/, ''),
        lost,
        close,
        watch: (handlers) => (watcher = handlers),
      }
    },
  }
}
