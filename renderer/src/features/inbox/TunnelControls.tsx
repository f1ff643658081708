import { useEffect, useState } from 'react'
import type { ReceiverStatus, SelfTestReport, TunnelChoice } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { useAppStore } from '../../app/app-store'
import { TunnelStatusLine } from './TunnelStatusLine'
import { useInbox } from './inbox-store'
import { useAction } from './use-action'

type Provider = TunnelChoice['provider']

const PROVIDERS: Record<Provider, string> = {
  none: 'No tunnel (this computer only)',
  ngrok: 'ngrok',
  cloudflared: 'Cloudflare quick tunnel (cloudflared)',
  localtunnel: 'localtunnel server',
  custom: 'My own public URL',
}

interface Draft {
  provider: Provider
  domain: string
  serverUrl: string
  subdomain: string
  publicUrl: string
}

function draftOf(choice: TunnelChoice | undefined): Draft {
  return {
    provider: choice?.provider ?? 'none',
    domain: choice?.provider === 'ngrok' ? (choice.domain ?? '') : '',
    serverUrl: choice?.provider === 'localtunnel' ? choice.serverUrl : '',
    subdomain: choice?.provider === 'localtunnel' ? (choice.subdomain ?? '') : '',
    publicUrl: choice?.provider === 'custom' ? choice.publicUrl : '',
  }
}

function choiceOf(draft: Draft): TunnelChoice {
  switch (draft.provider) {
    case 'none':
    case 'cloudflared':
      return { provider: draft.provider }
    case 'ngrok':
      return { provider: 'ngrok', ...(draft.domain.trim() ? { domain: draft.domain.trim() } : {}) }
    case 'localtunnel':
      return {
        provider: 'localtunnel',
        serverUrl: draft.serverUrl.trim(),
        ...(draft.subdomain.trim() ? { subdomain: draft.subdomain.trim() } : {}),
      }
    case 'custom':
      return { provider: 'custom', publicUrl: draft.publicUrl.trim() }
  }
}

/** Which tunnel carries Zendesk's requests to the receiver, its state, and its self-test. */
export function TunnelControls() {
  const api = useApi()
  const settings = useInbox((s) => s.settings)
  const status = useInbox((s) => s.status)
  const action = useAction()
  const [draft, setDraft] = useState(() => draftOf(settings?.tunnel.choice))
  const [report, setReport] = useState<SelfTestReport>()
  const saved = settings?.tunnel.choice
  // The saved choice changed (loaded, or saved from elsewhere): the form starts from it again.
  const [draftFor, setDraftFor] = useState(saved)
  if (saved !== draftFor) {
    setDraftFor(saved)
    setDraft(draftOf(saved))
  }

  const tunnel = status?.tunnel
  const active = tunnel !== undefined && tunnel.state !== 'stopped'
  const applyStatus = (next: ReceiverStatus) => useInbox.getState().setStatus(next)

  const start = () =>
    action.run(async () => {
      const choice = choiceOf(draft)
      if (JSON.stringify(choice) !== JSON.stringify(saved)) {
        useInbox.getState().setSettings(
          await api.receiver.updateSettings({
            tunnel: {
              choice,
              selfTestIntervalSeconds: settings?.tunnel.selfTestIntervalSeconds ?? 60,
            },
          }),
        )
      }
      if (choice.provider !== 'none') applyStatus(await api.receiver.startTunnel())
    })

  const edit = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }))

  return (
    <div className="tunnel-controls">
      <div className="tunnel-form">
        <label>
          <span className="muted small">Tunnel</span>
          <select
            value={draft.provider}
            disabled={active}
            onChange={(event) => edit({ provider: event.target.value as Provider })}
          >
            {Object.entries(PROVIDERS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {draft.provider === 'ngrok' && (
          <>
            <label>
              <span className="muted small">Reserved domain (optional)</span>
              <input
                value={draft.domain}
                disabled={active}
                placeholder="webhooks.example.ngrok.app"
                onChange={(event) => edit({ domain: event.target.value })}
              />
            </label>
            <NgrokTokenNote />
          </>
        )}
        {draft.provider === 'cloudflared' && (
          <p className="muted small tunnel-note">
            Needs the <code>cloudflared</code> program on your PATH; no account. The URL changes at
            each start.
          </p>
        )}
        {draft.provider === 'localtunnel' && (
          <>
            <label>
              <span className="muted small">Server URL</span>
              <input
                value={draft.serverUrl}
                disabled={active}
                placeholder="https://lt.example.com"
                onChange={(event) => edit({ serverUrl: event.target.value })}
              />
            </label>
            <label>
              <span className="muted small">Subdomain (optional)</span>
              <input
                value={draft.subdomain}
                disabled={active}
                placeholder="bridgebench-qa"
                onChange={(event) => edit({ subdomain: event.target.value })}
              />
            </label>
          </>
        )}
        {draft.provider === 'custom' && (
          <label className="grow">
            <span className="muted small">
              Public URL (your reverse proxy to the receiver’s port)
            </span>
            <input
              value={draft.publicUrl}
              disabled={active}
              placeholder="https://hooks.example.com"
              onChange={(event) => edit({ publicUrl: event.target.value })}
            />
          </label>
        )}
        {tunnel && <TunnelStatusLine tunnel={tunnel} report={report} />}
        <div className="actions tunnel-actions">
          {active ? (
            <button
              type="button"
              className="button"
              disabled={action.busy}
              onClick={() =>
                void action.run(async () => applyStatus(await api.receiver.stopTunnel()))
              }
            >
              Stop tunnel
            </button>
          ) : (
            <button
              type="button"
              className="button"
              disabled={action.busy || draft.provider === 'none'}
              onClick={() => void start()}
            >
              Start tunnel
            </button>
          )}
          <button
            type="button"
            className="button"
            disabled={action.busy || tunnel?.state !== 'online'}
            title="Send a nonce through the public URL and see what the tunnel changed"
            onClick={() => void action.run(async () => setReport(await api.receiver.selfTest()))}
          >
            Run self-test
          </button>
        </div>
      </div>
      {action.error && (
        <p className="form-error small" role="alert">
          {action.error}
        </p>
      )}
    </div>
  )
}

/** ngrok's auth token is the active profile's "tunnel token", kept encrypted by Connections. */
function NgrokTokenNote() {
  const api = useApi()
  const profileId = useAppStore((s) => s.status?.activeProfile.id)
  const [token, setToken] = useState<{ name: string; set: boolean; hint?: string }>()
  useEffect(() => {
    let live = true
    api.profiles
      .list()
      .then((list) => {
        const profile = list.profiles.find((p) => p.id === list.activeProfileId)
        const secret = profile?.secrets.tunnelAuthToken
        if (live && profile)
          setToken({ name: profile.name, set: secret?.set ?? false, hint: secret?.hint })
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [api, profileId])
  if (!token) return null
  return token.set ? (
    <p className="muted small tunnel-note">
      Auth token: the tunnel token of <strong>{token.name}</strong> (…{token.hint}).
    </p>
  ) : (
    <p className="callout callout-warning small tunnel-note">
      <strong>{token.name}</strong> has no tunnel token: add your ngrok auth token on the{' '}
      <a href="#/connections">Connections</a> screen.
    </p>
  )
}
