import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { BrazeUserProfile } from '../../shared/contract/users'

const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures')

export interface BrazeTemplateFixture {
  source_path: string
  template: string
  notes: string
}

/** The published Braze templates (copied from the shared fixtures into the repo). */
export function brazeTemplates(): BrazeTemplateFixture[] {
  return JSON.parse(
    readFileSync(path.join(FIXTURES, 'braze-templates.json'), 'utf8'),
  ) as BrazeTemplateFixture[]
}

/** The published Zendesk "create ticket" body, unedited. */
export function seedTemplate(): string {
  return readFileSync(path.join(FIXTURES, 'seed-zendesk-ticket.liquid'), 'utf8')
}

export function fixtureUsers(): BrazeUserProfile[] {
  return JSON.parse(
    readFileSync(path.join(FIXTURES, 'sample-users.json'), 'utf8'),
  ) as BrazeUserProfile[]
}

export function fixtureUser(id: string): BrazeUserProfile {
  const user = fixtureUsers().find((u) => u.external_id === id || u.braze_id === id)
  if (!user) throw new Error(`No fixture user ${id}`)
  return user
}

/** A fixed clock for templates that use 'now'. */
export const FIXED_NOW = new Date('2026-11-20T15:04:05Z')
