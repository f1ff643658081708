import { symlinkSync } from 'node:fs'
import { request } from 'node:http'
import { connect } from 'node:net'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { WebServer } from '../../../main/web/server'
import { API_SOCKET_PATH } from '../../../shared/web-access'
import { useTempDir } from '../../helpers/temp-dir'
import { browserApiClient, useWebDoor } from '../../helpers/web-door'

function get(server: WebServer, urlPath: string): Promise<{ status: number; complete: boolean }> {
  return new Promise((resolve) => {
    request({ host: '127.0.0.1', port: server.port, path: urlPath }, (res) => {
      res.on('error', () => resolve({ status: res.statusCode ?? 0, complete: false }))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, complete: res.complete }))
      res.resume()
    })
      .on('error', () => resolve({ status: 0, complete: false }))
      .end()
  })
}

/** Sends a handshake and resets the connection at once, before the server answers it. */
function upgradeAndReset(server: WebServer, urlPath: string, origin: string): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(server.port, '127.0.0.1', () => {
      socket.write(
        [
          `GET ${urlPath} HTTP/1.1`,
          `Host: 127.0.0.1:${server.port}`,
          `Origin: ${origin}`,
          'Connection: Upgrade',
          'Upgrade: websocket',
          'Sec-WebSocket-Version: 13',
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
          '',
          '',
        ].join('\r\n'),
      )
      socket.resetAndDestroy()
      setTimeout(resolve, 10)
    })
    socket.on('error', () => undefined)
  })
}

describe('browser door: connections that break', () => {
  const start = useWebDoor(useTempDir())

  it('keeps serving when clients reset during handshakes it refuses', async () => {
    const { server: s } = await start()
    const refused = [
      { path: `${API_SOCKET_PATH}?token=wrong`, origin: s.origin },
      { path: `${API_SOCKET_PATH}?token=${s.token}`, origin: 'https://evil.example' },
      { path: '/somewhere-else', origin: s.origin },
    ]
    for (let round = 0; round < 10; round++) {
      for (const handshake of refused) await upgradeAndReset(s, handshake.path, handshake.origin)
    }
    expect((await get(s, '/')).status).toBe(200)
    await expect(browserApiClient(s).app.info()).resolves.toMatchObject({ name: 'Bridgebench' })
  })

  it.runIf(process.platform === 'linux')(
    'cuts a static file off when reading it fails and keeps serving',
    async () => {
      const { server: s, rendererDir } = await start()
      // A "file" that stats as regular but fails on read (EIO), like a disk error mid-serve.
      symlinkSync('/proc/self/mem', path.join(rendererDir, 'assets', 'unreadable.js'))
      expect((await get(s, '/assets/unreadable.js')).complete).toBe(false)
      expect(await get(s, '/')).toEqual({ status: 200, complete: true })
    },
  )
})
