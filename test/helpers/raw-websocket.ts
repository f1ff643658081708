import { randomBytes } from 'node:crypto'
import { connect, type Socket } from 'node:net'

/**
 * A WebSocket client that writes frames byte by byte, so tests can send what no well-behaved
 * client would: oversized lengths, invalid UTF-8, unmasked frames, reserved opcodes.
 */
export interface RawWebSocket {
  /** Writes one frame as given (already encoded). */
  write(frame: Buffer): void
  /** The close code of the server's close frame, or 0 when the connection ended without one. */
  closeCode(): Promise<number>
  destroy(): void
}

/** Opens a TCP connection and completes the WebSocket handshake with the given headers. */
export function openRawWebSocket(
  port: number,
  path: string,
  headers: Record<string, string>,
): Promise<RawWebSocket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let received = Buffer.alloc(0)
    socket.on('error', reject)
    socket.once('connect', () => {
      const lines = [
        `GET ${path} HTTP/1.1`,
        'Connection: Upgrade',
        'Upgrade: websocket',
        'Sec-WebSocket-Version: 13',
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
        ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
      ]
      socket.write(`${lines.join('\r\n')}\r\n\r\n`)
    })
    const onHandshake = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk])
      const end = received.indexOf('\r\n\r\n')
      if (end < 0) return
      socket.off('data', onHandshake)
      const status = received.subarray(0, received.indexOf('\r\n')).toString()
      if (!status.includes(' 101 ')) {
        socket.destroy()
        reject(new Error(`Handshake refused: ${status}`))
        return
      }
      resolve(rawSocket(socket, received.subarray(end + 4)))
    }
    socket.on('data', onHandshake)
  })
}

function rawSocket(socket: Socket, leftover: Buffer): RawWebSocket {
  let received = leftover
  const closed = new Promise<number>((resolve) => {
    const check = () => {
      const code = closeCodeIn(received)
      if (code !== undefined) resolve(code)
    }
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk])
      check()
    })
    socket.on('close', () => resolve(closeCodeIn(received) ?? 0))
    check()
  })
  return {
    write: (frame) => socket.write(frame),
    closeCode: () => closed,
    destroy: () => socket.destroy(),
  }
}

/** The code of the first close frame among server frames (servers never mask). */
function closeCodeIn(data: Buffer): number | undefined {
  let at = 0
  while (at + 2 <= data.length) {
    const opcode = (data[at] ?? 0) & 0x0f
    let length = (data[at + 1] ?? 0) & 0x7f
    let header = 2
    if (length === 126) {
      length = data.readUInt16BE(at + 2)
      header = 4
    } else if (length === 127) {
      length = Number(data.readBigUInt64BE(at + 2))
      header = 10
    }
    if (at + header + length > data.length) return undefined
    if (opcode === 0x8) return length >= 2 ? data.readUInt16BE(at + header) : 1005
    at += header + length
  }
  return undefined
}

export interface FrameOptions {
  /** FIN plus RSV bits plus opcode: 0x81 is a final text frame. */
  firstByte: number
  payload: Buffer
  /** Clients must mask; false writes the payload in the clear. */
  masked?: boolean
  /** Announce this length instead of the payload's (the payload is still what is written). */
  declaredLength?: number
}

/** Encodes one client frame. */
export function frame({ firstByte, payload, masked = true, declaredLength }: FrameOptions): Buffer {
  const length = declaredLength ?? payload.length
  const maskBit = masked ? 0x80 : 0
  let header: Buffer
  if (length < 126) {
    header = Buffer.from([firstByte, maskBit | length])
  } else if (length < 0x10000) {
    header = Buffer.alloc(4)
    header.writeUInt16BE(length, 2)
    header[1] = maskBit | 126
  } else {
    header = Buffer.alloc(10)
    header.writeBigUInt64BE(BigInt(length), 2)
    header[1] = maskBit | 127
  }
  header[0] = firstByte
  if (!masked) return Buffer.concat([header, payload])
  const mask = randomBytes(4)
  const body = Buffer.from(payload.map((byte, i) => byte ^ (mask[i % 4] ?? 0)))
  return Buffer.concat([header, mask, body])
}
