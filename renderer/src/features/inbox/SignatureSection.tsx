import type { SignatureReport } from '../../../../shared/contract'
import { Badge } from './Badge'
import { VERDICT_HINT, VERDICT_TONE, formatDuration } from './capture-format'

const SECRET_LABEL = {
  profile: "the profile's signing secret",
  environment: 'the secret in the environment variable',
  test: "Zendesk's static test secret",
} as const

/** The X-Zendesk-Webhook-Signature check: verdict, which secret, the likely cause, the timestamp. */
export function SignatureSection({ signature }: { signature: SignatureReport }) {
  // An invalid signature's cause is the finding; for the other verdicts it is the explanation.
  const cause = signature.verdict === 'invalid' ? signature.cause : null
  const explanation = signature.secret
    ? `Verified with ${SECRET_LABEL[signature.secret]}.`
    : ((signature.verdict === 'invalid' ? null : signature.cause) ??
      VERDICT_HINT[signature.verdict])
  return (
    <section className="detail-section" aria-labelledby="detail-signature">
      <h3 id="detail-signature">Signature</h3>
      <p className="verdict-line">
        <Badge tone={VERDICT_TONE[signature.verdict]}>{signature.verdict}</Badge>{' '}
        <span data-testid="signature-explanation">{explanation}</span>
      </p>
      {cause && (
        <p className="callout callout-error" data-testid="signature-cause">
          <strong>Likely cause:</strong> {cause}
        </p>
      )}
      <dl className="facts detail-facts">
        <dt>Timestamp</dt>
        <dd>
          {signature.timestamp ? (
            <code>{signature.timestamp}</code>
          ) : (
            <span className="muted">none</span>
          )}
          {signature.ageSeconds !== null && (
            <span className="muted">
              {' '}
              · signed {formatDuration(Math.abs(Math.round(signature.ageSeconds)))}{' '}
              {signature.ageSeconds >= 0 ? 'before it arrived' : 'after it arrived (clock skew)'}
            </span>
          )}
        </dd>
      </dl>
      {signature.warning && <p className="callout callout-warning small">{signature.warning}</p>}
      <p className="muted small">
        Zendesk signs base64(HMAC-SHA256(timestamp + raw body)) with the webhook’s signing secret (
        <a
          href="https://developer.zendesk.com/documentation/webhooks/verifying/"
          target="_blank"
          rel="noreferrer"
        >
          Verifying webhook authenticity
        </a>
        ).
      </p>
    </section>
  )
}
