import { eventIterator, oc } from '@orpc/contract'
import { z } from 'zod'
import { presetId, profileId, templateId, userId } from './ids'
import { sendTicketEvent } from './tickets'

/** A named (template × user × profile) to fire in one click: tray, Compose, or CLI. */
export const preset = z.object({
  id: z.string(),
  name: z.string().trim().min(1, 'Give the preset a name.').max(80),
  templateId: z.string().min(1),
  userId: z.string().min(1),
  /** Null fires at whatever profile is active. */
  profileId: z.string().nullable(),
  addTestTag: z.boolean(),
})
export type Preset = z.infer<typeof preset>

/** What a caller may save: the stored shape with every reference checked as an id of its kind. */
export const presetInput = preset.extend({
  id: presetId.optional(),
  templateId,
  userId,
  profileId: profileId.nullable(),
})
export type PresetInput = z.infer<typeof presetInput>

export const presetsContract = {
  list: oc.output(z.array(preset)),
  save: oc.input(presetInput).output(preset),
  remove: oc.input(z.object({ id: presetId })).output(z.object({ removed: z.boolean() })),
  fire: oc.input(z.object({ id: presetId })).output(eventIterator(sendTicketEvent)),
}
