import { describe, expect, it } from 'vitest'
import { checkTrackBody } from '../../../../../../main/core/braze/users-track/track-validation'
import {
  trackErrors,
  trackRefusal,
} from '../../../../../../main/core/simulators/braze/track-answer'

const NO_VALID_DATA =
  "Valid data must be provided in the 'attributes', 'events', or 'purchases' fields."
const problems = (body: unknown) =>
  checkTrackBody(body, { maxObjects: 75, scope: 'combined' }).problems

describe("simulated Braze's /users/track answers (reference/braze.md §5.4)", () => {
  it('lists a skipped object as {type, input_array, index}', () => {
    expect(trackErrors(problems({ attributes: [{ external_id: 'u-1' }, { plan: 'x' }] }))).toEqual([
      {
        type: "'external_id', 'braze_id', 'user_alias', 'email' or 'phone' is required",
        input_array: 'attributes',
        index: 1,
      },
    ])
  })

  it('leaves warnings out of the errors list', () => {
    expect(trackErrors(problems({ attributes: [{ external_id: 'u-1', gender: 'X' }] }))).toEqual([])
  })

  it('answers "no valid data" with the skipped objects when nothing is valid', () => {
    expect(trackRefusal(problems({ attributes: [{ external_id: 'u-1', email: 'nope' }] }))).toEqual(
      {
        message: NO_VALID_DATA,
        errors: [
          {
            type: "The value provided for the 'email' field is not a valid email.",
            input_array: 'attributes',
            index: 0,
          },
        ],
      },
    )
  })

  it('answers an empty request with the same message and no errors list', () => {
    expect(trackRefusal(problems({}))).toEqual({ message: NO_VALID_DATA })
  })

  it('answers an array that is not a list with "no valid data" alone', () => {
    expect(trackRefusal(problems({ attributes: [{ plan: 'x' }], events: 'x' }))).toEqual({
      message: NO_VALID_DATA,
    })
  })

  it('answers Max Input Length Exceeded past 75 objects', () => {
    const attributes = Array.from({ length: 76 }, (_, i) => ({ external_id: `u-${i}` }))
    expect(trackRefusal(problems({ attributes }))).toEqual({
      message: 'Max Input Length Exceeded',
    })
  })

  it('does not refuse a request with something valid in it', () => {
    expect(trackRefusal(problems({ attributes: [{ external_id: 'u-1' }, { plan: 'x' }] }))).toBe(
      null,
    )
  })
})
