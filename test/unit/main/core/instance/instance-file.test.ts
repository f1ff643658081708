import { createServer, type Server } from 'node:net'
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  claimDataFolder,
  DataFolderHeldError,
  INSTANCE_FILE,
  liveInstance,
} from '../../../../../main/core/instance/instance-file'
import { useTempDir } from '../../../../helpers/temp-dir'

const now = () => new Date('2026-11-30T10:00:00Z')
const options = { door: 'browser' as const, version: '1.0.0', now }

describe('the instance file: one engine per data folder', () => {
  const tempDir = useTempDir('bridgebench-instance-')
  const servers: Server[] = []
  afterEach(() => {
    for (const server of servers.splice(0)) server.close()
  })

  async function listening(): Promise<string> {
    const server = createServer((socket) => socket.end())
    servers.push(server)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const address = server.address() as { port: number }
    return `http://127.0.0.1:${address.port}`
  }

  it('is written private (0600) and says where the API answers once published', async () => {
    const folder = tempDir()
    const claim = await claimDataFolder(folder, options)
    const file = path.join(folder, INSTANCE_FILE)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    const apiUrl = await listening()
    await claim.publish({ apiUrl, token: 'tok-123' })
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(await liveInstance(folder)).toMatchObject({ pid: process.pid, apiUrl, token: 'tok-123' })
    await claim.release()
    expect(existsSync(file)).toBe(false)
  })

  it('refuses a second claim while the holder lives, naming it', async () => {
    const folder = tempDir()
    const claim = await claimDataFolder(folder, options)
    await claim.publish({ apiUrl: await listening(), token: 't' })
    const second = claimDataFolder(folder, { ...options, door: 'cli' })
    await expect(second).rejects.toBeInstanceOf(DataFolderHeldError)
    await expect(second).rejects.toThrow(/in use by Bridgebench 1\.0\.0 \(browser mode, pid \d+/)
    await claim.release()
  })

  it('replaces a file left by a process that is gone', async () => {
    const folder = tempDir()
    // Above Linux's default pid_max, so no process has it.
    const gone = { schemaVersion: 1, pid: 2 ** 22 + 12345, door: 'browser', version: '0.9' }
    writeFileSync(
      path.join(folder, INSTANCE_FILE),
      JSON.stringify({ ...gone, startedAt: 'x', apiUrl: null, token: null }),
    )
    expect(await liveInstance(folder)).toBeUndefined()
    const claim = await claimDataFolder(folder, options)
    expect(JSON.parse(readFileSync(path.join(folder, INSTANCE_FILE), 'utf8'))).toMatchObject({
      pid: process.pid,
    })
    await claim.release()
  })

  it('treats a live pid whose API no longer answers as stale (a reused pid)', async () => {
    const folder = tempDir()
    const claim = await claimDataFolder(folder, options)
    const apiUrl = await listening()
    await claim.publish({ apiUrl, token: 't' })
    servers.splice(0).forEach((server) => server.close())
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(await liveInstance(folder, 500)).toBeUndefined()
    const next = await claimDataFolder(folder, options)
    await next.release()
  })

  it('lets only one of two simultaneous claims win', async () => {
    const folder = tempDir()
    const results = await Promise.allSettled([
      claimDataFolder(folder, options),
      claimDataFolder(folder, options),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    for (const r of results) if (r.status === 'fulfilled') await r.value.release()
  })

  it('keeps a file another instance wrote when releasing', async () => {
    const folder = tempDir()
    const claim = await claimDataFolder(folder, options)
    const file = path.join(folder, INSTANCE_FILE)
    const other = { ...JSON.parse(readFileSync(file, 'utf8')), startedAt: 'another start' }
    writeFileSync(file, JSON.stringify(other))
    await claim.release()
    expect(existsSync(file)).toBe(true)
  })
})
