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

/** A put's frame, with the record's JSON text (copied once). */
export function encodePut(id: string, json: string): Buffer {
  const frame = Buffer.allocUnsafe(HEADER + 1 + ID_LENGTH + Buffer.byteLength(json, 'utf8'))
  writeFrame(frame, 'P', id, json)
  return frame
}

/** The length of a delete's frame, header included. */
export const DELETE_FRAME_BYTES = HEADER + 1 + ID_LENGTH

/** The delete frames of several ids, back to back in one buffer (one journal append). */
export function encodeDeletes(ids: readonly string[]): Buffer {
  const frames = Buffer.allocUnsafe(ids.length * DELETE_FRAME_BYTES)
  for (let i = 0; i < ids.length; i++) {
    const at = i * DELETE_FRAME_BYTES
    writeFrame(frames.subarray(at, at + DELETE_FRAME_BYTES), 'D', ids[i] as string)
  }
  return frames
}

/** Fills `frame` (sized for it): header, kind, id and, for a put, the JSON. */
function writeFrame(frame: Buffer, kind: 'P' | 'D', id: string, json?: string): void {
  frame.write(kind, HEADER, 'latin1')
  frame.write(id, HEADER + 1, 'latin1')
  if (json !== undefined) frame.write(json, HEADER + 1 + ID_LENGTH, 'utf8')
  const payload = frame.subarray(HEADER)
  frame.writeUInt32LE(payload.length, 0)
  frame.writeUInt32LE(crc32(payload), 4)
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
