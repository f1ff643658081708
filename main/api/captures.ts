import path from 'node:path'
import { captureCurl, captureDetail } from '../core/captures/capture-views'
import {
  CAPTURE_SETS_FOLDER,
  listCaptureSets,
  writeCaptureSet,
} from '../core/captures/capture-sets'
import type { Capture } from '../../shared/contract/captures'
import { api } from './base'

export const capturesRouter = {
  list: api.captures.list.handler(({ context: { engine }, input }) => {
    const page = engine.captures.list(input)
    return {
      items: page.items.map((item) => item.summary),
      nextCursor: page.nextCursor,
      total: engine.captures.size,
    }
  }),

  get: api.captures.get.handler(({ context: { engine }, input }) =>
    captureDetail(engine.captures, input.id, new Date(), (capture) =>
      engine.inbox.explainSignature(capture),
    ),
  ),

  remove: api.captures.remove.handler(async ({ context: { engine }, input }) => {
    let removed = 0
    for (const id of input.ids) if (await engine.captures.delete(id)) removed++
    engine.inbox.events.emit({ type: 'deleted', ids: input.ids })
    return { removed }
  }),

  events: api.captures.events.handler(async function* ({ context: { engine }, signal }) {
    yield* engine.inbox.events.subscribe(signal)
  }),

  curl: api.captures.curl.handler(async ({ context: { engine }, input }) => {
    const capture = await engine.captures.get(input.id)
    if (!capture) throw new Error(`No capture ${input.id}: it may have been deleted or expired.`)
    const base = engine.inbox.status().receiver.url ?? 'http://127.0.0.1:PORT'
    return { command: captureCurl(capture, base) }
  }),

  sets: api.captures.sets.handler(({ context: { engine } }) => listCaptureSets(engine.dataFolder)),

  saveSet: api.captures.saveSet.handler(async ({ context: { engine }, input }) => {
    const folder = path.join(engine.dataFolder, CAPTURE_SETS_FOLDER, input.name)
    const ids =
      input.ids ?? engine.captures.list({ ...input.query, limit: 10_000 }).items.map((i) => i.id)
    const captures: Capture[] = []
    for (const id of ids) {
      const capture = await engine.captures.get(id)
      if (capture) captures.push(capture)
    }
    const count = await writeCaptureSet(folder, captures)
    return { name: input.name, folder, count }
  }),
}
