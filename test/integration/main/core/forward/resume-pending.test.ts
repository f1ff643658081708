import { afterAll, describe, expect, it } from 'vitest'
import { receiverRoute, type Capture } from '../../../../../shared/contract/captures'
import type { Engine } from '../../../../../main/core/engine'
import { createTestEngine } from '../../../../helpers/engine'
import { startScriptedServer, type ScriptedServer } from '../../../../helpers/scripted-server'
import { useTempDir } from '../../../../helpers/temp-dir'

describe('capture-first forwards across a restart', () => {
  const tempDir = useTempDir('bridgebench-resume-forward-', 'file')
  let braze: ScriptedServer | undefined
  let engine: Engine | undefined
  afterAll(async () => {
    await engine?.close()
    await braze?.close()
  })

  it('are sent at the next start when Bridgebench stopped before Braze answered', async () => {
    let answering = false
    braze = await startScriptedServer(() =>
      answering ? { status: 201, body: { message: 'success' } } : { status: 201, hang: true },
    )
    const folder = tempDir()
    const first = await createTestEngine(folder)
    const { url } = await first.inbox.start()
    first.inbox.saveRoute(
      receiverRoute.parse({
        name: 'later',
        forward: { mode: 'capture-first', url: braze.url, auth: 'capture' },
      }),
    )
    const answer = await fetch(`${url}/hooks/later`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer k' },
      body: '{"attributes":[{"external_id":"u-1","plan":"gold"}]}',
    })
    expect(answer.status).toBe(200)
    await expect.poll(() => braze?.seen.length).toBe(1)
    await first.close()

    answering = true
    engine = await createTestEngine(folder)
    await engine.forwards.idle()
    const [item] = engine.captures.list({ route: 'later', limit: 1 }).items
    const capture = (await engine.captures.get(item?.id ?? '')) as Capture
    expect(capture.forward).toMatchObject({ state: 'forwarded', status: 201 })
    expect(braze.seen).toHaveLength(2)
  })
})
