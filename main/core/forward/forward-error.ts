/**
 * Why a capture could not be forwarded before anything was sent, in words a person can act
 * on: the credential was not kept, the body was cut, the transform failed, no key is set…
 */
export class ForwardError extends Error {
  constructor(
    message: string,
    readonly code:
      | 'credential-not-kept'
      | 'credential-unreadable'
      | 'no-credential'
      | 'no-key'
      | 'no-endpoint'
      | 'body-truncated'
      | 'transform'
      | 'no-capture',
  ) {
    super(message)
    this.name = 'ForwardError'
  }
}
