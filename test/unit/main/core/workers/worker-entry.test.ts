import { describe, expect, it } from 'vitest'
import { workerEntry } from '../../../../../main/core/workers/worker-entry'

describe('where the worker code is', () => {
  it('is out/main/worker.js when this code was built into an entry such as out/main/cli.js', () => {
    expect(workerEntry('file:///app/out/main/cli.js')).toEqual({
      target: new URL('file:///app/out/main/worker.js'),
      eval: false,
    })
  })

  it('is out/main/worker.js too when this code landed in a shared chunk', () => {
    expect(workerEntry('file:///app/out/main/chunks/engine-a1b2c3.js').target).toEqual(
      new URL('file:///app/out/main/worker.js'),
    )
  })

  it('is worker-main.ts through tsx when running from the TypeScript sources', () => {
    const entry = workerEntry(
      import.meta.url.replace(/test\/unit\/.*$/, 'main/core/workers/worker-entry.ts'),
    )
    expect(entry.eval).toBe(true)
    expect(String(entry.target)).toContain('/tsx/dist/esm/api/index.mjs')
    expect(String(entry.target)).toContain('/main/core/workers/worker-main.ts')
  })
})
