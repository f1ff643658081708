import { createServer, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'

export interface RawTcpServer {
  port: number
  url: string
  /** Every request as it arrived, byte for byte (request line, headers, body). */
  received: Buffer[]
  close: () => Promise<void>
}

/**
 * A plain TCP server that sees HTTP requests as bytes, with nothing parsed or normalised, and
 * answers with whatever `reply` writes to the socket (a raw response, half of one, nothing).
 * A request is complete when its headers have ended and Content-Length bytes followed.
 */
export async function startRawTcpServer(
  reply: (socket: Socket, request: Buffer) => void,
): Promise<RawTcpServer> {
  const received: Buffer[] = []
  const sockets = new Set<Socket>()
  const server = createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => undefined)
    let buffer = Buffer.alloc(0)
    let answered = false
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk])
      const end = buffer.indexOf('\r\n\r\n')
      if (answered || end < 0) return
      const head = buffer.subarray(0, end).toString('latin1')
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0)
      if (buffer.length < end + 4 + length) return
      answered = true
      received.push(buffer)
      reply(socket, buffer)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
