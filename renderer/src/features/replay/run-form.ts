import type { ReplayAuth, RunSettings } from '../../../../shared/contract'
import { DEFAULT_REPLAY_RATE_PER_SECOND } from '../../../../shared/contract'

export type TargetKind = 'sandbox' | 'braze' | 'receiver' | 'url'

/** What the run form holds, as typed. */
export interface RunForm {
  target: TargetKind
  url: string
  auth: ReplayAuth
  concurrency: string
  ratePerSecond: string
  resign: 'none' | 'profile' | 'test'
  expect2xx: boolean
  noErrors: boolean
  readBack: boolean
}

export const DEFAULT_RUN_FORM: RunForm = {
  target: 'sandbox',
  url: '',
  auth: 'profile',
  concurrency: '4',
  ratePerSecond: DEFAULT_REPLAY_RATE_PER_SECOND.toFixed(1),
  resign: 'none',
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
  if (form.target === 'url' && !/^https?:\/\/\S+$/i.test(form.url))
    return { problem: 'Enter the URL to replay to, starting with http:// or https://.' }
  const target =
    form.target === 'url' ? { kind: 'url' as const, url: form.url } : { kind: form.target }
  return {
    settings: {
      target,
      auth: form.auth,
      resign: form.resign === 'none' ? null : form.resign,
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
