import type { ExchangeStore } from '../captures/exchange-store'
import type { TestTicketLog } from './test-ticket-log'
import { reconcileTestTicketLog } from './test-ticket-reconcile'

/**
 * Waits for the exchanges to load and puts right what a crash left of ticket sends: sends cut
 * off in flight (completed as interrupted by the store at open), tickets Zendesk created that
 * the log missed, exchange files that could not be read. Returns a one-line notice for each.
 */
export async function recoverSends(
  exchanges: ExchangeStore,
  log: TestTicketLog,
): Promise<string[]> {
  await exchanges.ready()
  const notices: string[] = []
  const interrupted = exchanges.interruptedAtOpen
  if (interrupted > 0) {
    notices.push(
      `${interrupted} send(s) were cut off by a crash: marked "no answer recorded (interrupted)".`,
    )
  }
  const restored = await reconcileTestTicketLog(log, exchanges)
  if (restored > 0) {
    notices.push(`Added ${restored} ticket(s) Zendesk created to the test-ticket log.`)
  }
  const unreadable = (await exchanges.warnings()).length
  if (unreadable > 0) {
    notices.push(`${unreadable} exchange file(s) could not be read and were kept as they are.`)
  }
  return notices
}
