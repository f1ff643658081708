import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { TemplateView } from '../../../shared/contract/templates'
import { findResourcesDir } from '../simulators/sandbox-seed'

export const SEED_TEMPLATE_ID = 'seed-zendesk-ticket'
export const SEED_TEMPLATE_NAME = 'Zendesk: create ticket (Braze docs)'
const SEED_FILE = path.join('templates', 'seed-zendesk-ticket.liquid')

/**
 * The templates every install starts with. The seed is Braze's "Zendesk: Create Ticket" exactly
 * as published, traps included (braze.md §7.1): it is what people paste first, so the preview
 * and lint must show what is wrong with it. Its headers are the partner page's.
 */
export function builtInTemplates(resourcesDir: string = findResourcesDir()): TemplateView[] {
  return [
    {
      id: SEED_TEMPLATE_ID,
      name: SEED_TEMPLATE_NAME,
      builtIn: true,
      body: readFileSync(path.join(resourcesDir, SEED_FILE), 'utf8'),
      headers: {
        Authorization: "Basic {{ '<email_address>/token:<api_token>' | base64_encode }}",
        'Content-Type': 'application/json',
      },
      target: 'zendesk-ticket',
      createdAt: null,
      updatedAt: null,
    },
  ]
}
