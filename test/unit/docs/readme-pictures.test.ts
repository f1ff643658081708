import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const REPO = path.resolve(import.meta.dirname, '..', '..', '..')
const README = readFileSync(path.join(REPO, 'README.md'), 'utf8')

describe('the README’s pictures', () => {
  const pictures = [...README.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1] ?? '')

  it('are committed in the repository (BRIDGEBENCH_UPDATE_DOCS=1 npm run test:e2e takes them)', () => {
    expect(pictures.length).toBeGreaterThan(0)
    expect(pictures.filter((file) => !existsSync(path.join(REPO, file)))).toEqual([])
  })
})
