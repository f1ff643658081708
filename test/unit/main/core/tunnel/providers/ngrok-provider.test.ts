import { describe, expect, it } from 'vitest'
import type { TunnelStatus } from '../../../../../../shared/contract/tunnel'
import {
  loadNgrokModule,
  ngrokProvider,
  type NgrokForwardConfig,
  type NgrokModule,
} from '../../../../../../main/core/tunnel/providers/ngrok-provider'
import { TunnelService } from '../../../../../../main/core/tunnel/tunnel-service'
import { ManualTimers } from '../../../../../helpers/manual-timers'

const TOKEN = '2XyZabcDEF0123456789_ghiJKLmnoPQRstuVWX'

/** What `@ngrok/ngrok` 1.7.0 rejects with: the Rust error text, `code`, and `errorCode`. */
function ngrokFailure(message: string): Error {
  const error = Object.assign(new Error(message), { code: 'GenericFailure' })
  const code = /error_code: (ERR_NGROK_\d+)$/.exec(message)?.[1]
  return code ? Object.assign(error, { errorCode: code }) : error
}

function fakeNgrok(behaviour: Error | string) {
  const calls: NgrokForwardConfig[] = []
  const closed: string[] = []
  const module: NgrokModule = {
    forward(config) {
      calls.push(config)
      if (behaviour instanceof Error) return Promise.reject(behaviour)
      return Promise.resolve({
        url: () => behaviour,
        close: () => {
          closed.push(behaviour)
          return Promise.resolve()
        },
      })
    },
  }
  return { load: () => Promise.resolve(module), calls, closed }
}

async function startWith(behaviour: Error | string, authToken: string | undefined = TOKEN) {
  const fake = fakeNgrok(behaviour)
  const logs: string[] = []
  const seen: TunnelStatus[] = []
  const timers = new ManualTimers()
  const service = new TunnelService({
    createProvider: (choice, token) =>
      ngrokProvider(
        {
          authToken: token,
          ...(choice.provider === 'ngrok' && choice.domain ? { domain: choice.domain } : {}),
        },
        { load: fake.load, timers },
      ),
    timers,
    now: timers.now,
    log: (line) => logs.push(line),
  })
  service.onStatus((status) => seen.push(status))
  const started = service
    .start({
      localPort: 8787,
      choice: { provider: 'ngrok', domain: 'hooks.example.ngrok.app' },
      authToken,
    })
    .then(
      () => undefined,
      (error: unknown) => error as Error,
    )
  const error = await started
  return { service, fake, logs, seen, error, status: service.status }
}

describe('ngrok provider (its module replaced by a fake)', () => {
  it('forwards to the receiver on 127.0.0.1 with the token and the reserved domain', async () => {
    const { fake, status } = await startWith('https://hooks.example.ngrok.app')
    expect(status).toMatchObject({ state: 'online', publicUrl: 'https://hooks.example.ngrok.app' })
    expect(fake.calls[0]).toMatchObject({
      addr: '127.0.0.1:8787',
      authtoken: TOKEN,
      authtoken_from_env: false,
      domain: 'hooks.example.ngrok.app',
    })
  })

  it("leaves ngrok's webhook verification off, so forged requests reach the receiver", async () => {
    const { fake } = await startWith('https://hooks.example.ngrok.app')
    const keys = Object.keys(fake.calls[0] ?? {})
    expect(keys.filter((key) => /verify_webhook/.test(key))).toEqual([])
  })

  it('closes the listener on stop', async () => {
    const { fake, service } = await startWith('https://hooks.example.ngrok.app')
    await service.close()
    expect(fake.closed).toEqual(['https://hooks.example.ngrok.app'])
  })

  it('explains a rejected token, and does not retry it', async () => {
    const { status } = await startWith(
      ngrokFailure(
        `failed to connect session: authentication failed: The authtoken you specified is properly formed, but it is invalid.\nYour authtoken: ${TOKEN}\nThis usually happens when:\n    - You reset your authtoken error_code: ERR_NGROK_107`,
      ),
    )
    expect(status).toMatchObject({
      state: 'error',
      retryable: false,
      reason: expect.stringMatching(
        /^ngrok rejected the tunnel auth token\. Copy it again from https:\/\/dashboard\.ngrok\.com\/get-started\/your-authtoken .*\(ERR_NGROK_107, https:\/\/ngrok\.com\/docs\/errors\/err_ngrok_107\/\)$/,
      ),
    })
  })

  it('explains a missing or unverified account', async () => {
    const { status } = await startWith(
      ngrokFailure(
        'failed to connect session: Usage of ngrok requires a verified account and authtoken.\nSign up for an account: https://dashboard.ngrok.com/signup error_code: ERR_NGROK_4018',
      ),
    )
    expect(status).toMatchObject({
      state: 'error',
      reason: expect.stringMatching(/verified account/),
    })
  })

  it('explains a session refused because another agent holds it', async () => {
    const { status } = await startWith(
      ngrokFailure(
        'failed to connect session: Your account is limited to 1 simultaneous ngrok agent sessions. error_code: ERR_NGROK_108',
      ),
    )
    expect(status).toMatchObject({
      state: 'error',
      retryable: true,
      reason: expect.stringMatching(
        /^Another ngrok agent is already running on this ngrok account/,
      ),
    })
  })

  it('explains a domain the account does not own', async () => {
    const { status } = await startWith(
      ngrokFailure(
        'failed to start listener: The domain hooks.example.ngrok.app is not reserved for your account. error_code: ERR_NGROK_320',
      ),
    )
    expect(status).toMatchObject({
      state: 'error',
      retryable: false,
      reason: expect.stringMatching(
        /requested domain: .* Reserve it on https:\/\/dashboard\.ngrok\.com\/domains/,
      ),
    })
  })

  it('explains being offline (what the real module says without a network)', async () => {
    const { status } = await startWith(
      ngrokFailure('failed to connect session: failed to establish tcp connection'),
    )
    expect(status).toMatchObject({
      state: 'error',
      retryable: true,
      reason:
        'ngrok could not reach its service: failed to connect session: failed to establish tcp connection. Check the network connection (a VPN, proxy or firewall may block ngrok).',
    })
  })

  it('asks for a token before loading ngrok at all', async () => {
    const { status, fake } = await startWith('https://unused.ngrok.app', '')
    expect(status).toMatchObject({
      state: 'error',
      retryable: false,
      reason: expect.stringMatching(/^ngrok needs an auth token/),
    })
    expect(fake.calls).toEqual([])
  })

  it('explains a missing @ngrok/ngrok package', async () => {
    const missing = Object.assign(
      new Error("Cannot find package '@ngrok/ngrok' imported from /app/main.js"),
      {
        code: 'ERR_MODULE_NOT_FOUND',
      },
    )
    const provider = ngrokProvider({ authToken: TOKEN }, { load: () => Promise.reject(missing) })
    await expect(
      provider.connect({ localPort: 8787, signal: new AbortController().signal }),
    ).rejects.toMatchObject({
      retryable: false,
      message: expect.stringMatching(/needs the @ngrok\/ngrok package/),
    })
  })

  it('explains a missing native part for this platform', async () => {
    const native = Object.assign(new Error("Cannot find module '@ngrok/ngrok-linux-arm64-musl'"), {
      code: 'MODULE_NOT_FOUND',
    })
    const provider = ngrokProvider(
      { authToken: TOKEN },
      { load: () => Promise.reject(native), platform: 'linux-arm64' },
    )
    await expect(
      provider.connect({ localPort: 8787, signal: new AbortController().signal }),
    ).rejects.toThrow(/ngrok's native part for this platform \(linux-arm64\) could not be loaded/)
  })

  it('never shows the auth token in a status or a log line', async () => {
    const { seen, logs } = await startWith(
      ngrokFailure(`failed to connect session: refused for ${TOKEN} error_code: ERR_NGROK_9999`),
    )
    expect(seen.length).toBeGreaterThan(1)
    expect(JSON.stringify(seen)).not.toContain(TOKEN)
    expect(logs.join('\n')).not.toContain(TOKEN)
  })

  it('reports the session dropping and ngrok bringing it back', async () => {
    const { fake, seen, service } = await startWith('https://hooks.example.ngrok.app')
    seen.length = 0
    fake.calls[0]?.onStatusChange('closed')
    expect(service.status).toMatchObject({
      state: 'error',
      reason: expect.stringMatching(/^ngrok lost its connection/),
    })
    fake.calls[0]?.onStatusChange('connected')
    expect(seen.map((s) => s.state)).toEqual(['error', 'online'])
  })

  it('loads the real @ngrok/ngrok on this platform without connecting anywhere', async () => {
    const ngrok = await loadNgrokModule()
    expect(typeof ngrok.forward).toBe('function')
  })
})
