import {
  appendFileSync,
  existsSync,
  cpSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { open as openFile } from 'node:fs/promises'
import path from 'node:path'
import { monotonicFactory, ulid } from 'ulid'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import {
  InvalidRecordIdError,
  RecordStore,
  type RecordStoreOptions,
} from '../../../../../main/core/storage/record-store'
import { useTempDir } from '../../../../helpers/temp-dir'

const note = z.object({ id: z.string(), title: z.string(), tag: z.string() })
type Note = z.infer<typeof note>
type Summary = { title: string; tag: string }

const NOW = new Date('2026-11-30T12:00:00Z')
const nextId = monotonicFactory()
const idAt = (at: Date) => nextId(at.getTime())

function options(
  folder: string,
  extra: Partial<RecordStoreOptions<Note, Summary>> = {},
): RecordStoreOptions<Note, Summary> {
  return {
    folder,
    noun: 'note',
    schema: note,
    migrations: [
      { to: 1, describe: 'notes have tags', up: (d) => ({ tag: 'untagged', ...d }) },
      { to: 2, describe: 'titles are strings', up: (d) => ({ ...d, title: String(d.title) }) },
    ],
    summarize: ({ title, tag }) => ({ title, tag }),
    now: () => NOW,
    ...extra,
  }
}

describe('RecordStore', () => {
  const tempDir = useTempDir()
  const open: Array<RecordStore<Note, Summary>> = []
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close()
  })
  async function openStore(folder: string, extra: Partial<RecordStoreOptions<Note, Summary>> = {}) {
    const store = await RecordStore.open(options(folder, extra))
    open.push(store)
    return store
  }
  /** The folder as a crash at this instant would leave it (the journal not yet applied). */
  function crashCopy(folder: string): string {
    const copy = path.join(tempDir(), 'copy')
    cpSync(folder, copy, { recursive: true })
    return copy
  }
  const aNote = (title: string, tag = 'a'): Note => ({ id: idAt(NOW), title, tag })

  it('gives back a record it stored, and lists newest first from its index', async () => {
    const store = await openStore(path.join(tempDir(), 'notes'))
    const first = aNote('first')
    const second = aNote('second')
    await store.put(first)
    await store.put(second)
    expect(await store.get(first.id)).toEqual(first)
    expect(store.list().items.map((i) => i.summary.title)).toEqual(['second', 'first'])
  })

  it('pages with a cursor and filters on summaries', async () => {
    const store = await openStore(path.join(tempDir(), 'notes'))
    for (let i = 0; i < 7; i++) await store.put(aNote(`n${i}`, i % 2 ? 'odd' : 'even'))
    const page1 = store.list({ limit: 2, filter: (s) => s.tag === 'even' })
    expect(page1.items.map((i) => i.summary.title)).toEqual(['n6', 'n4'])
    const page2 = store.list({
      limit: 2,
      filter: (s) => s.tag === 'even',
      before: page1.nextCursor ?? '',
    })
    expect(page2.items.map((i) => i.summary.title)).toEqual(['n2', 'n0'])
    expect(store.list({ before: page2.items[1]?.id ?? '' }).nextCursor).toBeNull()
  })

  it('replaces a record put again under the same id', async () => {
    const store = await openStore(path.join(tempDir(), 'notes'))
    const record = aNote('draft')
    await store.put(record)
    await store.put({ ...record, title: 'final' })
    expect(await store.get(record.id)).toEqual({ ...record, title: 'final' })
    expect(store.size).toBe(1)
  })

  it('shares one fsync among puts that arrive together (group commit)', async () => {
    const store = await openStore(path.join(tempDir(), 'notes'))
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.put(aNote(`n${i}`))))
    const batches = store.commitBatchSizes()
    expect(batches.reduce((a, b) => a + b, 0)).toBe(50)
    expect(batches.length).toBeLessThan(50)
  })

  it('does not commit the first of the puts made in one turn on its own', async () => {
    const store = await openStore(path.join(tempDir(), 'notes'))
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.put(aNote(`n${i}`))))
    expect(store.commitBatchSizes()).toEqual([20])
  })

  it('leaves the disk to a journal commit that outlasts the idle pause', async () => {
    const folder = path.join(tempDir(), 'notes')
    const store = await openStore(folder)
    const first = aNote('first')
    await store.put(first)
    // The next journal fdatasync takes 250 ms, as on a disk another program keeps busy.
    const probe = await openFile(path.join(tempDir(), 'probe'), 'w')
    const fileHandle = Object.getPrototypeOf(probe) as { datasync: () => Promise<void> }
    await probe.close()
    const original = fileHandle.datasync
    const datasync = vi.spyOn(fileHandle, 'datasync')
    datasync.mockImplementationOnce(async function (this: unknown) {
      await new Promise((resolve) => setTimeout(resolve, 250))
      return original.call(this)
    })
    const second = store.put(aNote('second'))
    await new Promise((resolve) => setTimeout(resolve, 150))
    // 150 ms after the first commit, but the second is still in flight: no record file yet.
    expect(existsSync(path.join(folder, `${first.id}.json`))).toBe(false)
    await second
    datasync.mockRestore()
    await store.flush()
    expect(existsSync(path.join(folder, `${first.id}.json`))).toBe(true)
  })

  it('turns each record into its own private, indented JSON file with its schema version', async () => {
    const folder = path.join(tempDir(), 'notes')
    const store = await openStore(folder)
    const record = aNote('on disk')
    await store.put(record)
    await store.flush()
    const file = path.join(folder, `${record.id}.json`)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ schemaVersion: 2, ...record })
    expect(readFileSync(file, 'utf8')).toContain('\n  "title": "on disk"')
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(statSync(folder).mode & 0o777).toBe(0o700)
  })

  it('keeps every acknowledged put through a crash, replaying the journal at open', async () => {
    const folder = path.join(tempDir(), 'notes')
    const store = await openStore(folder)
    const records = Array.from({ length: 20 }, (_, i) => aNote(`n${i}`))
    await Promise.all(records.map((r) => store.put(r)))
    const reopened = await openStore(crashCopy(folder))
    expect(reopened.size).toBe(20)
    for (const r of records) expect(await reopened.get(r.id)).toEqual(r)
    await reopened.flush()
    expect(readdirSync(reopened.folder).filter((n) => n.endsWith('.json'))).toHaveLength(20)
  })

  it('drops a cut-off last journal entry, which was never acknowledged', async () => {
    const folder = path.join(tempDir(), 'notes')
    const store = await openStore(folder)
    const kept = aNote('kept')
    await store.put(kept)
    const copy = crashCopy(folder)
    const [session] = readdirSync(path.join(copy, 'journal'))
    const segment = path.join(copy, 'journal', session ?? '', '000001.log')
    // The header of a 200-byte frame, then only part of it: the write a crash interrupted.
    appendFileSync(
      segment,
      Buffer.concat([Buffer.from([200, 0, 0, 0, 1, 2, 3, 4]), Buffer.alloc(50)]),
    )
    const reopened = await openStore(copy)
    expect(reopened.list().items.map((i) => i.id)).toEqual([kept.id])
    expect(reopened.warnings()).toEqual([])
  })

  it('skips a corrupt or newer-version file with a warning, and never overwrites it', async () => {
    const folder = path.join(tempDir(), 'notes')
    const cut = idAt(NOW)
    const newer = idAt(NOW)
    ;(await openStore(folder)).list()
    writeFileSync(path.join(folder, `${cut}.json`), '{"schemaVersion": 2, "id": "')
    writeFileSync(
      path.join(folder, `${newer}.json`),
      JSON.stringify({ schemaVersion: 9, id: newer }),
    )
    const store = await openStore(folder)
    expect(store.warnings()).toEqual(
      expect.arrayContaining([
        { file: path.join(folder, `${cut}.json`), reason: expect.stringMatching(/ends too early/) },
        {
          file: path.join(folder, `${newer}.json`),
          reason: expect.stringMatching(/newer Bridgebench/),
        },
      ]),
    )
    await expect(store.put({ id: cut, title: 'x', tag: 'y' })).rejects.toThrow(/not overwritten/)
    expect(readFileSync(path.join(folder, `${cut}.json`), 'utf8')).toBe(
      '{"schemaVersion": 2, "id": "',
    )
  })

  it('migrates an older record file when reading it', async () => {
    const folder = path.join(tempDir(), 'notes')
    const id = idAt(NOW)
    ;(await openStore(folder)).list()
    writeFileSync(path.join(folder, `${id}.json`), JSON.stringify({ id, title: 42 }))
    const store = await openStore(folder)
    expect(await store.get(id)).toEqual({ id, title: '42', tag: 'untagged' })
    expect(store.summary(id)).toEqual({ title: '42', tag: 'untagged' })
  })

  it('sweeps temp files a crashed writer left, and leaves a running writer’s alone', async () => {
    const folder = path.join(tempDir(), 'notes')
    ;(await openStore(folder)).list()
    const stale = path.join(folder, `${idAt(NOW)}.json.999999999-ab12cd34.tmp`)
    const live = path.join(folder, `${idAt(NOW)}.json.${process.pid}-ab12cd34.tmp`)
    writeFileSync(stale, '{')
    writeFileSync(live, '{')
    await openStore(folder)
    expect(readdirSync(folder)).not.toContain(path.basename(stale))
    expect(readdirSync(folder)).toContain(path.basename(live))
  })

  it('keeps at most maxCount records, dropping the oldest, at open and after puts', async () => {
    const folder = path.join(tempDir(), 'notes')
    const store = await openStore(folder)
    const records = Array.from({ length: 5 }, (_, i) => aNote(`n${i}`))
    for (const r of records) await store.put(r)
    const capped = await openStore(crashCopy(folder), { retention: { maxCount: 3 } })
    expect(capped.list().items.map((i) => i.summary.title)).toEqual(['n4', 'n3', 'n2'])
    await capped.put(aNote('n5'))
    await capped.flush()
    expect(capped.list().items.map((i) => i.summary.title)).toEqual(['n5', 'n4', 'n3'])
    expect(await capped.get(records[2]?.id ?? '')).toBeUndefined()
    expect(
      readdirSync(capped.folder)
        .filter((n) => n.endsWith('.json'))
        .sort(),
    ).toHaveLength(3)
  })

  it('applies a retention set after open at once, and names what it dropped', async () => {
    const dropped: string[][] = []
    const store = await openStore(path.join(tempDir(), 'notes'), {
      onDropped: (ids) => dropped.push(ids),
    })
    const records = Array.from({ length: 5 }, (_, i) => aNote(`n${i}`))
    for (const r of records) await store.put(r)
    store.setRetention({ maxCount: 2 })
    expect(dropped).toEqual([records.slice(0, 3).map((r) => r.id)])
    expect(store.list().items.map((i) => i.summary.title)).toEqual(['n4', 'n3'])
    await store.flush()
    const reopened = await openStore(crashCopy(store.folder))
    expect(reopened.size).toBe(2)
    store.setRetention(undefined)
    await store.put(aNote('n5'))
    expect(store.size).toBe(3)
  })

  it('writes what retention removes at once as one journal entry, each removal replayed', async () => {
    const folder = path.join(tempDir(), 'notes')
    const store = await openStore(folder)
    const records = Array.from({ length: 5 }, (_, i) => aNote(`n${i}`))
    for (const r of records) await store.put(r)
    store.setRetention({ maxCount: 2 })
    await store.delete(records[4]?.id ?? '')
    // One entry for the three removals, one for the delete: both in the last commit.
    expect(store.commitBatchSizes().at(-1)).toBe(2)
    const reopened = await openStore(crashCopy(folder))
    expect(reopened.list().items.map((i) => i.summary.title)).toEqual(['n3'])
    for (const r of records.slice(0, 3)) expect(await reopened.get(r.id)).toBeUndefined()
  })

  it('drops records older than maxAgeMs', async () => {
    const store = await openStore(path.join(tempDir(), 'notes'), {
      retention: { maxAgeMs: 60_000 },
    })
    await store.put({ id: ulid(NOW.getTime() - 120_000), title: 'old', tag: 'a' })
    await store.put(aNote('fresh'))
    await store.flush()
    expect(store.list().items.map((i) => i.summary.title)).toEqual(['fresh'])
  })

  it('removes a record durably', async () => {
    const folder = path.join(tempDir(), 'notes')
    const store = await openStore(folder)
    const record = aNote('gone')
    await store.put(record)
    expect(await store.delete(record.id)).toBe(true)
    expect(await store.get(record.id)).toBeUndefined()
    const reopened = await openStore(crashCopy(folder))
    expect(await reopened.get(record.id)).toBeUndefined()
    expect(reopened.size).toBe(0)
  })

  it('refuses anything that is not a ULID before building a path', async () => {
    const store = await openStore(path.join(tempDir(), 'notes'))
    for (const id of [
      '../settings',
      '/etc/passwd',
      'a\u0000b',
      '%2e%2e%2fsettings',
      'A'.repeat(300),
    ]) {
      await expect(store.get(id)).rejects.toThrow(InvalidRecordIdError)
      await expect(store.delete(id)).rejects.toThrow(InvalidRecordIdError)
      await expect(store.put({ id, title: 'x', tag: 'y' })).rejects.toThrow(InvalidRecordIdError)
      expect(() => store.list({ before: id })).toThrow(InvalidRecordIdError)
    }
  })

  it('opens from its index snapshot, reading only the files that changed since', async () => {
    const folder = path.join(tempDir(), 'notes')
    const first = await openStore(folder)
    const records = Array.from({ length: 5 }, (_, i) => aNote(`n${i}`))
    for (const r of records) await first.put(r)
    await first.flush()
    await first.close()
    const edited = records[2] as Note
    writeFileSync(
      path.join(folder, `${edited.id}.json`),
      JSON.stringify({ schemaVersion: 2, ...edited, title: 'edited by hand' }),
    )
    const reopened = await openStore(folder)
    expect(reopened.opened).toEqual({ files: 5, read: 1 })
    expect(reopened.summary(edited.id)?.title).toBe('edited by hand')
  })

  it('reads every file when the snapshot was made with another summary version', async () => {
    const folder = path.join(tempDir(), 'notes')
    const first = await openStore(folder)
    await first.put(aNote('n0'))
    await first.flush()
    await first.close()
    const reopened = await openStore(folder, { summaryVersion: 2 })
    expect(reopened.opened).toEqual({ files: 1, read: 1 })
  })

  it('keeps a record in the journal when its file cannot be written, and says why', async () => {
    const folder = path.join(tempDir(), 'notes')
    const store = await openStore(folder)
    const record = aNote('blocked')
    await store.put(record)
    // A folder where the record's file should go: the rename into place fails.
    mkdirSync(path.join(folder, `${record.id}.json`))
    await expect(store.flush()).rejects.toThrow()
    expect(store.warnings()).toEqual([{ file: folder, reason: expect.any(String) as unknown }])
    expect(await store.get(record.id)).toEqual(record)
    rmSync(path.join(folder, `${record.id}.json`), { recursive: true })
    await store.flush()
    expect(store.warnings()).toEqual([])
    expect(JSON.parse(readFileSync(path.join(folder, `${record.id}.json`), 'utf8'))).toMatchObject(
      record,
    )
  })
})
