import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  SEED_TEMPLATE_ID,
  SEED_TEMPLATE_NAME,
} from '../../../../../main/core/templates/built-in-templates'
import { TemplateLibrary } from '../../../../../main/core/templates/template-library'
import { confStoreFactory } from '../../../../../main/core/storage/json-store'
import { SettingsTooNewError } from '../../../../../main/core/storage/settings-migrations'
import { seedTemplate } from '../../../../helpers/liquid-fixtures'
import { useTempDir } from '../../../../helpers/temp-dir'

const tempDir = useTempDir('bridgebench-templates-')
const NOW = new Date('2026-11-20T15:04:05Z')

function library(dir: string) {
  return new TemplateLibrary({ store: confStoreFactory(dir)('templates'), now: () => NOW })
}

const ticket = {
  name: 'Ticket for VIPs',
  body: '{"ticket": {"comment": {"body": "Hi {{${first_name}}}"}}}',
  headers: { 'Content-Type': 'application/json' },
  target: 'zendesk-ticket' as const,
}

describe('TemplateLibrary', () => {
  it('lists the seed from Braze’s docs first, built in, with the partner page’s headers', () => {
    const [seed, ...rest] = library(tempDir()).list()
    expect(rest).toEqual([])
    expect(seed).toMatchObject({
      id: SEED_TEMPLATE_ID,
      name: SEED_TEMPLATE_NAME,
      builtIn: true,
      target: 'zendesk-ticket',
      headers: {
        Authorization: "Basic {{ '<email_address>/token:<api_token>' | base64_encode }}",
        'Content-Type': 'application/json',
      },
    })
    expect(seed?.body).toBe(seedTemplate())
  })

  it('saves a template and reads it back from templates.json in a new library', () => {
    const dir = tempDir()
    const saved = library(dir).save(ticket)
    expect(saved).toEqual({
      ...ticket,
      id: expect.stringMatching(/^tpl-[0-9a-f]{8}$/) as string,
      builtIn: false,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    })
    const reopened = library(dir)
    expect(reopened.get(saved.id)).toEqual(saved)
    expect(reopened.list().map((t) => t.name)).toEqual([SEED_TEMPLATE_NAME, 'Ticket for VIPs'])
    const file = JSON.parse(readFileSync(path.join(dir, 'templates.json'), 'utf8')) as {
      schemaVersion: number
    }
    expect(file.schemaVersion).toBe(2)
  })

  it('overwrites a saved template by id and keeps when it was created', () => {
    const dir = tempDir()
    const lib = library(dir)
    const saved = lib.save(ticket)
    const later = new TemplateLibrary({
      store: confStoreFactory(dir)('templates'),
      now: () => new Date('2026-12-01T00:00:00Z'),
    })
    const updated = later.save({ ...ticket, id: saved.id, body: 'changed' })
    expect(updated).toMatchObject({
      id: saved.id,
      body: 'changed',
      createdAt: saved.createdAt,
      updatedAt: '2026-12-01T00:00:00.000Z',
    })
    expect(later.list()).toHaveLength(2)
  })

  it('keeps the seed read-only: saving or deleting it says to use "Save as"', () => {
    const lib = library(tempDir())
    const seed = lib.get(SEED_TEMPLATE_ID)
    expect(() => lib.save({ ...seed, id: SEED_TEMPLATE_ID })).toThrow(/built in.*Save as/)
    expect(() => lib.remove(SEED_TEMPLATE_ID)).toThrow(/cannot be deleted/)
    const copy = lib.save({ ...seed, id: undefined, name: 'My ticket' })
    expect(copy).toMatchObject({ builtIn: false, body: seed.body, headers: seed.headers })
    expect(lib.get(SEED_TEMPLATE_ID).body).toBe(seedTemplate())
  })

  it('refuses a second template with the same name, whatever its case', () => {
    const lib = library(tempDir())
    lib.save(ticket)
    expect(() => lib.save({ ...ticket, name: 'ticket FOR vips' })).toThrow(
      /A template named "Ticket for VIPs" already exists/,
    )
    expect(() => lib.save({ ...ticket, name: SEED_TEMPLATE_NAME })).toThrow(/already exists/)
  })

  it('drops header rows without a name and refuses a malformed header name', () => {
    const lib = library(tempDir())
    expect(lib.save({ ...ticket, headers: { ' X-Trace ': '1', '': 'orphan' } }).headers).toEqual({
      'X-Trace': '1',
    })
    expect(() => lib.save({ ...ticket, name: 'Other', headers: { 'Bad Name': 'x' } })).toThrow(
      /"Bad Name" is not a valid header name/,
    )
  })

  it('removes a saved template once, and says which id it cannot find', () => {
    const lib = library(tempDir())
    const saved = lib.save(ticket)
    expect(lib.remove(saved.id)).toBe(true)
    expect(lib.remove(saved.id)).toBe(false)
    expect(() => lib.get(saved.id)).toThrow(`No template with id "${saved.id}"`)
    expect(() => lib.save({ ...ticket, id: saved.id })).toThrow(/No template with id/)
  })

  it('migrates an unversioned file and refuses one from a newer release', () => {
    const dir = tempDir()
    writeFileSync(path.join(dir, 'templates.json'), '{}')
    expect(library(dir).list()).toHaveLength(1)
    expect(JSON.parse(readFileSync(path.join(dir, 'templates.json'), 'utf8'))).toEqual({
      schemaVersion: 2,
      templates: [],
      drafts: [],
    })
    const newer = tempDir()
    writeFileSync(path.join(newer, 'templates.json'), '{"schemaVersion": 3, "templates": []}')
    expect(() => library(newer)).toThrow(SettingsTooNewError)
  })

  it('keeps one unsaved draft per template until it is saved or discarded', () => {
    const dir = tempDir()
    const lib = library(dir)
    const saved = lib.save(ticket)
    lib.drafts.save({ ...ticket, templateId: saved.id, body: 'edited once' })
    lib.drafts.save({ ...ticket, templateId: saved.id, body: 'edited twice' })
    lib.drafts.save({ ...ticket, templateId: SEED_TEMPLATE_ID, body: 'seed edit' })
    const reopened = library(dir)
    expect(reopened.drafts.list().map((d) => [d.templateId, d.body])).toEqual(
      expect.arrayContaining([
        [saved.id, 'edited twice'],
        [SEED_TEMPLATE_ID, 'seed edit'],
      ]),
    )
    expect(reopened.drafts.list()).toHaveLength(2)
    reopened.save({ ...ticket, id: saved.id, body: 'saved' })
    expect(reopened.drafts.discard(SEED_TEMPLATE_ID)).toBe(true)
    expect(library(dir).drafts.list()).toEqual([])
  })

  it('refuses a file it cannot read rather than overwrite it', () => {
    const dir = tempDir()
    writeFileSync(path.join(dir, 'templates.json'), '{"schemaVersion": 1, "templates": [{}]}')
    expect(() => library(dir)).toThrow(/templates\.json is not valid Bridgebench data/)
  })
})
