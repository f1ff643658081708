import { describe, expect, it } from 'vitest'
import type { Capture } from '../../../../../shared/contract'
import { replayContract } from '../../../../../shared/contract/replay'
import {
  editableBody,
  replayOneForm,
  replayOneRequestOf,
} from '../../../../../renderer/src/features/replay/replay-one-form'
import { testCapture } from '../../../../helpers/captures'

const withBody = (capture: Capture, body: Partial<Capture['request']['body']>): Capture => ({
  ...capture,
  request: { ...capture.request, body: { ...capture.request.body, ...body } },
})

describe('the Replay form of one capture', () => {
  it('starts on the Sandbox with the target’s key, unsigned, and the captured body', () => {
    const capture = testCapture()
    const form = replayOneForm(capture)
    expect(form).toMatchObject({ target: 'sandbox', auth: 'profile', resign: 'none' })
    expect(form.body).toBe(capture.request.body.data)
  })

  it('sends a body left as captured with no edit, so it goes byte for byte', () => {
    const capture = testCapture()
    const checked = replayOneRequestOf(capture, replayOneForm(capture))
    expect(checked).toEqual({
      request: {
        target: { kind: 'sandbox' },
        auth: 'profile',
        resign: null,
        captureId: capture.id,
      },
    })
  })

  it('sends an edited body as the new text, in a request the contract accepts', () => {
    const capture = testCapture()
    const checked = replayOneRequestOf(capture, {
      ...replayOneForm(capture),
      resign: 'test',
      body: '{}',
    })
    if (!('request' in checked)) throw new Error(checked.problem)
    expect(checked.request.edit).toEqual({ body: { text: '{}' } })
    expect(checked.request.resign).toBe('test')
    expect(replayContract.one['~orpc'].inputSchema?.safeParse(checked.request).success).toBe(true)
  })

  it('asks for a URL before replaying to another URL', () => {
    const capture = testCapture()
    expect(replayOneRequestOf(capture, { ...replayOneForm(capture), target: 'url' })).toEqual({
      problem: 'Enter the URL to replay to, starting with http:// or https://.',
    })
  })

  it('does not offer to edit a body that is not text, or was cut short', () => {
    expect(editableBody(withBody(testCapture(), { encoding: 'base64' }))).toHaveProperty('reason')
    expect(editableBody(withBody(testCapture(), { truncated: true }))).toHaveProperty('reason')
  })
})
