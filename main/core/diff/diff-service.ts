import type { Capture } from '../../../shared/contract/captures'
import type {
  DiffMessage,
  DiffOptions,
  DiffSide,
  MessageDiff,
} from '../../../shared/contract/diffs'
import type { Exchange, ExchangeKind } from '../../../shared/contract/exchanges'
import type { CaptureStore } from '../captures/capture-store'
import type { ExchangeStore } from '../captures/exchange-store'
import { captureMessage, exchangeMessage } from './diff-sources'
import type { HeaderNote } from './header-diff'
import { CONNECTION_HEADERS } from './ignore-rules'
import { diffMessages, type MessageDiffInput } from './message-diff'

/**
 * Runs one diff. In the engine's thread by default; the diff is a pure function of plain data,
 * so a worker pool can take it over (a long diff then never holds the serving thread).
 */
export type DiffRunner = (input: MessageDiffInput) => Promise<MessageDiff>

export const inThread: DiffRunner = (input) => Promise.resolve(diffMessages(input))

/** How many of the newest exchanges are searched for one that belongs to a capture. */
const LINK_SEARCH_LIMIT = 500

export class DiffTargetNotFoundError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DiffTargetNotFoundError'
  }
}

export interface DiffServiceDeps {
  captures: Pick<CaptureStore, 'get'>
  exchanges: Pick<ExchangeStore, 'get' | 'list'>
  run?: DiffRunner
}

/**
 * The diffs the Exchanges screen and `bridgebench diff` show, read from the stores: any two
 * messages, captured vs forwarded, and a replay's answer vs the original one.
 */
export class DiffService {
  private readonly run: DiffRunner

  constructor(private readonly deps: DiffServiceDeps) {
    this.run = deps.run ?? inThread
  }

  async compare(left: DiffSide, right: DiffSide, options?: DiffOptions): Promise<MessageDiff> {
    return this.run({
      left: await this.message(left),
      right: await this.message(right),
      options,
    })
  }

  /** The capture against the request its forward sent (the forward's last attempt). */
  async forwarded(
    ref: { exchangeId?: string; captureId?: string },
    options?: DiffOptions,
  ): Promise<MessageDiff> {
    const forward = ref.exchangeId
      ? await this.exchange(ref.exchangeId)
      : await this.latestFor('forward', ref.captureId ?? '')
    if (!forward) {
      throw new DiffTargetNotFoundError(
        ref.captureId
          ? `Capture ${ref.captureId} has not been forwarded (no forward among the last ${LINK_SEARCH_LIMIT} exchanges): forward it first.`
          : 'Give the forward exchange, or the capture that was forwarded.',
      )
    }
    const captureId = forward.correlation.captureId
    if (!captureId) {
      throw new DiffTargetNotFoundError(
        `Exchange ${forward.id} is a ${forward.kind}, not a forward of a capture: there is no captured request to compare it with.`,
      )
    }
    const capture = await this.capture(captureId)
    return this.run({
      left: captureMessage(capture, 'Captured'),
      right: exchangeMessage(forward, 'request', undefined, 'Forwarded'),
      // Hop-by-hop headers and Host are dropped or rewritten by every forward: not a difference.
      options: {
        ...options,
        ignoreHeaders: [...(options?.ignoreHeaders ?? []), ...CONNECTION_HEADERS],
      },
      headerNotes: credentialNotes(forward),
    })
  }

  /** A replay's answer against the original one: the exchange given, or the capture's forward. */
  async replayed(
    ref: { exchangeId: string; originalExchangeId?: string },
    options?: DiffOptions,
  ): Promise<MessageDiff> {
    const replay = await this.exchange(ref.exchangeId)
    const originalId = ref.originalExchangeId ?? replay.correlation.originalExchangeId
    const captureId = replay.correlation.captureId
    const original = originalId
      ? await this.exchange(originalId)
      : captureId
        ? await this.latestFor('forward', captureId)
        : undefined
    if (!original) {
      throw new DiffTargetNotFoundError(
        `There is no earlier answer to compare replay ${replay.id} with: its capture was never forwarded. Name the exchange to compare with.`,
      )
    }
    return this.run({
      left: exchangeMessage(
        original,
        'response',
        undefined,
        `Original (${original.kind} ${original.id})`,
      ),
      right: exchangeMessage(replay, 'response', undefined, `Replayed (${replay.id})`),
      options,
    })
  }

  private async message(side: DiffSide): Promise<DiffMessage> {
    switch (side.kind) {
      case 'capture':
        return captureMessage(await this.capture(side.id))
      case 'exchange':
        return exchangeMessage(await this.exchange(side.id), side.part ?? 'response', side.attempt)
      case 'message':
        return side.message
    }
  }

  private async capture(id: string): Promise<Capture> {
    const capture = await this.deps.captures.get(id)
    if (!capture)
      throw new DiffTargetNotFoundError(`No capture ${id}: it may have been deleted or expired.`)
    return capture
  }

  private async exchange(id: string): Promise<Exchange> {
    const exchange = await this.deps.exchanges.get(id)
    if (!exchange)
      throw new DiffTargetNotFoundError(`No exchange ${id}: it may have been deleted or expired.`)
    return exchange
  }

  /** The newest exchange of a kind recorded for a capture, among the newest ones. */
  private async latestFor(kind: ExchangeKind, captureId: string): Promise<Exchange | undefined> {
    let before: string | undefined
    let searched = 0
    while (searched < LINK_SEARCH_LIMIT) {
      const page = await this.deps.exchanges.list({ kind, before, limit: 100 })
      for (const { id } of page.items) {
        searched++
        const record = await this.deps.exchanges.get(id)
        if (record?.correlation.captureId === captureId) return record
      }
      if (!page.nextCursor) return undefined
      before = page.nextCursor
    }
    return undefined
  }
}

/** Both sides show credentials masked; the exchange says where the forwarded one came from. */
function credentialNotes(forward: Exchange): HeaderNote[] {
  switch (forward.authorization) {
    case 'profile':
      return [
        {
          name: 'authorization',
          note: "Replaced: the forward sent the profile's Braze REST API key instead of the captured credential.",
          credentialReplaced: true,
        },
      ]
    case 'capture':
      return [{ name: 'authorization', note: 'Passed through from the capture unchanged.' }]
    case 'none':
      return [{ name: 'authorization', note: 'The forward sent no credential.' }]
    case 'as-rendered':
      return []
  }
}
