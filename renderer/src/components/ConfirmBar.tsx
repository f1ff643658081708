/**
 * An inline confirmation, where the action was asked for: what will happen, and two buttons.
 * Used before anything touches a real Zendesk account.
 */
export function ConfirmBar({
  question,
  confirmLabel,
  onConfirm,
  onCancel,
  testId,
}: {
  question: string
  confirmLabel: string
  onConfirm: () => void
  onCancel: () => void
  testId?: string
}) {
  return (
    <div className="confirm-bar" role="alertdialog" aria-label="Confirm" data-testid={testId}>
      <p>{question}</p>
      <div className="actions">
        <button type="button" className="button button-danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="button" onClick={onCancel} autoFocus>
          Cancel
        </button>
      </div>
    </div>
  )
}
