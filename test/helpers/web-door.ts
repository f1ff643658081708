import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { createORPCClient } from '@orpc/client'
import { RPCLink } from '@orpc/client/fetch'
import { RPCLink as SocketLink } from '@orpc/client/websocket'
import { afterEach } from 'vitest'
import { WebSocket } from 'ws'
import type { ApiClient } from '../../shared/contract'
import { rpcJsonSerializers } from '../../shared/contract/rpc-serializers'
import { ACCESS_TOKEN_HEADER, API_PATH, API_SOCKET_PATH } from '../../shared/web-access'
import type { Engine } from '../../main/core/engine'
import { startWebServer, type WebServer } from '../../main/web/server'
import { createTestEngine } from './engine'

/** A stand-in for out/renderer so server tests do not need a build. */
export function fakeRendererDir(root: string): string {
  const dir = path.join(root, 'renderer')
  mkdirSync(path.join(dir, 'assets'), { recursive: true })
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Bridgebench</title>')
  writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log("app")')
  writeFileSync(path.join(root, 'secret.txt'), 'outside the renderer')
  return dir
}

/** The API client a browser page would build: token header, and the Origin a page would send. */
export function browserApiClient(server: WebServer): ApiClient {
  return createORPCClient(
    new RPCLink({
      url: `${server.origin}${API_PATH}`,
      headers: { [ACCESS_TOKEN_HEADER]: server.token, origin: server.origin },
      customJsonSerializers: rpcJsonSerializers,
    }),
  )
}

/** Opens the page's API socket the way the renderer does (token in the query, our Origin). */
export function openApiSocket(
  server: WebServer,
  overrides: { token?: string; origin?: string } = {},
): WebSocket {
  const url = `ws://127.0.0.1:${server.port}${API_SOCKET_PATH}?token=${overrides.token ?? server.token}`
  return new WebSocket(url, { origin: overrides.origin ?? server.origin })
}

export function socketApiClient(socket: WebSocket): ApiClient {
  return createORPCClient(
    new SocketLink({ websocket: socket, customJsonSerializers: rpcJsonSerializers }),
  )
}

/** Resolves with the HTTP status of a refused handshake, or 101 when the socket opened. */
export function handshakeStatus(socket: WebSocket): Promise<number> {
  return new Promise((resolve) => {
    socket.once('open', () => {
      socket.close()
      resolve(101)
    })
    socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
    socket.once('error', () => resolve(0))
  })
}

export interface RunningDoor {
  server: WebServer
  engine: Engine
  rendererDir: string
  /** Every line the engine logged (instead of stderr). */
  logged: string[]
}

/**
 * Starts a browser door on a fresh engine and data folder for a test, and stops both after it.
 * Call once per describe; the returned function starts one door per test.
 */
export function useWebDoor(tempDir: () => string): () => Promise<RunningDoor> {
  // Every door a test started, not only its last: an engine left open holds its journal
  // segments open until GC closes them (Node's DEP0137 warning).
  const running: RunningDoor[] = []
  afterEach(async () => {
    for (const door of running.splice(0)) {
      await door.server.close()
      await door.engine.close()
    }
  })
  return async () => {
    const root = tempDir()
    const logged: string[] = []
    const engine = await createTestEngine(root, { log: (line) => logged.push(line) })
    const rendererDir = fakeRendererDir(root)
    const server = await startWebServer({ engine, rendererDir })
    const door = { server, engine, rendererDir, logged }
    running.push(door)
    return door
  }
}
