import { describe, expect, it } from 'vitest'
import {
  brazeFieldNames,
  brazeFieldsFor,
  FIELD_OF_LIQUID_NAME,
  LIQUID_STANDARD_ATTRIBUTES,
} from '../../../../shared/braze/user-fields'
import { brazeUserProfile } from '../../../../shared/contract/users'

const sorted = (names: Iterable<string>) => [...names].sort()

describe('the one list of Braze user fields', () => {
  it('gives /users/track its standard attributes; identifiers and computed fields are not among them', () => {
    expect(sorted(brazeFieldNames('track'))).toEqual(
      sorted([
        'first_name',
        'last_name',
        'email',
        'phone',
        'home_city',
        'country',
        'language',
        'time_zone',
        'dob',
        'gender',
        'email_subscribe',
        'push_subscribe',
        'email_open_tracking_disabled',
        'email_click_tracking_disabled',
        'current_location',
        'date_of_first_session',
        'date_of_last_session',
        'marked_email_as_spam_at',
        'push_tokens',
        'subscription_groups',
        'facebook',
        'twitter',
        'alias_name',
        'alias_label',
      ]),
    )
  })

  it('gives /users/export/ids every field it can return', () => {
    const names = brazeFieldNames('export')
    expect(names.size).toBe(33)
    for (const name of ['external_id', 'random_bucket', 'custom_events', 'cards_clicked'])
      expect(names.has(name)).toBe(true)
    expect(names.has('email_open_tracking_disabled')).toBe(false)
  })

  it('lists the Liquid standard attributes in Braze’s documented order', () => {
    expect(LIQUID_STANDARD_ATTRIBUTES.slice(0, 7)).toEqual([
      'first_name',
      'last_name',
      'email_address',
      'phone_number',
      'user_id',
      'braze_id',
      'city',
    ])
    expect(LIQUID_STANDARD_ATTRIBUTES).toHaveLength(21)
  })

  it('maps each Liquid name to the field it reads', () => {
    expect(FIELD_OF_LIQUID_NAME.get('email_address')).toBe('email')
    expect(FIELD_OF_LIQUID_NAME.get('random_bucket_number')).toBe('random_bucket')
    expect(FIELD_OF_LIQUID_NAME.get('first_name')).toBe('first_name')
  })

  it('only fetches fields the export can return for a preview', () => {
    const exported = brazeFieldNames('export')
    expect(brazeFieldsFor('preview').every((field) => exported.has(field.name))).toBe(true)
  })

  it('types every profile field in the sample-user contract, and nothing else', () => {
    expect(sorted(Object.keys(brazeUserProfile.shape))).toEqual(
      sorted(brazeFieldsFor('profile').map((field) => field.name)),
    )
  })
})
