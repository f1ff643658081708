import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { createORPCClient } from '@orpc/client'
import { RPCLink } from '@orpc/client/fetch'
import type { ApiClient } from '../../shared/contract'
import { ACCESS_TOKEN_HEADER, API_PATH } from '../../shared/web-access'
import type { WebServer } from '../../main/web/server'

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
    }),
  )
}
