import path from 'node:path'
import type { Capture } from '../../../shared/contract/captures'
import type { Exchange } from '../../../shared/contract/exchanges'
import { maskHeaderPairs, maskUrl } from '../../../shared/security/masking'
import { maskedRawBody } from '../net/raw-record'
import type { HarExport, HarExportInput, HarImportResult } from '../../../shared/contract/har'
import type { HarEntry } from '../../../shared/har/har-schema'
import { CAPTURE_SETS_FOLDER, readSetFiles, writeCaptureSet } from './capture-sets'
import type { CaptureStore } from './capture-store'
import { masked } from './capture-views'
import type { ExchangeStore } from './exchange-store'
import { captureEntry, exchangeEntries, harDocument } from './har-export'
import { importHar } from './har-import'

export interface HarRecordsDeps {
  captures: Pick<CaptureStore, 'get' | 'newId'>
  exchanges: Pick<ExchangeStore, 'get'>
  dataFolder: string
  version: string
  now: () => Date
}

export class UnknownRecordError extends Error {
  constructor(what: string) {
    super(`No ${what}: it may have been deleted or expired.`)
    this.name = 'UnknownRecordError'
  }
}

/**
 * Captures (from the inbox, a named set or given) and exchanges as one HAR document or as
 * NDJSON (one masked record per line, for jq and log tools), in the order asked.
 */
export async function exportRecords(
  deps: HarRecordsDeps,
  input: HarExportInput,
): Promise<HarExport> {
  const captures: Capture[] = [...(input.captures ?? [])]
  for (const id of input.captureIds ?? []) {
    const capture = await deps.captures.get(id)
    if (!capture) throw new UnknownRecordError(`capture ${id}`)
    captures.push(capture)
  }
  if (input.set) {
    for await (const file of readSetFiles(
      path.join(deps.dataFolder, CAPTURE_SETS_FOLDER, input.set),
    ))
      if ('capture' in file) captures.push(file.capture)
  }
  const exchanges = []
  for (const id of input.exchangeIds ?? []) {
    const exchange = await deps.exchanges.get(id)
    if (!exchange) throw new UnknownRecordError(`exchange ${id}`)
    exchanges.push(exchange)
  }
  const stamp = deps.now().toISOString().replace(/[:.]/g, '-')
  if (input.format === 'ndjson') {
    const lines = [
      ...captures.map((capture) => JSON.stringify(shareable(capture))),
      ...exchanges.map((exchange) => JSON.stringify(shareableExchange(exchange))),
    ]
    return {
      fileName: `bridgebench-${stamp}.ndjson`,
      content: lines.map((line) => `${line}\n`).join(''),
      entries: lines.length,
    }
  }
  const entries: HarEntry[] = [...captures.map(captureEntry), ...exchanges.flatMap(exchangeEntries)]
  return {
    fileName: `bridgebench-${stamp}.har`,
    content: `${JSON.stringify(harDocument(entries, deps.version), null, 2)}\n`,
    entries: entries.length,
  }
}

/**
 * A capture as it may leave the machine: credentials masked (headers, URL parameters and
 * credential-named body fields, as in the HAR), their ciphertext left behind.
 */
function shareable(capture: Capture): Capture {
  const plain = masked(capture)
  return {
    ...plain,
    request: {
      ...plain.request,
      url: maskUrl(plain.request.url),
      body: maskedRawBody(plain.request.body, plain.request.headers),
    },
    sealedHeaders: [],
  }
}

/** An exchange as it may leave the machine: every attempt's credentials masked. */
function shareableExchange(exchange: Exchange): Exchange {
  return {
    ...exchange,
    attempts: exchange.attempts.map((attempt) => ({
      ...attempt,
      request: {
        ...attempt.request,
        url: maskUrl(attempt.request.url),
        headers: maskHeaderPairs(attempt.request.headers),
        body: maskedRawBody(attempt.request.body, attempt.request.headers),
      },
      response: attempt.response && {
        ...attempt.response,
        headers: maskHeaderPairs(attempt.response.headers),
        body: maskedRawBody(attempt.response.body, attempt.response.headers),
      },
    })),
  }
}
/** A HAR file's requests as captures: returned, or saved as a named set in the data folder. */
export async function importRecords(
  deps: HarRecordsDeps,
  input: { text: string; set?: string },
): Promise<HarImportResult> {
  const imported = importHar(input.text, { newId: (at) => deps.captures.newId(at), now: deps.now })
  const base = {
    imported: imported.captures.length,
    skipped: imported.skipped,
    creator: imported.creator,
  }
  if (!input.set) return { ...base, captures: imported.captures, set: null }
  const folder = path.join(deps.dataFolder, CAPTURE_SETS_FOLDER, input.set)
  const count = await writeCaptureSet(folder, imported.captures)
  return { ...base, captures: [], set: { name: input.set, folder, count } }
}
