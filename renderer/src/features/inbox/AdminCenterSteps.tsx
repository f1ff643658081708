import { CopyButton } from '../../components/CopyButton'

const CREATE_WEBHOOKS_DOC =
  'https://support.zendesk.com/hc/en-us/articles/4408839108378-Creating-webhooks-to-interact-with-third-party-systems'

/** How to create the webhook by hand in Zendesk's Admin Center, with the URL to paste. */
export function AdminCenterSteps({
  endpoint,
  receiverRunning,
}: {
  endpoint: string | null
  receiverRunning: boolean
}) {
  return (
    <div className="setup-steps">
      <h3>In Zendesk’s Admin Center</h3>
      <ol className="steps" data-testid="admin-center-steps">
        <li>
          Open <strong>Apps and integrations → Actions and webhooks → Webhooks</strong>, then{' '}
          <strong>Create webhook</strong> (you need to be an admin).
        </li>
        <li>
          Choose <strong>Trigger or automation</strong> as the way to connect (it can’t be changed
          later).
        </li>
        <li>
          <strong>Endpoint URL</strong>:{' '}
          {endpoint ? (
            <span className="with-action inline">
              <code data-testid="setup-endpoint">{endpoint}</code>
              <CopyButton text={endpoint} />
            </span>
          ) : (
            <span className="tone-error">
              start {receiverRunning ? 'a tunnel' : 'the receiver and a tunnel'} first (above):
              Zendesk cannot reach 127.0.0.1.
            </span>
          )}
        </li>
        <li>
          <strong>Request method</strong> POST, <strong>Request format</strong> JSON.
        </li>
        <li>
          <strong>Authentication</strong>: Bearer token, with the token Braze will expect (the
          receiver keeps it encrypted and shows it masked).
        </li>
        <li>
          <strong>Test webhook</strong>, then <strong>Create webhook</strong>. A test sent before
          the webhook exists is signed with Zendesk’s test secret: it shows here as{' '}
          <em>valid (test secret)</em>.
        </li>
        <li>
          On the webhook’s page, reveal the <strong>Signing secret</strong> and paste it into the
          profile on the <a href="#/connections">Connections</a> screen, so signatures verify as{' '}
          <em>valid</em>.
        </li>
        <li>
          In <strong>Objects and rules → Triggers</strong>, add the action{' '}
          <strong>Notify active webhook</strong> with this webhook and the JSON body Braze expects.
        </li>
      </ol>
      <p className="muted small">
        Zendesk’s guide:{' '}
        <a href={CREATE_WEBHOOKS_DOC} target="_blank" rel="noreferrer">
          Creating webhooks to interact with third-party systems
        </a>
        .
      </p>
    </div>
  )
}
