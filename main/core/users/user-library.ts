import { randomInt, randomUUID } from 'node:crypto'
import type { Problem } from '../../../shared/contract/problems'
import type {
  SampleUserEntry,
  UserImportFormat,
  UserImportSummary,
} from '../../../shared/contract/users'
import { brazeUserProfile, type BrazeUserProfile } from '../../../shared/contract/users'
import { cloneKeepingFloats } from '../../../shared/numbers/json-keeping-floats'
import type { JsonStore } from '../storage/json-store'
import { VersionedDocument } from '../storage/versioned-document'
import { builtInUsers } from './built-in-users'
import { importUsers } from './import-users'
import type { UserImport } from './import-users-json'
import { randomUsers } from './random-users'
import {
  USER_MIGRATIONS,
  storedUsers,
  type SavedUserSource,
  type StoredUser,
  type StoredUsers,
} from './stored-users'
import { userKey, userLabel } from './user-identity'

/** `rnd-SEED-N`: the N-th of randomUsers(…, SEED), the external_id random-users.ts gives. */
const RANDOM_ID = /^rnd-(\d{1,10})-(\d{1,4})$/
const MAX_RANDOM_INDEX = 1000

export class UserNotFoundError extends Error {
  constructor(id: string) {
    super(
      `No sample user "${id}". Pick one from the user list, or import, load or create it first.`,
    )
    this.name = 'UserNotFoundError'
  }
}

export class BuiltInUserError extends Error {
  constructor(label: string, action: string) {
    super(
      `${label} is a built-in sample user and cannot be ${action}. Save your edit as a custom user instead.`,
    )
    this.name = 'BuiltInUserError'
  }
}

export type UserSet = 'built-in' | 'saved' | 'all'

/** Every user an import saved, and the file's problems (positions are in the file). */
export interface UserImportResult {
  imported: SampleUserEntry[]
  problems: Problem[]
}

export interface UserLibraryOptions {
  /** users.json, opened with `{ keepFloats: true }` so a whole Float (`2.0`) survives a reload. */
  store: JsonStore
  now?: () => Date
  /** Defaults to resources/sample-users.json. */
  builtIns?: BrazeUserProfile[]
}

/**
 * The sample users a template is previewed with: the built-ins, then the ones saved in the data
 * folder (imported, hand-edited, random, loaded from Braze), each under a stable id.
 */
export class UserLibrary {
  private readonly document: VersionedDocument<StoredUsers>
  private readonly builtIns: SampleUserEntry[]
  private readonly now: () => Date

  constructor(options: UserLibraryOptions) {
    this.document = new VersionedDocument(options.store, storedUsers, USER_MIGRATIONS)
    this.now = options.now ?? (() => new Date())
    this.builtIns = (options.builtIns ?? builtInUsers()).map((user, index) => ({
      id: userKey(user) ?? `built-in-${index + 1}`,
      label: userLabel(user),
      source: 'built-in',
      user,
    }))
  }

  get path(): string {
    return this.document.path
  }

  /** Built-ins first, then saved users in the order they were saved. */
  list(): SampleUserEntry[] {
    return this.set('all')
  }

  set(which: UserSet): SampleUserEntry[] {
    const builtIns = which === 'saved' ? [] : this.builtIns.map((e) => cloneKeepingFloats(e))
    const saved = which === 'built-in' ? [] : this.document.get().users.map(entry)
    return [...builtIns, ...saved]
  }

  /**
   * The same users without copying them, to hand to a worker (which gets its own copy): a
   * batch of thousands of users costs the serving thread no deep clone. Never change them.
   */
  snapshot(which: UserSet): readonly SampleUserEntry[] {
    const builtIns = which === 'saved' ? [] : this.builtIns
    const saved =
      which === 'built-in'
        ? []
        : this.document.get().users.map((u): SampleUserEntry => ({
            id: u.id,
            label: userLabel(u.user),
            source: u.source,
            user: u.user,
          }))
    return [...builtIns, ...saved]
  }

  /** Throws UserNotFoundError when no user has this id (see find). */
  get(id: string): SampleUserEntry {
    const found = this.find(id)
    if (!found) throw new UserNotFoundError(id)
    return found
  }

  /**
   * By library id, then by external_id or braze_id (built-ins before saved users), then as a
   * random user's id (`rnd-SEED-N`), which always gives the same user.
   */
  find(id: string): SampleUserEntry | undefined {
    const saved = this.document.get().users
    const builtIn = (match: (user: BrazeUserProfile, id: string) => boolean) =>
      this.builtIns.find((e) => match(e.user, e.id))
    const stored = (match: (user: BrazeUserProfile, id: string) => boolean) =>
      saved.find((u) => match(u.user, u.id))
    const hasId = (_: BrazeUserProfile, entryId: string) => entryId === id
    const hasKey = (user: BrazeUserProfile) => user.external_id === id || user.braze_id === id
    const found = builtIn(hasId) ?? stored(hasId) ?? builtIn(hasKey) ?? stored(hasKey)
    if (!found) return randomById(id)
    return found.source === 'built-in' ? cloneKeepingFloats(found) : entry(found as StoredUser)
  }

  /** Saves every user the file holds that can be read; problems point into the file. */
  import(format: UserImportFormat, text: string): UserImportResult {
    const read = importUsers(format, text)
    return { imported: this.saveRead(read.users).map(entry), problems: read.problems }
  }

  /**
   * Saves users already read from a file (importUsers, e.g. in a worker) and says how many,
   * without copying thousands of entries for an answer.
   */
  saveImported({ users, problems }: UserImport): UserImportSummary {
    const saved = this.saveRead(users)
    return { count: saved.length, first: saved[0] ? entry(saved[0]) : null, problems }
  }

  /**
   * Replaces users of earlier imports with the same key; rows of the same file never replace
   * each other.
   */
  private saveRead(users: BrazeUserProfile[]): StoredUser[] {
    const before = new Set(this.document.get().users.map((u) => u.id))
    return this.upsert(
      users.map((user) => ({ user, source: 'imported' as const })),
      (existing) => before.has(existing.id),
    )
  }

  /** A hand-edited user; with the id of a saved user, replaces that user. */
  saveCustom(user: BrazeUserProfile, id?: string): SampleUserEntry {
    const profile = brazeUserProfile.parse(user)
    if (id !== undefined) {
      const builtIn = this.builtIns.find((e) => e.id === id)
      if (builtIn) throw new BuiltInUserError(builtIn.label, 'changed')
      const existing = this.document.get().users.find((u) => u.id === id)
      if (!existing) throw new UserNotFoundError(id)
      const next: StoredUser = {
        ...existing,
        source: 'custom',
        user: profile,
        savedAt: this.stamp(),
      }
      this.document.update((draft) => ({
        ...draft,
        users: draft.users.map((u) => (u.id === id ? next : u)),
      }))
      return entry(next)
    }
    const [saved] = this.upsert([{ user: profile, source: 'custom' }], () => false)
    return entry(saved as StoredUser)
  }

  /**
   * A user from Braze or the random generator: saved so it can be picked again, replacing an
   * earlier one from the same source with the same external_id.
   */
  saveLoaded(user: BrazeUserProfile, source: 'braze' | 'random'): SampleUserEntry {
    const [saved] = this.upsert([{ user: brazeUserProfile.parse(user), source }], () => true)
    return entry(saved as StoredUser)
  }

  /** One plausible random user, saved; the same seed gives the same user. */
  random(seed: number = randomInt(1, 2 ** 31 - 1)): SampleUserEntry {
    const [user] = randomUsers(1, seed)
    return this.saveLoaded(user as BrazeUserProfile, 'random')
  }

  /** Random users that are not saved; their ids (`rnd-SEED-N`) still work with get(). */
  randomSet(count: number, seed: number): SampleUserEntry[] {
    return randomUsers(count, seed).map((user, index) => ({
      id: userKey(user) ?? `rnd-${seed}-${index + 1}`,
      label: userLabel(user),
      source: 'random',
      user,
    }))
  }

  /** False when there was nothing to remove; built-ins cannot be removed. */
  remove(id: string): boolean {
    const builtIn = this.builtIns.find((e) => e.id === id)
    if (builtIn) throw new BuiltInUserError(builtIn.label, 'removed')
    if (!this.document.get().users.some((u) => u.id === id)) return false
    this.document.update((draft) => ({ ...draft, users: draft.users.filter((u) => u.id !== id) }))
    return true
  }

  /**
   * Adds users, replacing a saved user of the same source and key when `replaceable` allows
   * it (an import replaces users from earlier imports, never a row of the same file). Linear:
   * users are found by source and key in a map, not by scanning the list per row.
   */
  private upsert(
    incoming: Array<{ user: BrazeUserProfile; source: SavedUserSource }>,
    replaceable: (existing: StoredUser) => boolean,
  ): StoredUser[] {
    if (incoming.length === 0) return []
    const savedAt = this.stamp()
    const result: StoredUser[] = []
    this.document.update((draft) => {
      const users = [...draft.users]
      const ids = new Set(users.map((u) => u.id))
      // The first replaceable user of each source and key, as findIndex would have found it.
      const slots = new Map<string, number>()
      users.forEach((u, index) => {
        const slot = slotOf(u.source, userKey(u.user))
        if (slot !== undefined && !slots.has(slot) && replaceable(u)) slots.set(slot, index)
      })
      for (const { user, source } of incoming) {
        const slot = slotOf(source, userKey(user))
        const index = slot === undefined ? undefined : slots.get(slot)
        const id = index === undefined ? newId(source, ids) : (users[index] as StoredUser).id
        const next: StoredUser = { id, source, user, savedAt }
        if (index === undefined) users.push(next)
        else users[index] = next
        if (slot !== undefined && !slots.has(slot) && replaceable(next)) {
          slots.set(slot, index ?? users.length - 1)
        }
        result.push(next)
      }
      return { ...draft, users }
    })
    return result
  }

  private stamp(): string {
    return this.now().toISOString()
  }
}

function slotOf(source: SavedUserSource, key: string | undefined): string | undefined {
  return key === undefined ? undefined : `${source}\u0000${key}`
}

/** `imported-1a2b3c4d`: short, and never one a saved user already has. */
function newId(source: SavedUserSource, taken: Set<string>): string {
  for (;;) {
    const id = `${source}-${randomUUID().slice(0, 8)}`
    if (!taken.has(id)) {
      taken.add(id)
      return id
    }
  }
}

function entry(stored: StoredUser): SampleUserEntry {
  return {
    id: stored.id,
    label: userLabel(stored.user),
    source: stored.source,
    user: cloneKeepingFloats(stored.user),
  }
}

function randomById(id: string): SampleUserEntry | undefined {
  const match = RANDOM_ID.exec(id)
  if (!match) return undefined
  const seed = Number(match[1])
  const index = Number(match[2])
  if (index < 1 || index > MAX_RANDOM_INDEX) return undefined
  const user = randomUsers(index, seed)[index - 1] as BrazeUserProfile
  return { id, label: userLabel(user), source: 'random', user }
}
