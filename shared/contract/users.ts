import { eventIterator, oc } from '@orpc/contract'
import { z } from 'zod'
import { RubyFloat } from '../numbers/ruby-float'
import { userId } from './ids'
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

/**
 * How an import ended: how many users were saved, the first of them (to pick it), and what was
 * wrong with the file (positions are in it; rows with errors are left out, the rest kept).
 * Not every saved user: a file of thousands would be megabytes no screen shows.
 */
export const userImportSummary = z.object({
  count: z.number().int(),
  first: sampleUserEntry.nullable(),
  problems: z.array(problem),
})
export type UserImportSummary = z.infer<typeof userImportSummary>

/**
 * A streamed import: progress while a worker reads the file (`reading`, rows of a CSV) and while
 * the library saves the users (`saving`), then the result.
 */
export const userImportEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('progress'),
    stage: z.enum(['reading', 'saving']),
    done: z.number().int(),
    total: z.number().int(),
  }),
  userImportSummary.extend({ type: z.literal('result') }),
])
export type UserImportEvent = z.infer<typeof userImportEvent>

const byId = z.object({ id: userId })
const removed = z.object({ removed: z.boolean() })

/** Sample users: built-in, imported, edited by hand, random, or loaded from Braze. */
export const usersContract = {
  list: oc.output(z.array(sampleUserEntry)),
  /** At most 10,000 users per file (a bigger file is refused with a problem saying so). */
  import: oc
    .input(z.object({ format: userImportFormat, text: z.string().max(5_000_000) }))
    .output(eventIterator(userImportEvent)),
  /** Saves a hand-edited user; with the id of a saved user, replaces it. */
  saveCustom: oc
    .input(z.object({ id: userId.optional(), user: brazeUserProfile }))
    .output(sampleUserEntry),
  remove: oc.input(byId).output(removed),
  /** Makes one plausible random user and saves it, so it can be picked again. */
  random: oc.input(z.object({ seed: z.number().int().min(0).optional() })).output(sampleUserEntry),
  /** POST /users/export/ids with the active profile's Braze key; saves the user it returns. */
  loadFromBraze: oc
    .input(z.object({ externalId: z.string().trim().min(1, 'Enter an external id.').max(512) }))
    .output(sampleUserEntry),
}
