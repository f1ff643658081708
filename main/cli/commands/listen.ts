import { mkdir, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { InvalidArgumentError, Option, type Command } from 'commander'
import type { ApiClient, CaptureSummary, TunnelChoice } from '../../../shared/contract'
import { stableJson } from '../../core/captures/capture-sets'
import { CliFailure, EXIT, printJson, printLine, type CliIo } from '../cli-io'
import { parsePort } from '../parse-options'
import { withApi } from '../with-api'

interface ListenOptions {
  port?: number
  route: string
  tunnel: 'none' | 'ngrok' | 'cloudflared' | 'localtunnel' | 'custom'
  tunnelUrl?: string
  out?: string
  secretEnv?: string
  answer?: number
  forward?: 'off' | 'proxy' | 'capture-first'
  forwardTo?: string
  forwardAuth?: 'capture' | 'profile'
  json: boolean
  standalone: boolean
}

/**
 * `bridgebench listen`: receive webhooks until interrupted, printing each capture (NDJSON with
 * `--json`: first `{"event":"ready",…}`, then one `{"event":"capture",…}` per capture, and a
 * `{"event":"forward",…}` when a route's auto-forward of it is done), and
 * optionally writing them as a capture set into `--out DIR`. Attaches to a running app like
 * every command, so its inbox sees the same captures.
 */
export function registerListen(program: Command, io: CliIo): void {
  program
    .command('listen')
    .description('Receive Zendesk webhooks (and anything else) until Ctrl+C, and print each one')
    .option('-p, --port <port>', 'receiver port on 127.0.0.1 (0 = any free port)', parsePort)
    .option('--route <name>', 'the route to give Zendesk: /hooks/NAME', 'braze')
    .addOption(
      new Option('--tunnel <provider>', 'a public URL through a tunnel')
        .choices(['none', 'ngrok', 'cloudflared', 'localtunnel', 'custom'])
        .default('none'),
    )
    .option('--tunnel-url <url>', 'the localtunnel server, or your own public URL (custom)')
    .option('--out <dir>', 'also write each capture into DIR as a capture set (secrets masked)')
    .option('--secret-env <var>', 'verify signatures with the signing secret in this variable')
    .option('--answer <status>', 'answer the route with this HTTP status', parseStatus)
    .addOption(
      new Option(
        '--forward <mode>',
        "forward each capture to Braze: Braze's answer to Zendesk (proxy) or 200 first",
      ).choices(['off', 'proxy', 'capture-first']),
    )
    .option(
      '--forward-to <url>',
      "forward to this base URL instead of the profile's Braze endpoint",
    )
    .addOption(
      new Option(
        '--forward-auth <source>',
        "Authorization for the forward: the capture's or the profile's key",
      ).choices(['capture', 'profile']),
    )
    .option('--json', 'print NDJSON: a ready line, then one line per capture', false)
    .option('--standalone', 'run a private engine instead of attaching to a running app', false)
    .action((options: ListenOptions) =>
      withApi(io, options, async (api, session) => {
        await configure(api, options, io.env)
        await api.receiver.start()
        const choice = tunnelChoice(options)
        if (choice.provider !== 'none') await api.receiver.startTunnel()
        const status = await api.receiver.status()
        const local = `${status.receiver.url ?? ''}/hooks/${options.route}`
        const publicUrl =
          choice.provider === 'none' ? null : `${status.publicUrl ?? ''}/hooks/${options.route}`
        if (options.json) printJson(io.stdout, { event: 'ready', url: local, publicUrl })
        else {
          printLine(io.stdout, `Listening on ${local}`)
          if (publicUrl) printLine(io.stdout, `Public URL:  ${publicUrl}`)
          printLine(io.stdout, 'Press Ctrl+C to stop.')
        }
        await follow(api, io, options)
        // A private engine's receiver ends with the command: the app should not start it next time.
        if (!session.attachedTo) await api.receiver.stop()
      }),
    )
}

async function configure(api: ApiClient, options: ListenOptions, env: NodeJS.ProcessEnv) {
  const running = (await api.receiver.status()).receiver
  if (options.port !== undefined && running.state === 'running' && running.port !== options.port) {
    await api.receiver.stop()
  }
  await api.receiver.updateSettings({
    ...(options.port !== undefined ? { port: options.port } : {}),
    tunnel: { choice: tunnelChoice(options), selfTestIntervalSeconds: 60 },
  })
  const forwarding = options.forward ?? options.forwardTo ?? options.forwardAuth
  if (options.answer !== undefined || forwarding !== undefined) {
    const current = (await api.receiver.settings()).routes.find((r) => r.name === options.route)
    const answer = { status: 200, retryAfterSeconds: null, delayMs: 0, close: false }
    await api.receiver.saveRoute({
      name: options.route,
      answer:
        options.answer !== undefined
          ? { ...answer, status: options.answer }
          : (current?.answer ?? answer),
      strictSignature: current?.strictSignature ?? false,
      profileId: current?.profileId ?? null,
      forward: {
        ...current?.forward,
        ...(options.forward ? { mode: options.forward } : {}),
        ...(options.forwardTo ? { url: options.forwardTo } : {}),
        ...(options.forwardAuth ? { auth: options.forwardAuth } : {}),
      },
    })
  }
  if (options.secretEnv) {
    const secret = env[options.secretEnv]
    if (!secret)
      throw new CliFailure(
        `--secret-env ${options.secretEnv}: that variable is not set.`,
        EXIT.usage,
      )
    await api.receiver.useSessionSecret({ secret })
  }
}

function tunnelChoice(options: ListenOptions): TunnelChoice {
  switch (options.tunnel) {
    case 'none':
      return { provider: 'none' }
    case 'ngrok':
      return { provider: 'ngrok' }
    case 'cloudflared':
      return { provider: 'cloudflared' }
    case 'localtunnel':
    case 'custom': {
      if (!options.tunnelUrl)
        throw new CliFailure(`--tunnel ${options.tunnel} needs --tunnel-url URL.`, EXIT.usage)
      return options.tunnel === 'localtunnel'
        ? { provider: 'localtunnel', serverUrl: options.tunnelUrl }
        : { provider: 'custom', publicUrl: options.tunnelUrl }
    }
  }
}

/** Prints (and saves) each capture as it arrives, until the user stops the command. */
async function follow(api: ApiClient, io: CliIo, options: ListenOptions): Promise<void> {
  const stop = new AbortController()
  void io.untilStopped().then(() => stop.abort())
  if (options.out) await mkdir(options.out, { recursive: true, mode: 0o700 })
  try {
    const events = await api.captures.events(undefined, { signal: stop.signal })
    for await (const event of events) {
      if (event.type === 'captured') await report(api, io, options, event.summary)
      else if (event.type === 'updated') reportForward(io, options, event.summary)
    }
  } catch (error) {
    if (!stop.signal.aborted) throw error
  }
}

async function report(api: ApiClient, io: CliIo, options: ListenOptions, summary: CaptureSummary) {
  const { capture } = await api.captures.get({ id: summary.id })
  if (options.out) {
    const file = path.join(options.out, `${capture.id}.json`)
    await writeFile(`${file}.tmp`, stableJson(capture), { mode: 0o600 })
    await rename(`${file}.tmp`, file)
  }
  const line = {
    event: 'capture',
    id: capture.id,
    method: capture.request.method,
    path: capture.request.url,
    size: capture.request.body.size,
    contentType: capture.contentType,
    parse: { ok: capture.parse.ok, error: capture.parse.error },
    signature: { verdict: capture.signature.verdict, cause: capture.signature.cause },
    invocation: { id: capture.invocation.invocationId, attempt: capture.invocation.attempt },
  }
  if (options.json) return printJson(io.stdout, line)
  const flags = [
    capture.signature.verdict,
    capture.parse.ok ? null : `bad ${capture.parse.kind}`,
    ...capture.flags,
  ].filter(Boolean)
  printLine(
    io.stdout,
    `${capture.receivedAt}  ${capture.request.method} ${capture.request.url}  ${capture.request.body.size} B  [${flags.join(', ')}]  → ${capture.answer.status ?? 'closed'}`,
  )
}

/** A capture's forward to Braze once it is done (routes with auto-forward on). */
function reportForward(io: CliIo, options: ListenOptions, summary: CaptureSummary): void {
  const forward = summary.forward
  if (!forward || forward.state === 'pending') return
  if (options.json) {
    printJson(io.stdout, {
      event: 'forward',
      id: summary.id,
      state: forward.state,
      status: forward.status,
      exchangeId: forward.exchangeId,
      message: forward.message,
      warning: forward.warning,
    })
    return
  }
  const warning = forward.warning ? `  warning: ${forward.warning}` : ''
  printLine(io.stdout, `${forward.at ?? ''}  ${summary.id} ${forward.message}${warning}`)
}

function parseStatus(value: string): number {
  const status = Number(value)
  if (!Number.isInteger(status) || status < 100 || status > 599)
    throw new InvalidArgumentError(`"${value}" is not an HTTP status (100–599).`)
  return status
}
