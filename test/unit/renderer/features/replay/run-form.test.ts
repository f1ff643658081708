import { describe, expect, it } from 'vitest'
import { runSettings } from '../../../../../shared/contract'
import {
  DEFAULT_RUN_FORM,
  runSettingsOf,
} from '../../../../../renderer/src/features/replay/run-form'

describe('the Replay run form', () => {
  it('by default replays to the Sandbox and asserts a 2xx with no errors, as the CLI does', () => {
    const result = runSettingsOf(DEFAULT_RUN_FORM)
    if (!('settings' in result)) throw new Error(result.problem)
    const settings = runSettings.parse(result.settings)
    expect(settings.target).toEqual({ kind: 'sandbox' })
    expect(settings.assertions).toMatchObject({ status: '2xx', noErrors: true })
  })

  it('asks for a URL before replaying to another URL', () => {
    expect(runSettingsOf({ ...DEFAULT_RUN_FORM, target: 'url', url: 'braze' })).toEqual({
      problem: 'Enter the URL to replay to, starting with http:// or https://.',
    })
  })

  it('refuses a concurrency the engine would refuse', () => {
    expect(runSettingsOf({ ...DEFAULT_RUN_FORM, concurrency: '65' })).toHaveProperty('problem')
  })
})
