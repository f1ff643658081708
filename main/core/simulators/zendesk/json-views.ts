import type { ZdComment, ZdJobStatus, ZdTicket, ZdTrigger, ZdUser, ZdWebhook } from './model'

/** The REST API's JSON for each record (reference/zendesk.md §4.3, §4.6, §4.7, §5.2, §6.1). */

/** UTC ISO-8601 to the second, e.g. `2012-04-04T09:14:57Z` (§2). */
export function apiTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`
}

const VIA_SOURCE = { from: {}, to: {}, rel: null }

export function userJson(user: ZdUser, origin: string) {
  return {
    id: user.id,
    url: `${origin}/api/v2/users/${user.id}.json`,
    name: user.name,
    email: user.email,
    created_at: apiTime(user.createdAt),
    updated_at: apiTime(user.updatedAt),
    time_zone: user.timeZone,
    iana_time_zone: user.timeZone,
    phone: user.phone,
    shared_phone_number: null,
    photo: null,
    locale_id: 1,
    locale: user.locale,
    organization_id: null,
    role: user.role,
    verified: user.verified,
    external_id: user.externalId,
    tags: user.tags,
    alias: null,
    active: user.active,
    shared: false,
    shared_agent: false,
    last_login_at: null,
    two_factor_auth_enabled: null,
    signature: null,
    details: user.details,
    notes: user.notes,
    role_type: null,
    custom_role_id: null,
    moderator: user.role === 'admin',
    ticket_restriction: user.role === 'end-user' ? 'requested' : null,
    only_private_comments: false,
    restricted_agent: false,
    suspended: user.suspended,
    default_group_id: null,
    report_csv: user.role === 'admin',
    user_fields: user.userFields,
  }
}

/** What `/users/me` says without valid credentials (§1.3; node-zendesk's recorded fixture). */
export function anonymousUserJson() {
  return {
    id: null,
    url: null,
    name: 'Anonymous user',
    email: 'invalid@example.com',
    created_at: null,
    updated_at: null,
    time_zone: 'America/New_York',
    iana_time_zone: 'America/New_York',
    phone: null,
    shared_phone_number: null,
    photo: null,
    locale_id: 1,
    locale: 'en-US',
    organization_id: null,
    role: 'end-user',
    verified: false,
  }
}

export function ticketJson(ticket: ZdTicket, origin: string) {
  return {
    url: `${origin}/api/v2/tickets/${ticket.id}.json`,
    id: ticket.id,
    external_id: ticket.externalId,
    via: { channel: ticket.via, source: VIA_SOURCE },
    created_at: apiTime(ticket.createdAt),
    updated_at: apiTime(ticket.updatedAt),
    generated_timestamp: Math.floor(ticket.updatedAt.getTime() / 1000),
    type: ticket.type,
    subject: ticket.subject,
    raw_subject: ticket.subject,
    description: ticket.description,
    priority: ticket.priority,
    status: ticket.status,
    custom_status_id: null,
    recipient: null,
    requester_id: ticket.requesterId,
    submitter_id: ticket.submitterId,
    assignee_id: ticket.assigneeId,
    organization_id: ticket.organizationId,
    group_id: ticket.groupId,
    collaborator_ids: [],
    follower_ids: [],
    email_cc_ids: [],
    forum_topic_id: null,
    problem_id: null,
    has_incidents: false,
    is_public: ticket.comments.some((comment) => comment.public),
    due_at: null,
    tags: ticket.tags,
    custom_fields: ticket.customFields,
    fields: ticket.customFields,
    satisfaction_rating: null,
    sharing_agreement_ids: [],
    followup_ids: [],
    ticket_form_id: null,
    brand_id: null,
    allow_channelback: false,
    allow_attachments: true,
    from_messaging_channel: false,
  }
}

export function commentJson(comment: ZdComment) {
  return {
    id: comment.id,
    type: 'Comment',
    author_id: comment.authorId,
    body: comment.body,
    html_body: comment.htmlBody,
    plain_body: comment.body,
    public: comment.public,
    attachments: [],
    audit_id: null,
    via: { channel: comment.via, source: VIA_SOURCE },
    created_at: apiTime(comment.createdAt),
  }
}

export interface AuditEvent {
  id: number
  type: string
  [key: string]: unknown
}

export function auditJson(input: {
  id: number
  ticketId: number
  authorId: number
  createdAt: Date
  events: AuditEvent[]
}) {
  return {
    id: input.id,
    ticket_id: input.ticketId,
    created_at: apiTime(input.createdAt),
    author_id: input.authorId,
    metadata: { system: {}, custom: {} },
    via: { channel: 'api', source: VIA_SOURCE },
    events: input.events,
  }
}

export function webhookJson(webhook: ZdWebhook) {
  return {
    id: webhook.id,
    name: webhook.name,
    description: webhook.description,
    status: webhook.status,
    subscriptions: webhook.subscriptions,
    created_at: apiTime(webhook.createdAt),
    created_by: webhook.createdBy,
    endpoint: webhook.endpoint,
    http_method: webhook.httpMethod,
    request_format: webhook.requestFormat,
    updated_at: apiTime(webhook.updatedAt),
    updated_by: webhook.updatedBy,
    // Secrets are write-only (§5.2, §5.3): only the type and position come back.
    ...(webhook.authentication
      ? {
          authentication: {
            type: webhook.authentication.type,
            add_position: webhook.authentication.add_position,
          },
        }
      : {}),
    ...(Object.keys(webhook.customHeaders).length > 0
      ? { custom_headers: webhook.customHeaders }
      : {}),
  }
}

export function triggerJson(trigger: ZdTrigger, origin: string) {
  return {
    url: `${origin}/api/v2/triggers/${trigger.id}.json`,
    id: trigger.id,
    title: trigger.title,
    raw_title: trigger.title,
    description: trigger.description,
    active: trigger.active,
    position: trigger.position,
    conditions: trigger.conditions,
    actions: trigger.actions,
    category_id: trigger.categoryId,
    default: false,
    created_at: apiTime(trigger.createdAt),
    updated_at: apiTime(trigger.updatedAt),
  }
}

export function jobStatusJson(job: ZdJobStatus, origin: string) {
  return {
    id: job.id,
    job_type: job.jobType,
    url: `${origin}/api/v2/job_statuses/${job.id}.json`,
    total: job.total,
    progress: job.progress,
    status: job.status,
    message: job.message,
    results: job.results,
  }
}
