import { describe, expect, it } from 'vitest'
import { jsonPath, jsonPointer } from '../../../shared/json-path'

describe('jsonPath', () => {
  it('writes keys with dots and indexes in brackets', () => {
    expect(jsonPath(['attributes', 0, 'external_id'])).toBe('attributes[0].external_id')
  })

  it('quotes keys that are not plain names', () => {
    expect(jsonPath(['properties', 'my key', '$x'])).toBe('properties["my key"]["$x"]')
  })

  it('names the document itself with the empty path', () => {
    expect(jsonPath([])).toBe('')
  })
})

describe('jsonPointer', () => {
  it('writes an RFC 6901 pointer', () => {
    expect(jsonPointer(['attributes', 0, 'external_id'])).toBe('/attributes/0/external_id')
  })

  it('escapes ~ and / in keys', () => {
    expect(jsonPointer(['a/b', 'c~d'])).toBe('/a~1b/c~0d')
  })

  it('points at the document itself with the empty string', () => {
    expect(jsonPointer([])).toBe('')
  })
})
