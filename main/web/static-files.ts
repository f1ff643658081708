import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
}

/**
 * Serves the built renderer. Unknown paths without an extension fall back to index.html so a
 * reload on any screen works; nothing outside `rootDir` is ever readable.
 */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  rootDir: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end()
    return
  }
  const file = await resolveFile(rootDir, new URL(req.url ?? '/', 'http://x').pathname)
  if (!file) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found')
    return
  }
  const ext = path.extname(file.path)
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
    'Content-Length': file.size,
    // Vite fingerprints assets; the page itself must always be fresh.
    'Cache-Control': ext === '.html' ? 'no-store' : 'public, max-age=31536000, immutable',
  })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  // pipeline, not pipe: a read error (file replaced, disk error) or a client that goes away must
  // close both ends, never leave an 'error' without a listener or an open file behind.
  await pipeline(createReadStream(file.path), res).catch(() => res.destroy())
}

async function resolveFile(rootDir: string, urlPath: string) {
  let relative: string
  try {
    relative = decodeURIComponent(urlPath)
  } catch {
    return undefined
  }
  const root = path.resolve(rootDir)
  const candidate = path.resolve(root, `.${path.posix.normalize(`/${relative}`)}`)
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return undefined
  const found = await fileInfo(candidate)
  if (found) return found
  if (path.extname(candidate) === '') return fileInfo(path.join(root, 'index.html'))
  return undefined
}

async function fileInfo(filePath: string) {
  try {
    const info = await stat(filePath)
    if (info.isDirectory()) return fileInfo(path.join(filePath, 'index.html'))
    return info.isFile() ? { path: filePath, size: info.size } : undefined
  } catch {
    return undefined
  }
}
