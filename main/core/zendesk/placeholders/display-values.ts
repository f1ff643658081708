import type { TicketPriority, TicketStatus, TicketType, ViaChannel } from '../field-values'

/**
 * The *display* strings a trigger renders, not the API's values: `Solved`, not `solved`
 * (reference/zendesk.md §6.2).
 */

export const STATUS_DISPLAY: Record<TicketStatus, string> = {
  new: 'New',
  open: 'Open',
  pending: 'Pending',
  hold: 'On-hold',
  solved: 'Solved',
  closed: 'Closed',
}
export const PRIORITY_DISPLAY: Record<TicketPriority, string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  urgent: 'Urgent',
}
export const TYPE_DISPLAY: Record<TicketType, string> = {
  question: 'Question',
  incident: 'Incident',
  problem: 'Problem',
  task: 'Task',
}
/** §6.2: the source type's name; a REST create shows as "Web service" (§4.3). */
export const VIA_DISPLAY: Record<ViaChannel, string> = {
  api: 'Web service',
  web: 'Web form',
  email: 'Email',
  rule: 'Trigger',
}
/** Zendesk's internal via ids, as they appear in the Ruby inspect of a comment (§6.3). */
export const VIA_IDS: Record<ViaChannel, number> = { web: 0, email: 4, api: 5, rule: 8 }

const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  es: 'Spanish',
  fr: 'French',
  de: 'German',
  ja: 'Japanese',
  pt: 'Portuguese',
}
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** `{{ticket.requester.language}}`: the language's name for a locale such as `es-ES`. */
export function languageName(locale: string): string {
  const language = locale.split('-')[0] ?? locale
  return LANGUAGE_NAMES[language] ?? locale
}

/** `ticket.created_at`: a date such as `May 18, 2014` (placeholders reference). */
export function displayDate(date: Date): string {
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`
}

/** `*_with_timestamp`: ISO-8601 to the minute, e.g. `2013-12-12T05:35Z` (§6.2). */
export function minuteTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 16)}Z`
}

/** The field and API value a trigger's display string stands for (`Solved` → status `solved`). */
export interface DisplayValue {
  field: 'status' | 'priority' | 'type'
  apiValue: string
}

const DISPLAY_TO_API = new Map<string, DisplayValue>([
  ...Object.entries(STATUS_DISPLAY).map(
    ([apiValue, shown]) => [shown, { field: 'status', apiValue }] as const,
  ),
  ...Object.entries(PRIORITY_DISPLAY).map(
    ([apiValue, shown]) => [shown, { field: 'priority', apiValue }] as const,
  ),
  ...Object.entries(TYPE_DISPLAY).map(
    ([apiValue, shown]) => [shown, { field: 'type', apiValue }] as const,
  ),
])

/** What a text is when it is exactly one of Zendesk's display strings for a ticket enum. */
export function displayValueOf(text: string): DisplayValue | undefined {
  return DISPLAY_TO_API.get(text)
}
