import type { SendTicketEvent } from '../../../shared/contract/tickets'
import type { TemplateLibrary } from '../templates/template-library'
import type { TicketsService } from '../zendesk/tickets-service'
import type { PresetStore } from './preset-store'

/** Fires a saved (template × user × profile): the same send as the Compose screen's button. */
export async function* firePreset(
  deps: { presets: PresetStore; templates: TemplateLibrary; tickets: TicketsService },
  ref: string,
  signal?: AbortSignal,
): AsyncGenerator<SendTicketEvent> {
  const preset = deps.presets.find(ref)
  const template = deps.templates.get(preset.templateId)
  yield* deps.tickets.send(
    {
      profileId: preset.profileId ?? undefined,
      template: template.body,
      headers: template.headers,
      userId: preset.userId,
      addTestTag: preset.addTestTag,
      templateName: template.name,
    },
    signal,
  )
}
