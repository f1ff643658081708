import { describe, expect, it } from 'vitest'
import type { SampleUserEntry } from '../../../../../shared/contract'
import { optionLabels } from '../../../../../renderer/src/features/compose/user-labels'

const entry = (id: string, source: SampleUserEntry['source']): SampleUserEntry => ({
  id,
  label: 'José "Pepe" Núñez (u-1002)',
  source,
  user: { external_id: 'u-1002' },
})

describe('the user picker’s option text', () => {
  it('never shows two options that read the same: a shared label names its source', () => {
    const labels = optionLabels([entry('u-1002', 'built-in'), entry('braze-1', 'braze')])
    expect([...labels.values()]).toEqual([
      'José "Pepe" Núñez (u-1002) · built-in',
      'José "Pepe" Núñez (u-1002) · from Braze',
    ])
  })

  it('leaves a label no one else has as it is', () => {
    expect(optionLabels([entry('u-1002', 'built-in')]).get('u-1002')).toBe(
      'José "Pepe" Núñez (u-1002)',
    )
  })
})
