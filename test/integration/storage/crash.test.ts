import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Exchange } from '../../../shared/contract/exchanges'
import type { Engine } from '../../../main/core/engine'
import {
  startZendeskSimulator,
  type ZendeskSimulator,
} from '../../../main/core/simulators/zendesk/zendesk-simulator'
import { isTempFileName } from '../../../main/core/storage/durable-files'
import { createTestEngine } from '../../helpers/engine'
import { startRecordingProxy } from '../../helpers/recording-proxy'
import { useTempDir } from '../../helpers/temp-dir'

const REPO = path.resolve(import.meta.dirname, '..', '..', '..')
const CHILD = path.join(REPO, 'test', 'helpers', 'crash-child.ts')
const KILLS = 10

interface Child {
  process: ChildProcess
  /** Lets it open the data folder; resolves once it has sent its first ticket. */
  go(): Promise<void>
}

/** Starts a child and lets it load (the slow part) without touching the data folder yet. */
function loadChild(args: string[]): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
    cwd: REPO,
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve()
    })
    child.once('exit', (code) => reject(new Error(`The child exited (${code}) early: ${stderr}`)))
  })
  ready.catch(() => undefined)
  return {
    process: child,
    go: () => {
      child.stdin?.write('go\n')
      return ready
    },
  }
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGKILL')
  })
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const entry = path.join(folder, name)
    return statSync(entry).isDirectory() ? filesUnder(entry) : [entry]
  })
}

async function allExchanges(engine: Engine): Promise<Exchange[]> {
  const found: Exchange[] = []
  let before: string | undefined
  for (;;) {
    const page = await engine.exchanges.list({ before, limit: 500 })
    for (const { id } of page.items) {
      const record = await engine.exchanges.get(id)
      if (record) found.push(record)
    }
    if (!page.nextCursor) return found
    before = page.nextCursor
  }
}

function sentSubject(record: Exchange): string | undefined {
  const body = record.attempts.at(-1)?.request.body
  if (body?.encoding !== 'utf8') return undefined
  return (JSON.parse(body.data) as { ticket?: { subject?: string } }).ticket?.subject
}

function readJson<T>(folder: string, name: string): T {
  return JSON.parse(readFileSync(path.join(folder, name), 'utf8')) as T
}

describe('crash consistency: kill -9 during ticket sends and profile saves', () => {
  const tempDir = useTempDir('bridgebench-crash-', 'file')
  let zendesk: ZendeskSimulator
  let proxy: Awaited<ReturnType<typeof startRecordingProxy>>

  beforeAll(async () => {
    zendesk = await startZendeskSimulator({ settings: { rateLimits: { enabled: false } } })
    proxy = await startRecordingProxy(zendesk.url)
  })
  afterAll(async () => {
    await proxy.close()
    await zendesk.close()
  })

  /**
   * What a restart after a kill must find; returns how many created tickets are known only as
   * an interrupted send (the kill came between Zendesk answering and the answer reaching disk).
   */
  async function expectConsistent(engine: Engine, dataFolder: string, where: string) {
    await engine.exchanges.flush()
    const temps = filesUnder(dataFolder).filter((f) => isTempFileName(path.basename(f)))
    expect(temps, `${where}: temp files`).toEqual([])

    const exchanges = await allExchanges(engine)
    expect(
      exchanges.filter((e) => e.state === 'pending'),
      `${where}: pending`,
    ).toEqual([])
    const keys = new Set(exchanges.map((e) => e.idempotencyKey))
    const unrecorded = proxy.answered.filter((a) => !keys.has(a.idempotencyKey ?? null))
    expect(unrecorded, `${where}: answered requests without an exchange`).toEqual([])

    const logged = new Set(engine.tickets.history().map((t) => t.ticketId))
    const interrupted = new Set(
      exchanges.filter((e) => e.attempts.at(-1)?.error?.reason === 'interrupted').map(sentSubject),
    )
    const notLogged = zendesk.tickets().filter((t) => !logged.has(t.id))
    const lost = notLogged.filter((t) => !interrupted.has(t.subject ?? ''))
    expect(lost, `${where}: tickets Zendesk created that nothing records`).toEqual([])

    const settings = readJson<{ profiles: Array<{ id: string }> }>(dataFolder, 'settings.json')
    const secrets = readJson<{ secrets: Record<string, unknown> }>(dataFolder, 'secrets.json')
    const profileIds = new Set(settings.profiles.map((p) => p.id))
    const orphans = Object.keys(secrets.secrets).filter((id) => !profileIds.has(id))
    expect(orphans, `${where}: ciphertext of removed profiles`).toEqual([])
    return notLogged.length
  }

  it(`keeps the data folder consistent through ${KILLS} kills in a row`, async () => {
    const dataFolder = tempDir()
    const args = [dataFolder, proxy.url, zendesk.credentials.email, zendesk.credentials.token]
    let unrecordedAnswers = 0
    // The next child loads (the slow part: tsx and the engine's modules) while the folder the
    // last one left is checked.
    const loading = [loadChild(args)]
    for (let kill = 1; kill <= KILLS; kill++) {
      const child = loading.shift() as Child
      if (kill + loading.length < KILLS) loading.push(loadChild(args))
      await child.go()
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 400))
      await killed(child.process)

      const engine = await createTestEngine(dataFolder)
      try {
        unrecordedAnswers = await expectConsistent(engine, dataFolder, `after kill ${kill}`)
      } finally {
        await engine.close()
      }
    }
    expect(zendesk.tickets().length).toBeGreaterThan(KILLS)
    // Only the send in flight at each kill can have lost its answer.
    expect(unrecordedAnswers).toBeLessThanOrEqual(2 * KILLS)
  }, 240_000)
})
