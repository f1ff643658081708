import { describe, expect, it } from 'vitest'
import {
  WORKER_NICENESS,
  lowerWorkerPriority,
} from '../../../../../main/core/workers/background-priority'

describe('a worker thread’s priority', () => {
  it('is lowered on Linux, where a nice value belongs to one thread', () => {
    const set: number[] = []
    expect(lowerWorkerPriority('linux', (p) => set.push(p))).toBe(true)
    expect(set).toEqual([WORKER_NICENESS])
  })

  it('is left alone on macOS and Windows, where the call would lower the whole app', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const set: number[] = []
      expect(lowerWorkerPriority(platform, (p) => set.push(p))).toBe(false)
      expect(set).toEqual([])
    }
  })

  it('is left as it is when the system refuses, and the worker still runs', () => {
    const refuse = () => {
      throw new Error('EACCES')
    }
    expect(lowerWorkerPriority('linux', refuse)).toBe(false)
  })
})
