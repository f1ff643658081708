export { isLoopbackHostname as isLoopbackHost } from '../core/net/loopback'

export class RemoteBindRefusedError extends Error {
  constructor(host: string) {
    super(
      `Refusing to listen on ${host}: the control API would be reachable from other machines. ` +
        'Use the default 127.0.0.1, or pass --allow-remote if you really mean it.',
    )
    this.name = 'RemoteBindRefusedError'
  }
}
