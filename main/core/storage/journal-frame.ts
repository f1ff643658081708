import { crc32 } from 'node:zlib'

/**
 * The journal's on-disk format. A segment starts with MAGIC; then frames, each
 * `[u32 length][u32 crc32 of the payload][payload]` (little-endian). A payload is one operation:
 * `P` + 26-byte id + the record's JSON, or `D` + 26-byte id. A crash can only tear the
 * last batch, which was never acknowledged: reading stops at the first frame whose length runs
 * past the end or whose checksum does not match.
 */
export const MAGIC = Buffer.from('BBJRNL1\n', 'latin1')
const HEADER = 8
const ID_LENGTH = 26

export type JournalOp =
  { kind: 'put'; id: string; content: Buffer } | { kind: 'delete'; id: string }

/** A put's frame (with the record's JSON text, copied once) or a delete's. */
export function encodeOp(
  op: { kind: 'put'; id: string; json: string } | { kind: 'delete'; id: string },
): Buffer {
  const bodyLength = op.kind === 'put' ? Buffer.byteLength(op.json, 'utf8') : 0
  const frame = Buffer.allocUnsafe(HEADER + 1 + ID_LENGTH + bodyLength)
  frame.write(op.kind === 'put' ? 'P' : 'D', HEADER, 'latin1')
  frame.write(op.id, HEADER + 1, 'latin1')
  if (op.kind === 'put') frame.write(op.json, HEADER + 1 + ID_LENGTH, 'utf8')
  const payload = frame.subarray(HEADER)
  frame.writeUInt32LE(payload.length, 0)
  frame.writeUInt32LE(crc32(payload), 4)
  return frame
}

export interface DecodedFrame {
  op: JournalOp
  /** Where the frame starts in the segment, and its whole length (header included). */
  offset: number
  length: number
}

/**
 * The complete, intact frames in `buffer` (which holds the segment from `base` on). `end` is
 * the segment offset just past the last good frame; `torn` is true when bytes after it could
 * not be read as a frame (a write cut off by a crash).
 */
export function decodeFrames(
  buffer: Buffer,
  base: number,
): { frames: DecodedFrame[]; end: number; torn: boolean } {
  const frames: DecodedFrame[] = []
  let at = 0
  while (buffer.length - at >= HEADER) {
    const length = buffer.readUInt32LE(at)
    const start = at + HEADER
    if (length < 1 + ID_LENGTH || start + length > buffer.length) break
    const payload = buffer.subarray(start, start + length)
    if (crc32(payload) !== buffer.readUInt32LE(at + 4)) break
    const op = decodePayload(payload)
    if (!op) break
    frames.push({ op, offset: base + at, length: HEADER + length })
    at = start + length
  }
  return { frames, end: base + at, torn: at < buffer.length }
}

function decodePayload(payload: Buffer): JournalOp | undefined {
  const kind = payload.toString('latin1', 0, 1)
  const id = payload.toString('latin1', 1, 1 + ID_LENGTH)
  if (kind === 'P') return { kind: 'put', id, content: payload.subarray(1 + ID_LENGTH) }
  if (kind === 'D' && payload.length === 1 + ID_LENGTH) return { kind: 'delete', id }
  return undefined
}
