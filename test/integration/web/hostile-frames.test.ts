import { request } from 'node:http'
import { describe, expect, it } from 'vitest'
import type { WebServer } from '../../../main/web/server'
import { MAX_API_MESSAGE_BYTES } from '../../../main/web/message-limit'
import { API_SOCKET_PATH } from '../../../shared/web-access'
import { frame, openRawWebSocket, type FrameOptions } from '../../helpers/raw-websocket'
import { useTempDir } from '../../helpers/temp-dir'
import {
  browserApiClient,
  openApiSocket,
  socketApiClient,
  useWebDoor,
} from '../../helpers/web-door'

const TEXT = 0x81

/** Each kind of frame a hostile page or script can send, and the close code RFC 6455 gives it. */
const MALFORMED: Array<{ kind: string; frame: FrameOptions; code: number }> = [
  {
    kind: 'a message over the size limit',
    frame: { firstByte: TEXT, payload: Buffer.alloc(0), declaredLength: MAX_API_MESSAGE_BYTES + 1 },
    code: 1009,
  },
  {
    kind: 'invalid UTF-8 in a text frame',
    frame: { firstByte: TEXT, payload: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) },
    code: 1007,
  },
  {
    kind: 'an unmasked frame',
    frame: { firstByte: TEXT, payload: Buffer.from('{}'), masked: false },
    code: 1002,
  },
  {
    kind: 'a reserved opcode',
    frame: { firstByte: 0x83, payload: Buffer.from('{}') },
    code: 1002,
  },
  {
    kind: 'RSV bits without an extension',
    frame: { firstByte: 0xc1, payload: Buffer.from('{}') },
    code: 1002,
  },
  {
    kind: 'a fragmented control frame',
    frame: { firstByte: 0x09, payload: Buffer.from('ping') },
    code: 1002,
  },
]

function pageStatus(server: WebServer): Promise<number> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port: server.port, path: '/' }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
      .on('error', reject)
      .end()
  })
}

describe('browser door: malformed WebSocket frames', () => {
  const start = useWebDoor(useTempDir())

  it.each(MALFORMED)(
    'closes the socket that sent $kind with $code and keeps serving',
    async (c) => {
      const { server: s, logged } = await start()
      const raw = await openRawWebSocket(s.port, `${API_SOCKET_PATH}?token=${s.token}`, {
        Host: `127.0.0.1:${s.port}`,
        Origin: s.origin,
      })
      raw.write(frame(c.frame))
      expect(await raw.closeCode()).toBe(c.code)
      raw.destroy()

      expect(await pageStatus(s)).toBe(200)
      await expect(browserApiClient(s).app.info()).resolves.toMatchObject({ name: 'Bridgebench' })
      const socket = openApiSocket(s)
      await expect(socketApiClient(socket).app.info()).resolves.toMatchObject({
        name: 'Bridgebench',
      })
      socket.close()
      expect(logged).toHaveLength(1)
      expect(logged[0]).toMatch(/page socket/i)
      expect(logged[0]).not.toContain(s.token)
    },
  )
})
