import type { SampleTicket } from '../../../shared/contract/triggers'

/**
 * Sample tickets that exercise what breaks trigger bodies in production: a quote in the subject,
 * line breaks and a backslash in the description, a requester with no external_id. In the REST
 * API's shape, so they render exactly like a ticket read from an account.
 */

const ORIGIN = 'https://example.zendesk.com'

interface Spec {
  name: string
  label: string
  id: number
  subject: string
  description: string
  status?: string
  requester: { id: number; name: string; email: string; external_id: string | null }
  tags?: string[]
}

const SPECS: Spec[] = [
  {
    name: 'plain',
    label: 'Plain: solved question',
    id: 9001,
    subject: 'Cannot log in',
    description: 'Hello, I cannot log in since this morning.',
    requester: { id: 501, name: 'Ada Lovelace', email: 'ada@example.com', external_id: 'u-1001' },
    tags: ['login', 'vip'],
  },
  {
    name: 'quote-title',
    label: 'A quote in the subject',
    id: 9002,
    subject: 'Refund for "Premium" plan',
    description: 'Please refund my "Premium" upgrade.',
    requester: {
      id: 502,
      name: 'José "Pepe" Núñez',
      email: 'pepe@example.es',
      external_id: 'u-1002',
    },
  },
  {
    name: 'multiline',
    label: 'Line breaks, a tab and a backslash in the description',
    id: 9003,
    subject: 'Export fails on C:\\exports',
    description: 'Steps:\n1.\tOpen the export\n2. Save to C:\\exports\n\nThanks',
    requester: { id: 503, name: 'Mei', email: 'mei@example.jp', external_id: 'u-1003' },
  },
  {
    name: 'no-external-id',
    label: 'Requester without an external_id',
    id: 9004,
    subject: 'Question about invoices',
    description: 'Where do I find my invoices?',
    requester: { id: 504, name: 'Anonymous', email: 'anon@example.com', external_id: null },
  },
  {
    name: 'closed-emoji',
    label: 'Closed, emoji and accents',
    id: 9005,
    subject: 'Merci beaucoup 🎉 — résolu',
    description: 'Tout fonctionne maintenant 👍',
    status: 'closed',
    requester: { id: 505, name: 'Zoë Brontë', email: 'zoe@example.fr', external_id: 'u-1005' },
  },
]

function sample(spec: Spec): SampleTicket {
  return {
    key: `builtin:${spec.name}`,
    label: spec.label,
    source: 'built-in',
    ticket: {
      url: `${ORIGIN}/api/v2/tickets/${spec.id}.json`,
      id: spec.id,
      external_id: null,
      via: { channel: 'web' },
      created_at: '2026-11-02T09:15:00Z',
      updated_at: '2026-11-03T16:40:00Z',
      type: 'question',
      subject: spec.subject,
      description: spec.description,
      priority: 'normal',
      status: spec.status ?? 'solved',
      requester_id: spec.requester.id,
      submitter_id: spec.requester.id,
      assignee_id: null,
      tags: spec.tags ?? [],
      custom_fields: [],
    },
    users: [
      {
        ...spec.requester,
        role: 'end-user',
        locale: 'en-US',
        time_zone: 'UTC',
        phone: null,
        tags: [],
        user_fields: spec.requester.external_id
          ? { braze_external_id: spec.requester.external_id }
          : {},
      },
    ],
  }
}

export const BUILT_IN_TICKETS: readonly SampleTicket[] = SPECS.map(sample)

/** A built-in sample by `builtin:NAME` or `NAME`. */
export function builtInTicket(ref: string): SampleTicket | undefined {
  const key = ref.startsWith('builtin:') ? ref : `builtin:${ref}`
  return BUILT_IN_TICKETS.find((ticket) => ticket.key === key)
}
