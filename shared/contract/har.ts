import { oc } from '@orpc/contract'
import { z } from 'zod'
import { capture, captureSetInfo, captureSetRef } from './captures'
import { recordId } from './ids'

/**
 * Interop: captures and exchanges out as HAR 1.2 (browsers, Postman, HTTP Toolkit) or NDJSON,
 * secrets masked; HAR files in as captures, to keep as a capture set and replay.
 */

export const exportFormat = z.enum(['har', 'ndjson'])
export type ExportFormat = z.infer<typeof exportFormat>

export const harExportInput = z.object({
  /** Captures in the inbox. */
  captureIds: z.array(recordId).max(10_000).optional(),
  /** Exchanges (every attempt becomes an entry). */
  exchangeIds: z.array(recordId).max(10_000).optional(),
  /** A named set in the data folder. */
  set: captureSetRef.shape.name.optional(),
  /** Captures given here (the CLI exporting a set folder). */
  captures: z.array(capture).max(1_000).optional(),
  format: exportFormat.default('har'),
})
export type HarExportInput = z.infer<typeof harExportInput>

export const harExport = z.object({
  fileName: z.string(),
  /** The HAR document, or one JSON record per line. */
  content: z.string(),
  entries: z.number().int(),
})
export type HarExport = z.infer<typeof harExport>

export const harImportInput = z.object({
  /** The HAR file's text. */
  text: z.string().min(1).max(15_000_000),
  /** Saves the captures as this set in the data folder; without it they are returned. */
  set: captureSetRef.shape.name.optional(),
})

export const harImport = z.object({
  /** The captures, credentials masked (empty when they were saved as a set). */
  captures: z.array(capture),
  set: captureSetInfo.nullable(),
  imported: z.number().int(),
  skipped: z.array(z.object({ index: z.number().int(), reason: z.string() })),
  /** The HAR's creator: Chrome, Firefox, HTTP Toolkit, Postman… */
  creator: z.string(),
})
export type HarImportResult = z.infer<typeof harImport>

export const harContract = {
  export: oc.input(harExportInput).output(harExport),
  import: oc.input(harImportInput).output(harImport),
}
