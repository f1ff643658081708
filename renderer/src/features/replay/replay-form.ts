import type { ReplayAuth, ReplaySettings } from '../../../../shared/contract'

export type TargetKind = 'sandbox' | 'braze' | 'receiver' | 'url'

/** Where a replay goes and with which credential and signature: the same for one and for a run. */
export interface ReplayForm {
  target: TargetKind
  url: string
  auth: ReplayAuth
  resign: 'none' | 'profile' | 'test'
}

export const DEFAULT_REPLAY_FORM: ReplayForm = {
  target: 'sandbox',
  url: '',
  auth: 'profile',
  resign: 'none',
}

/** How the replay is sent, from the form, or what to fix in it. */
export function replaySettingsOf(
  form: ReplayForm,
): { settings: ReplaySettings } | { problem: string } {
  if (form.target === 'url' && !/^https?:\/\/\S+$/i.test(form.url))
    return { problem: 'Enter the URL to replay to, starting with http:// or https://.' }
  const target =
    form.target === 'url' ? { kind: 'url' as const, url: form.url } : { kind: form.target }
  return {
    settings: { target, auth: form.auth, resign: form.resign === 'none' ? null : form.resign },
  }
}
