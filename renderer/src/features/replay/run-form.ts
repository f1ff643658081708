import type { RunSettings } from '../../../../shared/contract'
import { DEFAULT_REPLAY_RATE_PER_SECOND } from '../../../../shared/contract'
import { DEFAULT_REPLAY_FORM, replaySettingsOf, type ReplayForm } from './replay-form'

/** What the run form holds, as typed. */
export interface RunForm extends ReplayForm {
  concurrency: string
  ratePerSecond: string
  expect2xx: boolean
  noErrors: boolean
  readBack: boolean
}

export const DEFAULT_RUN_FORM: RunForm = {
  ...DEFAULT_REPLAY_FORM,
  concurrency: '4',
  ratePerSecond: DEFAULT_REPLAY_RATE_PER_SECOND.toFixed(1),
  expect2xx: true,
  noErrors: true,
  readBack: false,
}

/** The run's settings from the form, or what to fix in it. */
export function runSettingsOf(form: RunForm): { settings: RunSettings } | { problem: string } {
  const concurrency = Number(form.concurrency)
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
    return { problem: 'Concurrency is a whole number from 1 to 64.' }
  const ratePerSecond = Number(form.ratePerSecond)
  if (!(ratePerSecond > 0))
    return { problem: 'The rate is a number of requests per second above 0.' }
  const replay = replaySettingsOf(form)
  if ('problem' in replay) return replay
  return {
    settings: {
      ...replay.settings,
      concurrency,
      ratePerSecond,
      assertions: {
        status: form.expect2xx ? '2xx' : undefined,
        noErrors: form.noErrors,
        readBack: form.readBack ? { attributes: 'sent', events: 'sent', delayMs: 0 } : undefined,
        captures: {},
      },
    },
  }
}
