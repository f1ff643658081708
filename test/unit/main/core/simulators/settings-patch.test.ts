import { describe, expect, it } from 'vitest'
import {
  zendeskSimulatorSettings,
  zendeskSimulatorSettingsPatch,
} from '../../../../../shared/contract/simulators'
import {
  SimulatorSettingsError,
  applySettingsPatch,
} from '../../../../../main/core/simulators/settings-patch'
import { defaultZendeskSettings } from '../../../../../main/core/simulators/zendesk/default-settings'

const apply = (patch: unknown) =>
  applySettingsPatch(
    'zendesk',
    defaultZendeskSettings(),
    patch,
    zendeskSimulatorSettingsPatch,
    zendeskSimulatorSettings,
  )

describe('simulator settings changes', () => {
  it('merges a nested change and keeps the other nested settings', () => {
    const settings = apply({ delivery: { timeoutMs: 500 } })
    expect(settings.delivery.timeoutMs).toBe(500)
    expect(settings.delivery.maxTimeoutRetries).toBe(5)
  })

  it('names the field and the reason when a value is out of range', () => {
    expect(() => apply({ faults: { duplicateRate: 2 } })).toThrow(SimulatorSettingsError)
    expect(() => apply({ faults: { duplicateRate: 2 } })).toThrow(
      /must be between 0 and 1[\s\S]*faults\.duplicateRate/,
    )
  })

  it('refuses unknown settings instead of ignoring a typo', () => {
    expect(() => apply({ placeholderEscapng: 'raw' })).toThrow(/placeholderEscapng/)
  })

  it('refuses a plan that is not in the reference table', () => {
    expect(() => apply({ rateLimits: { plan: 'gold' } })).toThrow(/rateLimits\.plan/)
  })
})
