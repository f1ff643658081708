import type { Arrival } from '../tunnel/tunnel-changes'

/**
 * Tunnel self-test probes the receiver took in, handed to whoever waits for their nonce. A
 * probe nobody waits for is dropped: it is never captured.
 */
export class SelfTestArrivals {
  private readonly waiting = new Map<string, (arrival: Arrival) => void>()

  arrived(nonce: string, arrival: Arrival): void {
    this.waiting.get(nonce)?.(arrival)
  }

  awaitArrival = (nonce: string, timeoutMs: number): Promise<Arrival> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(nonce)
        reject(
          new Error(
            `The self-test request did not reach the receiver within ${timeoutMs / 1000} s.`,
          ),
        )
      }, timeoutMs)
      this.waiting.set(nonce, (arrival) => {
        clearTimeout(timer)
        this.waiting.delete(nonce)
        resolve(arrival)
      })
    })
}
