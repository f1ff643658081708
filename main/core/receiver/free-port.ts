import { createServer } from 'node:net'

export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly suggestion: number,
  ) {
    super(
      `Port ${port} is already in use on this machine (another receiver, app or tunnel agent). Pick another, e.g. ${suggestion}, or 0 for any free port.`,
    )
    this.name = 'PortInUseError'
  }
}

/** A port that was free a moment ago, to suggest when the chosen one is taken. */
export function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, host, () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}
