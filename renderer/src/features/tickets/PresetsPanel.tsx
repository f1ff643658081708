import { errorText } from '../../api/error-text'
import { useCallback, useEffect, useState } from 'react'
import type { Preset } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { useAppStore } from '../../app/app-store'
import { useCompose } from '../compose/compose-store'
import { realSendQuestion } from '../../../../shared/compose/send-guard'
import { ConfirmBar } from '../../components/ConfirmBar'
import { useTickets } from './tickets-store'
import { phaseOf } from './use-send-ticket'

/** Named (template × user × profile) to fire in one click, here or from the tray. */
export function PresetsPanel() {
  const api = useApi()
  const profile = useAppStore((s) => s.status?.activeProfile)
  const { templateId, templateName, userId, userLabel, dirty } = useCompose()
  const { setPhase, loadHistory } = useTickets()
  const [presets, setPresets] = useState<Preset[]>([])
  const [name, setName] = useState('')
  const [pinProfile, setPinProfile] = useState(false)
  const [error, setError] = useState<string>()
  const [question, setQuestion] = useState<{ preset: Preset; text: string } | null>(null)
  const [fired, setFired] = useState<string | null>(null)

  const load = useCallback(() => {
    api.presets.list().then(setPresets, (e: unknown) => setError(errorText(e)))
  }, [api])
  useEffect(load, [load])

  const save = async () => {
    if (!templateId || !userId) return
    try {
      await api.presets.save({
        name: name || `${templateName} × ${userLabel ?? userId}`,
        templateId,
        userId,
        profileId: pinProfile && profile ? profile.id : null,
        addTestTag: true,
      })
      setName('')
      setError(undefined)
      load()
    } catch (e) {
      setError(errorText(e))
    }
  }

  const fire = async (preset: Preset, confirmed = false) => {
    setQuestion(null)
    try {
      if (!confirmed) {
        const { profiles, activeProfileId } = await api.profiles.list()
        const target = profiles.find((p) => p.id === (preset.profileId ?? activeProfileId))
        const template = await api.templates.get({ id: preset.templateId })
        const question = target
          ? await realSendQuestion(api, target, {
              template: template.body,
              headers: template.headers,
              userId: preset.userId,
            })
          : null
        if (question !== null) return setQuestion({ preset, text: question })
      }
      useCompose.getState().setOutputTab('response')
      setPhase({ kind: 'sending', attempt: 1 })
      for await (const event of await api.presets.fire({ id: preset.id })) setPhase(phaseOf(event))
      setFired(preset.name)
      if (profile) await loadHistory(api, profile.id)
    } catch (e) {
      setPhase({ kind: 'failed', message: errorText(e) })
    }
  }

  const remove = async (preset: Preset) => {
    await api.presets.remove({ id: preset.id }).catch((e: unknown) => setError(errorText(e)))
    load()
  }

  return (
    <section className="panel" aria-labelledby="presets">
      <h2 id="presets">Presets</h2>
      <div className="inline-form">
        <label>
          Name
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={`${templateName || 'template'} × ${userLabel ?? 'user'}`}
          />
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={pinProfile}
            onChange={(e) => setPinProfile(e.target.checked)}
          />
          Always {profile?.name ?? 'this profile'}
        </label>
        <button
          type="button"
          className="button"
          disabled={!templateId || !userId}
          onClick={() => void save()}
        >
          Save as preset
        </button>
      </div>
      {(!templateId || dirty) && (
        <p className="muted small">
          A preset uses the saved template: save your changes first (Ctrl/⌘+S).
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {question && (
        <ConfirmBar
          question={question.text}
          confirmLabel={`Fire “${question.preset.name}” anyway`}
          onConfirm={() => void fire(question.preset, true)}
          onCancel={() => setQuestion(null)}
          testId="preset-confirm"
        />
      )}
      {fired && (
        <p className="muted small" role="status">
          Fired “{fired}”: Zendesk’s answer is in the Response tab above.
        </p>
      )}
      {presets.length === 0 ? (
        <p className="muted">
          No presets yet. They also appear in the tray menu under “Fire preset”.
        </p>
      ) : (
        <ul className="preset-list">
          {presets.map((preset) => (
            <li key={preset.id}>
              <span>{preset.name}</span>
              <span className="actions">
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => void fire(preset)}
                >
                  Fire
                </button>
                <button type="button" className="link-button" onClick={() => void remove(preset)}>
                  remove
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
