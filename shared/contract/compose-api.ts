import { oc } from '@orpc/contract'
import { z } from 'zod'
import {
  composeBatchInput,
  composeBatchOutput,
  composeRenderInput,
  composeRenderOutput,
  sampleUserEntry,
  templateInput,
  templateView,
  userImportFormat,
  userImportResult,
} from './compose'
import { brazeUserProfile, lintTarget, problem } from './problems'

const byId = z.object({ id: z.string().min(1) })
const removed = z.object({ removed: z.boolean() })

/** Compose: render a Braze Liquid template for sample users and lint it for a target. */
export const composeContract = {
  render: oc.input(composeRenderInput).output(composeRenderOutput),
  /** One template against a set of users: who fails and why. */
  renderBatch: oc.input(composeBatchInput).output(composeBatchOutput),
  /** Template problems without rendering (syntax, unknown filters and tags, placeholders). */
  check: oc.input(z.object({ template: z.string().max(200_000) })).output(z.array(problem)),
  targets: oc.output(z.array(lintTarget)),
}

/** Named templates (body + headers + target); the seed from Braze's docs comes first. */
export const templatesContract = {
  list: oc.output(z.array(templateView)),
  get: oc.input(byId).output(templateView),
  save: oc.input(templateInput).output(templateView),
  remove: oc.input(byId).output(removed),
}

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
