import { ULID_PATTERN } from '../../../shared/contract/ids'

export class InvalidRecordIdError extends Error {
  constructor(noun: string, id: unknown) {
    const shown = typeof id === 'string' ? JSON.stringify(id.slice(0, 40)) : typeof id
    const article = /^[aeiou]/i.test(noun) ? 'an' : 'a'
    super(
      `${shown} is not ${article} ${noun} id: ids are 26-character ULIDs (such as 01JDQ8W9T6V3N2M1K0H9G8F7E6).`,
    )
    this.name = 'InvalidRecordIdError'
  }
}

/** The id, checked against the ULID pattern before any path is built from it. */
export function checkedRecordId(id: unknown, noun: string): string {
  if (typeof id !== 'string' || !ULID_PATTERN.test(id)) throw new InvalidRecordIdError(noun, id)
  return id
}
