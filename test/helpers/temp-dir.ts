import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach } from 'vitest'

/**
 * Fresh folders, removed afterwards: tests never touch a real data folder. `scope: 'file'` keeps
 * them until the file's last test, for suites that set up once in beforeAll.
 */
export function useTempDir(
  prefix = 'bridgebench-test-',
  scope: 'test' | 'file' = 'test',
): () => string {
  const made: string[] = []
  const cleanup = () => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
  }
  if (scope === 'test') afterEach(cleanup)
  else afterAll(cleanup)
  return () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), prefix))
    made.push(dir)
    return dir
  }
}
