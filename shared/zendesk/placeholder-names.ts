/**
 * The placeholders a Zendesk trigger body can use, for completion in an editor
 * (https://support.zendesk.com/hc/en-us/articles/4408886858138). Person fields apply to
 * `ticket.requester`, `ticket.assignee`, `ticket.submitter` and `current_user`.
 */
export const TICKET_PLACEHOLDERS = [
  'id',
  'title',
  'description',
  'external_id',
  'status',
  'priority',
  'ticket_type',
  'via',
  'url',
  'link',
  'account',
  'tags',
  'created_at',
  'created_at_with_timestamp',
  'updated_at',
  'updated_at_with_timestamp',
  'due_date',
  'latest_comment',
  'latest_public_comment',
  'requester',
  'assignee',
  'submitter',
  'organization',
  'group',
  'brand',
  'ticket_field_ID',
  'ticket_field_option_title_ID',
] as const

export const PERSON_PLACEHOLDERS = [
  'id',
  'name',
  'first_name',
  'last_name',
  'email',
  'phone',
  'external_id',
  'language',
  'locale',
  'time_zone',
  'role',
  'tags',
  'details',
  'notes',
  'organization',
  'custom_fields',
] as const

export const PERSON_ROOTS = ['requester', 'assignee', 'submitter'] as const
