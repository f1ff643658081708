import { InvalidArgumentError, Option, type Command } from 'commander'
import type { ApiClient } from '../../../shared/contract'
import type { Capture } from '../../../shared/contract/captures'
import type {
  ReplayResult,
  ReplayTarget,
  RunSettings,
  RunSummary,
} from '../../../shared/contract/replay'
import type { SetFile } from '../../core/captures/capture-sets'
import { JunitFile } from '../../core/replay/junit-file'
import { unreadable } from '../../core/replay/replay-run'
import { CliFailure, EXIT, printJson, printLine, type CliIo } from '../cli-io'
import { openReplaySource } from '../replay-source'
import { withApi } from '../with-api'

interface ReplayOptions {
  to: string
  profile?: string
  auth: 'profile' | 'capture' | 'none'
  concurrency: number
  rate?: number
  resign?: 'profile' | 'test'
  junit?: string
  json: boolean
  standalone: boolean
}

/** Captures handed to the run per call: few enough that a call stays small, enough to keep it busy. */
const FEED_CHUNK = 25
const FEED_CHUNK_BYTES = 4 * 1024 * 1024

/**
 * `bridgebench replay SET_DIR|FILE.har --to braze|sandbox|receiver|URL`: replays every capture
 * and checks each answer against the set's assertions (by default: a 2xx without `errors`).
 * Prints one line per capture (NDJSON with `--json`, then a summary line), writes JUnit XML with
 * `--junit FILE`, and exits 1 when any capture fails.
 */
export function registerReplay(program: Command, io: CliIo): void {
  program
    .command('replay')
    .description(
      'Replay a capture set or HAR file to Braze, the Sandbox or a URL, and check the answers',
    )
    .argument('<source>', 'a capture set folder or a .har file')
    .requiredOption('--to <target>', 'braze, sandbox, receiver, or an http(s) URL', parseTarget)
    .option('--profile <id>', 'the profile whose key, signing secret and Braze are used')
    .addOption(
      new Option('--auth <from>', 'Authorization from the profile, the capture, or none')
        .choices(['profile', 'capture', 'none'])
        .default('profile'),
    )
    .option('--concurrency <n>', 'requests in flight at once (1–64)', parseConcurrency, 4)
    .option('--rate <r>', "requests per second at most (default: under Braze's limit)", parseRate)
    .addOption(
      new Option(
        '--resign [secret]',
        "re-sign with a fresh timestamp: the profile's or Zendesk's test secret",
      )
        .choices(['profile', 'test'])
        .preset('profile'),
    )
    .option('--junit <file>', 'write the results as JUnit XML')
    .option('--json', 'print NDJSON: one line per capture, then a summary line', false)
    .option('--standalone', 'run a private engine instead of attaching to a running app', false)
    .action((where: string, options: ReplayOptions) =>
      withApi(io, options, async (api) => {
        const source = await openReplaySource(api, where)
        const settings: RunSettings = {
          target: targetOf(options),
          auth: options.auth,
          ...(options.profile ? { profileId: options.profile } : {}),
          resign: options.resign ?? null,
          concurrency: options.concurrency,
          ...(options.rate ? { ratePerSecond: options.rate } : {}),
          ...(source.assertions ? { assertions: source.assertions } : {}),
        }
        const junit = options.junit ? new JunitFile(options.junit, source.label) : undefined
        try {
          const outcome = await run(api, io, options, source.files, settings, junit)
          await junit?.finish(outcome.summary)
          finalReport(io, options, outcome)
        } catch (error) {
          await junit?.discard()
          throw error
        }
      }),
    )
}

interface Outcome {
  summary: RunSummary
  /** Set files that are not captures: failed here, never sent. */
  unreadable: number
}

async function run(
  api: ApiClient,
  io: CliIo,
  options: ReplayOptions,
  files: AsyncIterable<SetFile>,
  settings: RunSettings,
  junit: JunitFile | undefined,
): Promise<Outcome> {
  const stop = new AbortController()
  void io.untilStopped().then(() => stop.abort())
  const report = async (result: ReplayResult) => {
    await junit?.add(result)
    if (options.json) printJson(io.stdout, { event: 'result', ...result })
    else printLine(io.stdout, resultLine(result))
  }
  let notCaptures = 0
  let feeding: Promise<void> | undefined
  let summary: RunSummary | undefined
  const events = await api.replay.run(
    { source: { kind: 'feed' }, settings },
    { signal: stop.signal },
  )
  for await (const event of events) {
    if (event.type === 'started') {
      feeding = feed(api, event.summary.runId, files, async (file) => {
        notCaptures++
        await report(unreadable(file))
      }).catch((error: unknown) => {
        // The run ended first (cancelled): what was not fed is not needed.
        if (!stop.signal.aborted) throw error
      })
    } else if (event.type === 'result') await report(event.result)
    else summary = event.summary
  }
  await feeding
  if (!summary) throw new CliFailure('The replay run ended without a summary.', EXIT.failure)
  return { summary, unreadable: notCaptures }
}

/** Hands the captures to the run in small chunks; each call returns once the run took them. */
async function feed(
  api: ApiClient,
  runId: string,
  files: AsyncIterable<SetFile>,
  onUnreadable: (file: { name: string; error: string }) => Promise<void>,
): Promise<void> {
  let items: Array<{ name: string; capture: Capture }> = []
  let bytes = 0
  for await (const file of files) {
    if ('error' in file) {
      await onUnreadable(file)
      continue
    }
    items.push(file)
    bytes += file.capture.request.body.size
    if (items.length >= FEED_CHUNK || bytes >= FEED_CHUNK_BYTES) {
      await api.replay.feed({ runId, items, last: false })
      items = []
      bytes = 0
    }
  }
  await api.replay.feed({ runId, items, last: true })
}

function resultLine(result: ReplayResult): string {
  const status = result.status === null ? 'no answer' : String(result.status)
  if (result.passed) return `pass  ${result.name}  ${status}`
  return `FAIL  ${result.name}  ${status}\n${result.failures.map((f) => `      ${f}`).join('\n')}`
}

function finalReport(io: CliIo, options: ReplayOptions, { summary, unreadable }: Outcome): void {
  const failed = summary.failed + unreadable
  const total = (summary.total ?? summary.done) + unreadable
  if (options.json) printJson(io.stdout, { event: 'summary', ...summary, failed, total })
  else
    printLine(
      io.stdout,
      `${total - failed} passed, ${failed} failed of ${total} (${summary.target}, ${(summary.durationMs / 1000).toFixed(1)} s, ${summary.requestsPerSecond.toFixed(1)} req/s)`,
    )
  if (summary.state === 'cancelled')
    throw new CliFailure(`The replay was stopped after ${summary.done} of ${total} captures.`)
  if (summary.state === 'failed')
    throw new CliFailure(`The replay run failed: ${summary.error ?? 'no reason given'}.`)
  if (failed > 0)
    throw new CliFailure(`${failed} of ${total} replayed captures failed their assertions.`)
}

function targetOf(options: ReplayOptions): ReplayTarget {
  switch (options.to) {
    case 'braze':
      return { kind: 'braze', ...(options.profile ? { profileId: options.profile } : {}) }
    case 'sandbox':
    case 'receiver':
      return { kind: options.to }
    default:
      return { kind: 'url', url: options.to }
  }
}

function parseTarget(value: string): string {
  if (['braze', 'sandbox', 'receiver'].includes(value) || /^https?:\/\/\S+$/i.test(value))
    return value
  throw new InvalidArgumentError(
    `"${value}" is not a target: give braze, sandbox, receiver, or an http(s):// URL.`,
  )
}

function parseConcurrency(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new InvalidArgumentError(`"${value}" is not a concurrency from 1 to 64.`)
  return n
}

function parseRate(value: string): number {
  const n = Number(value)
  if (!Number.isFinite(n) || n <= 0 || n > 100_000)
    throw new InvalidArgumentError(`"${value}" is not a rate in requests per second (0–100000).`)
  return n
}
