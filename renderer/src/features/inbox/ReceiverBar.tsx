import type { ReceiverStatus } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { CopyButton } from '../../components/CopyButton'
import { TunnelControls } from './TunnelControls'
import { useInbox } from './inbox-store'
import { hookUrl, primaryRoute, publicBase } from './receiver-urls'
import { useAction } from './use-action'

const STATE_LABEL: Record<ReceiverStatus['receiver']['state'], string> = {
  stopped: 'Stopped',
  starting: 'Starting…',
  running: 'Running',
  error: 'Error',
}

/** The top of the Inbox: is the receiver listening, where, and through which public URL. */
export function ReceiverBar() {
  const api = useApi()
  const status = useInbox((s) => s.status)
  const settings = useInbox((s) => s.settings)
  const action = useAction()
  const receiver = status?.receiver
  const running = receiver?.state === 'running'
  const route = primaryRoute(settings)
  const publicUrl = publicBase(status)
  const apply = (next: Promise<ReceiverStatus>) =>
    action.run(async () => useInbox.getState().setStatus(await next))

  return (
    <section className="panel receiver-bar" aria-label="Receiver and tunnel">
      <div className="receiver-row">
        <div className="receiver-state">
          <span className={`state-dot state-${receiver?.state ?? 'stopped'}`} aria-hidden="true" />
          <div>
            <strong data-testid="receiver-state">
              Receiver {STATE_LABEL[receiver?.state ?? 'stopped'].toLowerCase()}
            </strong>
            <div className="muted small">
              {running
                ? `${status?.captures.toLocaleString() ?? 0} captures stored`
                : 'Webhooks are refused until it runs'}
            </div>
          </div>
          {running ? (
            <button
              type="button"
              className="button"
              disabled={action.busy}
              onClick={() => void apply(api.receiver.stop())}
            >
              Stop
            </button>
          ) : (
            <button
              type="button"
              className="button button-primary"
              disabled={action.busy || receiver?.state === 'starting'}
              onClick={() => void apply(api.receiver.start())}
            >
              Start receiver
            </button>
          )}
        </div>
        <UrlField
          label="Local URL"
          url={receiver?.url ? hookUrl(receiver.url, route) : null}
          empty="Start the receiver for a URL on 127.0.0.1."
          testId="local-url"
        />
        <UrlField
          label="Public URL"
          url={publicUrl ? hookUrl(publicUrl, route) : null}
          empty="No tunnel: only this computer can reach the receiver."
          testId="public-url"
        />
      </div>
      {receiver?.state === 'error' && receiver.error && (
        <p className="form-error small" role="alert">
          {receiver.error}
        </p>
      )}
      {action.error && (
        <p className="form-error small" role="alert">
          {action.error}
        </p>
      )}
      <TunnelControls />
    </section>
  )
}

function UrlField({
  label,
  url,
  empty,
  testId,
}: {
  label: string
  url: string | null
  empty: string
  testId: string
}) {
  return (
    <div className="url-field">
      <span className="muted small">{label}</span>
      {url ? (
        <div className="with-action">
          <code data-testid={testId} title={url}>
            {url}
          </code>
          <CopyButton text={url} />
        </div>
      ) : (
        <span className="muted small">{empty}</span>
      )}
    </div>
  )
}
