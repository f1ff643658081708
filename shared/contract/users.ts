import { oc } from '@orpc/contract'
import { z } from 'zod'
import { RubyFloat } from '../numbers/ruby-float'
import { problem } from './problems'

/** Sample users: the Braze profiles a template is rendered for. */

const attributes = z.record(z.string(), z.unknown())

/**
 * A user as `/users/export/ids` returns it (braze.md §6). Every field may be missing; unknown
 * export fields are kept. A whole Float in the user's JSON (`2.0`) is a RubyFloat wherever a
 * number may be, so Liquid prints it as Ruby does; see shared/numbers/json-keeping-floats.ts.
 */
export const brazeUserProfile = z.looseObject({
  external_id: z.string().nullish(),
  braze_id: z.string().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
  home_city: z.string().nullish(),
  country: z.string().nullish(),
  language: z.string().nullish(),
  time_zone: z.string().nullish(),
  gender: z.string().nullish(),
  dob: z.string().nullish(),
  random_bucket: z.union([z.number(), z.instanceof(RubyFloat)]).nullish(),
  email_subscribe: z.string().nullish(),
  push_subscribe: z.string().nullish(),
  custom_attributes: attributes.nullish(),
  devices: z.array(attributes).nullish(),
})
export type BrazeUserProfile = z.infer<typeof brazeUserProfile>

export const userSource = z.enum(['built-in', 'imported', 'custom', 'braze', 'random'])
export type UserSource = z.infer<typeof userSource>

/** A sample user as the picker lists it; `id` picks it in every operation. */
export const sampleUserEntry = z.object({
  id: z.string(),
  /** "Ada Lovelace (u-1001)". */
  label: z.string(),
  source: userSource,
  user: brazeUserProfile,
})
export type SampleUserEntry = z.infer<typeof sampleUserEntry>

export const userImportFormat = z.enum(['json', 'csv'])
export type UserImportFormat = z.infer<typeof userImportFormat>

export const userImportResult = z.object({
  imported: z.array(sampleUserEntry),
  /** Positions are in the imported file; rows with errors are left out, the rest kept. */
  problems: z.array(problem),
})
export type UserImportResult = z.infer<typeof userImportResult>

const byId = z.object({ id: z.string().min(1) })
const removed = z.object({ removed: z.boolean() })

/** Sample users: built-in, imported, edited by hand, random, or loaded from Braze. */
export const usersContract = {
  list: oc.output(z.array(sampleUserEntry)),
  import: oc
    .input(z.object({ format: userImportFormat, text: z.string().max(5_000_000) }))
    .output(userImportResult),
  /** Saves a hand-edited user; with the id of a saved user, replaces it. */
  saveCustom: oc
    .input(z.object({ id: z.string().optional(), user: brazeUserProfile }))
    .output(sampleUserEntry),
  remove: oc.input(byId).output(removed),
  /** Makes one plausible random user and saves it, so it can be picked again. */
  random: oc.input(z.object({ seed: z.number().int().min(0).optional() })).output(sampleUserEntry),
  /** POST /users/export/ids with the active profile's Braze key; saves the user it returns. */
  loadFromBraze: oc
    .input(z.object({ externalId: z.string().trim().min(1, 'Enter an external id.').max(512) }))
    .output(sampleUserEntry),
}
