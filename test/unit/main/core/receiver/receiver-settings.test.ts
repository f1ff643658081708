import { describe, expect, it } from 'vitest'
import { ReceiverSettingsStore } from '../../../../../main/core/receiver/receiver-settings'
import type { JsonStore } from '../../../../../main/core/storage/json-store'

const memory = (data: Record<string, unknown>): JsonStore => {
  let document = data
  return {
    path: '/memory/receiver.json',
    read: () => document,
    write: (next) => (document = next),
    backup: () => undefined,
  }
}
const route = (name: string, profileId: string | null) => ({
  name,
  answer: { status: 200, retryAfterSeconds: null, delayMs: 0, close: false },
  strictSignature: false,
  profileId,
})

/** A whole version 1 file: today's fields, routes without forwarding. */
const version1 = (changes: Record<string, unknown>) => ({
  ...new ReceiverSettingsStore(memory({})).get(),
  schemaVersion: 1,
  routes: [],
  ...changes,
})

describe('receiver settings', () => {
  it('deliver the Sandbox through the receiver on a fresh install', () => {
    expect(new ReceiverSettingsStore(memory({})).get().sandboxThroughReceiver).toBe(true)
  })

  it('keep the switch as a version 1 file had it', () => {
    const store = new ReceiverSettingsStore(memory(version1({ sandboxThroughReceiver: false })))
    expect(store.get().sandboxThroughReceiver).toBe(false)
  })

  it("turn a version 1 Sandbox route into capture-first forwarding to the Sandbox, and other routes' off", () => {
    const store = new ReceiverSettingsStore(
      memory(version1({ routes: [route('sandbox', 'sandbox'), route('braze', null)] })),
    )
    const [sandbox, braze] = store.get().routes
    expect(sandbox?.forward).toMatchObject({
      mode: 'capture-first',
      profileId: 'sandbox',
      auth: 'profile',
    })
    expect(braze?.forward.mode).toBe('off')
  })
})
