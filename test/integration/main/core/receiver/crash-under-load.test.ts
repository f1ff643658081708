import { spawn, type ChildProcess } from 'node:child_process'
import { Agent, request } from 'node:http'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CaptureStore } from '../../../../../main/core/captures/capture-store'
import { useTempDir } from '../../../../helpers/temp-dir'

const REPO = path.resolve(import.meta.dirname, '..', '..', '..', '..', '..')
const CHILD = path.join(REPO, 'test', 'helpers', 'receiver-child.ts')
const CONNECTIONS = 20
const KILLS = 3

function startChild(dataFolder: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataFolder], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      const port = /port (\d+)/.exec(chunk.toString())?.[1]
      if (port) resolve({ child, port: Number(port) })
    })
    child.once('exit', (code) => reject(new Error(`receiver child exited (${code}): ${stderr}`)))
  })
}

/** POSTs one webhook; resolves with the capture id the receiver acknowledged, or null. */
function post(port: number, agent: Agent, n: number): Promise<string | null> {
  return new Promise((resolve) => {
    const body = JSON.stringify({ ticket: { id: n, padding: 'x'.repeat(900) } })
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/hooks/load',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        let text = ''
        res.on('data', (chunk: Buffer) => (text += chunk.toString()))
        res.on('end', () => {
          if (res.statusCode !== 200) return resolve(null)
          try {
            resolve((JSON.parse(text) as { capture?: string }).capture ?? null)
          } catch {
            resolve(null)
          }
        })
        res.on('error', () => resolve(null))
      },
    )
    req.on('error', () => resolve(null))
    req.end(body)
  })
}

/**
 * Nothing acknowledged is lost: a receiver under a 20-connection load is killed with SIGKILL
 * (no shutdown at all), and every capture it answered 200 for is in the store when it reopens.
 */
describe('captures acknowledged before a kill -9', () => {
  const tempDir = useTempDir('bridgebench-receiver-crash-')

  it(`survive ${KILLS} kills in a row under ${CONNECTIONS} connections`, async () => {
    const dataFolder = tempDir()
    const acknowledged: string[] = []
    for (let kill = 0; kill < KILLS; kill++) {
      const { child, port } = await startChild(dataFolder)
      const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS })
      let running = true
      let n = 0
      const workers = Array.from({ length: CONNECTIONS }, async () => {
        while (running) {
          const id = await post(port, agent, n++)
          if (id) acknowledged.push(id)
        }
      })
      await new Promise((resolve) => setTimeout(resolve, 700 + kill * 150))
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGKILL')
      await exited
      running = false
      await Promise.all(workers)
      agent.destroy()
    }
    expect(acknowledged.length).toBeGreaterThan(100)
    const store = await CaptureStore.open(dataFolder, { retention: { maxCount: 1_000_000 } })
    try {
      const missing = []
      for (const id of acknowledged) if (!(await store.get(id))) missing.push(id)
      expect(missing).toEqual([])
      expect(store.size).toBeGreaterThanOrEqual(acknowledged.length)
    } finally {
      await store.close()
    }
  }, 60_000)
})
