import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Engine } from '../../../main/core/engine'
import { createTestEngine } from '../../helpers/engine'
import { useTempDir } from '../../helpers/temp-dir'

describe('a fresh engine on the Sandbox profile', () => {
  const tempDir = useTempDir('bridgebench-sandbox-', 'file')
  let engine: Engine

  beforeAll(async () => {
    engine = await createTestEngine(tempDir(), { sandbox: true })
  })
  afterAll(() => engine.close())

  it('runs both simulators on loopback and shows them as a running service', () => {
    const sandbox = engine.vault.get('sandbox')
    expect(sandbox.zendesk.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(sandbox.braze.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(engine.status().services).toContainEqual(
      expect.objectContaining({ id: 'simulators', state: 'running' }),
    )
    expect(engine.info().activeProfile).toEqual({ id: 'sandbox', name: 'Sandbox' })
  })

  it('passes its own connection test with no account configured', async () => {
    const report = await engine.testConnection('sandbox')
    expect(report.checks.filter((c) => c.outcome === 'fail')).toEqual([])
    expect(report.ok).toBe(true)
  })

  it('stops the simulators when the engine closes', async () => {
    const url = engine.vault.get('sandbox').zendesk.baseUrl
    const other = await createTestEngine(tempDir(), { sandbox: true })
    const otherUrl = other.vault.get('sandbox').zendesk.baseUrl
    expect(otherUrl).not.toBe(url)
    await other.close()
    await expect(fetch(`${otherUrl}/api/v2/users/me.json`)).rejects.toThrow()
  })
})
