import { useState } from 'react'
import {
  ZENDESK_PLAN_REQUESTS_PER_MINUTE,
  type SandboxSnapshot,
  type SimulatorSettingsPatch,
  type ZendeskPlan,
} from '../../../../shared/contract'
import { useApi } from '../../api/api-context'

const percent = (ratio: number) => Math.round(ratio * 100)

/** Behaviour switches: plan limits, escaping, and faults to rehearse failure in a demo. */
export function BehaviourPanel({
  snapshot,
  onChange,
}: {
  snapshot: SandboxSnapshot
  onChange: (next: SandboxSnapshot) => void
}) {
  const api = useApi()
  const [error, setError] = useState<string>()
  const zendesk = snapshot.zendesk.settings
  const braze = snapshot.braze.settings
  const apply = async (patch: SimulatorSettingsPatch) => {
    try {
      onChange(await api.simulators.updateSettings(patch))
      setError(undefined)
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure))
    }
  }
  const permissions = (permission: 'users.track' | 'users.export.ids', on: boolean) =>
    braze.keyPermissions.filter((p) => p !== permission).concat(on ? [permission] : [])

  return (
    <section className="panel" aria-labelledby="sim-behaviour">
      <h2 id="sim-behaviour">Behaviour</h2>
      <div className="behaviour-grid">
        <fieldset>
          <legend>Zendesk</legend>
          <label>
            Plan (rate limit)
            <select
              value={zendesk.rateLimits.plan}
              onChange={(e) =>
                void apply({ zendesk: { rateLimits: { plan: e.target.value as ZendeskPlan } } })
              }
            >
              {Object.entries(ZENDESK_PLAN_REQUESTS_PER_MINUTE).map(([plan, perMinute]) => (
                <option key={plan} value={plan}>
                  {plan.replace('_', ' ')} — {perMinute}/min
                </option>
              ))}
            </select>
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={zendesk.rateLimits.enabled}
              onChange={(e) =>
                void apply({ zendesk: { rateLimits: { enabled: e.target.checked } } })
              }
            />
            Enforce rate limits (429 + Retry-After)
          </label>
          <label>
            Placeholder values in JSON bodies
            <select
              value={zendesk.placeholderEscaping}
              onChange={(e) =>
                void apply({ zendesk: { placeholderEscaping: e.target.value as 'json' | 'raw' } })
              }
            >
              <option value="json">JSON-escaped (default)</option>
              <option value="raw">Raw text (breaks JSON on quotes)</option>
            </select>
          </label>
          <label>
            Duplicate deliveries: {percent(zendesk.faults.duplicateRate)}%
            <input
              type="range"
              min={0}
              max={100}
              value={percent(zendesk.faults.duplicateRate)}
              onChange={(e) =>
                void apply({ zendesk: { faults: { duplicateRate: Number(e.target.value) / 100 } } })
              }
            />
          </label>
          <label>
            Out-of-order window: {zendesk.faults.reorderWindowMs} ms
            <input
              type="range"
              min={0}
              max={5000}
              step={250}
              value={zendesk.faults.reorderWindowMs}
              onChange={(e) =>
                void apply({ zendesk: { faults: { reorderWindowMs: Number(e.target.value) } } })
              }
            />
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={zendesk.apiTokensRetired}
              onChange={(e) => void apply({ zendesk: { apiTokensRetired: e.target.checked } })}
            />
            API tokens retired (as from 2027-04-30)
          </label>
        </fieldset>
        <fieldset>
          <legend>Braze</legend>
          <label>
            Answer 429: {percent(braze.faults.rateLimitedRate)}%
            <input
              type="range"
              min={0}
              max={100}
              value={percent(braze.faults.rateLimitedRate)}
              onChange={(e) =>
                void apply({ braze: { faults: { rateLimitedRate: Number(e.target.value) / 100 } } })
              }
            />
          </label>
          <label>
            Answer {braze.faults.serverErrorStatus}: {percent(braze.faults.serverErrorRate)}%
            <input
              type="range"
              min={0}
              max={100}
              value={percent(braze.faults.serverErrorRate)}
              onChange={(e) =>
                void apply({ braze: { faults: { serverErrorRate: Number(e.target.value) / 100 } } })
              }
            />
          </label>
          <label>
            Latency: {braze.faults.latencyMs} ms
            <input
              type="range"
              min={0}
              max={5000}
              step={100}
              value={braze.faults.latencyMs}
              onChange={(e) =>
                void apply({ braze: { faults: { latencyMs: Number(e.target.value) } } })
              }
            />
          </label>
          <span className="muted small">API key permissions</span>
          {(['users.track', 'users.export.ids'] as const).map((permission) => (
            <label key={permission} className="checkbox">
              <input
                type="checkbox"
                checked={braze.keyPermissions.includes(permission)}
                onChange={(e) =>
                  void apply({
                    braze: { keyPermissions: permissions(permission, e.target.checked) },
                  })
                }
              />
              {permission}
            </label>
          ))}
        </fieldset>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}
