/**
 * A phone number as Braze reads it, in E.164 (`+` and up to 15 digits), or null when Braze
 * cannot use it. Braze drops every character but digits and a leading `+`, and reads ten digits
 * without `+` as a US number
 * (https://www.braze.com/docs/user_guide/message_building_by_channel/sms_mms_rcs/user_phone_numbers/).
 * A phone must be valid to identify a user in `/users/track` (braze.md §5.1).
 */
export function normalizePhone(text: string): string | null {
  const trimmed = text.trim()
  const digits = trimmed.replace(/\D/g, '')
  if (trimmed.startsWith('+')) return /^[1-9]\d{6,14}$/.test(digits) ? `+${digits}` : null
  // A US number: ten digits, the area code and exchange not starting with 0 or 1.
  return /^[2-9]\d{2}[2-9]\d{6}$/.test(digits) ? `+1${digits}` : null
}
