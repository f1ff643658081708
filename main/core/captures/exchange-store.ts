import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { monotonicFactory } from 'ulid'
import { exchange as exchangeSchema, type Exchange } from '../../../shared/contract/exchanges'

/**
 * Exchanges as one JSON file each, named by ULID so a folder listing is already in time order,
 * written atomically (temp file + rename) so a crash never leaves half a record.
 */
export class ExchangeStore {
  private readonly nextId = monotonicFactory()
  private readonly folder: string

  constructor(dataFolder: string) {
    this.folder = path.join(dataFolder, 'exchanges')
  }

  newId(now: Date): string {
    return this.nextId(now.getTime())
  }

  async save(record: Exchange): Promise<void> {
    await mkdir(this.folder, { recursive: true })
    const file = path.join(this.folder, `${record.id}.json`)
    const temp = `${file}.${process.pid}.tmp`
    await writeFile(temp, `${JSON.stringify(record, null, 2)}\n`)
    await rename(temp, file)
  }

  async get(id: string): Promise<Exchange | undefined> {
    try {
      return exchangeSchema.parse(
        JSON.parse(await readFile(path.join(this.folder, `${id}.json`), 'utf8')),
      )
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw error
    }
  }

  /** Newest first; unreadable files are skipped rather than failing the whole list. */
  async list(filter: (record: Exchange) => boolean = () => true, limit = 200): Promise<Exchange[]> {
    let names: string[]
    try {
      names = await readdir(this.folder)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw error
    }
    const ids = names
      .filter((n) => n.endsWith('.json'))
      .map((n) => n.slice(0, -5))
      .sort()
      .reverse()
    const found: Exchange[] = []
    for (const id of ids) {
      const record = await this.get(id).catch(() => undefined)
      if (record && filter(record)) found.push(record)
      if (found.length >= limit) break
    }
    return found
  }

  async remove(id: string): Promise<void> {
    await rm(path.join(this.folder, `${id}.json`), { force: true })
  }
}
