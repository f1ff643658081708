import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { brazeFieldsFor } from '../../../shared/braze/user-fields'
import type { ExportUserSeed } from './braze/profile-store'
import type { ZendeskSeedUser } from './zendesk/zendesk-simulator'

/** What the sandbox starts with: the sample users and the trigger body (both under resources/). */
export interface SandboxSeed {
  users: ExportUserSeed[]
  triggerBody: string
}

export const SAMPLE_USERS_FILE = 'sample-users.json'
export const TRIGGER_TEMPLATE_FILE = path.join('templates', 'zendesk-trigger-to-braze.liquid')

/** Braze export-shaped users (braze.md §6); unknown fields are kept as standard attributes. */
const sampleUsers = z.array(
  z.looseObject({
    ...Object.fromEntries(
      brazeFieldsFor('profile')
        .filter((field) => field.type === 'string')
        .map((field) => [field.name, z.string().optional()]),
    ),
    custom_attributes: z.record(z.string(), z.unknown()).optional(),
  }),
)
/**
 * The folder holding `sample-users.json` and `templates/`: the repository's resources/ from a
 * source checkout (main/core/simulators) or a build (out/main). A packaged app passes its own.
 */
export function findResourcesDir(from: string = import.meta.dirname): string {
  let dir = from
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'resources')
    if (existsSync(path.join(candidate, SAMPLE_USERS_FILE))) return candidate
    dir = path.dirname(dir)
  }
  throw new Error(
    `Could not find the resources folder (with ${SAMPLE_USERS_FILE}) above ${from}: pass resourcesDir.`,
  )
}

export async function loadSandboxSeed(
  resourcesDir: string = findResourcesDir(),
): Promise<SandboxSeed> {
  const usersPath = path.join(resourcesDir, SAMPLE_USERS_FILE)
  const parsed = sampleUsers.safeParse(JSON.parse(await readFile(usersPath, 'utf8')))
  if (!parsed.success) {
    throw new Error(
      `${usersPath} is not a list of Braze export users: ${z.prettifyError(parsed.error)}`,
    )
  }
  const triggerBody = await readFile(path.join(resourcesDir, TRIGGER_TEMPLATE_FILE), 'utf8')
  return { users: parsed.data, triggerBody }
}

/**
 * The sample users as Zendesk end users: their Braze external_id becomes the Zendesk
 * external_id (and the `braze_external_id` user field Braze's docs use, braze.md §7.3), so a
 * trigger's `{{ticket.requester.external_id}}` names the Braze profile.
 */
export function zendeskUsersFromSample(users: readonly ExportUserSeed[]): ZendeskSeedUser[] {
  return users.map((user) => {
    const text = (key: string) => {
      const value = user[key]
      return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
    }
    const name = [text('first_name'), text('last_name')].filter(Boolean).join(' ')
    const zendeskId = user.custom_attributes?.zendesk_user_id
    const language = text('language')
    return {
      ...(typeof zendeskId === 'number' ? { id: zendeskId } : {}),
      name: name || text('email') || user.external_id || 'Unnamed user',
      email: text('email'),
      phone: text('phone'),
      externalId: user.external_id ?? null,
      locale: language === null || language === 'en' ? 'en-US' : language,
      ...(text('time_zone') ? { timeZone: text('time_zone')! } : {}),
      userFields: user.external_id ? { braze_external_id: user.external_id } : {},
    }
  })
}
