import { realSendQuestion } from '../../../shared/compose/send-guard'
import type { ApiClient } from '../../../shared/contract'
import { sendAuthorization, type SendAuthorization } from '../../../shared/contract/compose'
import { CliFailure, EXIT } from '../cli-io'

/** What `ticket send` checks before anything leaves: its options, and what goes to a real account. */

export const AUTHORIZATION_CHOICES = sendAuthorization.options

export interface SendRequest {
  profileId: string | undefined
  template: string
  headers: Record<string, string>
  userId: string
}

/** What a preset sends, to lint it before it goes to a real account. */
export async function presetRequest(api: ApiClient, ref: string): Promise<SendRequest> {
  const presets = await api.presets.list()
  const preset =
    presets.find((p) => p.id === ref) ??
    presets.find((p) => p.name.toLowerCase() === ref.toLowerCase())
  if (!preset) {
    const known = presets.map((p) => p.name).join(', ') || 'none yet'
    throw new CliFailure(`No preset "${ref}". Known presets: ${known}.`, EXIT.usage)
  }
  const template = await api.templates.get({ id: preset.templateId })
  return {
    profileId: preset.profileId ?? undefined,
    template: template.body,
    headers: template.headers,
    userId: preset.userId,
  }
}

/** The CLI's confirmation: a body lint finds errors in reaches a real account only with --yes. */
export async function refuseLintErrorsOnRealAccount(
  api: ApiClient,
  request: SendRequest,
  authorization: SendAuthorization | undefined,
) {
  const { profiles, activeProfileId } = await api.profiles.list()
  const profile = profiles.find((p) => p.id === (request.profileId ?? activeProfileId))
  if (!profile) return
  const { profileId: _profile, ...render } = request
  const question = await realSendQuestion(api, profile, render, authorization)
  if (question === null) return
  throw new CliFailure(
    `Not sent. ${question} Fix the template (bridgebench render shows every problem), or send anyway with --yes.`,
    EXIT.failure,
  )
}

export function parseAuthorization(value: string | undefined): SendAuthorization | undefined {
  if (value === undefined) return undefined
  const parsed = sendAuthorization.safeParse(value)
  if (!parsed.success)
    throw new CliFailure(
      `--authorization "${value}": use ${AUTHORIZATION_CHOICES.join(' or ')}.`,
      EXIT.usage,
    )
  return parsed.data
}
