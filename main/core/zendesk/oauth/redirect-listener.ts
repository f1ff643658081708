import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RedirectListener {
  redirectUri: string
  /** Resolves with the authorization code once the browser comes back with the right state. */
  code: Promise<string>
  close: () => Promise<void>
}

export const CALLBACK_PATH = '/oauth/callback'

const page = (title: string, text: string) =>
  `<!doctype html><meta charset="utf-8"><title>${title}</title>` +
  `<body style="font:15px system-ui;margin:15vh auto;max-width:34em"><h1>${title}</h1><p>${text}</p>`

/**
 * The loopback end of the authorization-code flow (RFC 8252 §7.3): a one-shot server on
 * 127.0.0.1 that accepts exactly one callback carrying our `state`; anything else is refused.
 */
export async function startRedirectListener(options: {
  state: string
  port?: number
  timeoutMs?: number
}): Promise<RedirectListener> {
  let settle: { resolve: (code: string) => void; reject: (error: Error) => void } | undefined
  const code = new Promise<string>((resolve, reject) => (settle = { resolve, reject }))
  // Avoid an unhandled rejection when nobody is waiting yet; callers still see it.
  code.catch(() => undefined)

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname !== CALLBACK_PATH) {
      res.writeHead(404).end()
      return
    }
    const send = (status: number, title: string, text: string) =>
      res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' }).end(page(title, text))
    if (url.searchParams.get('state') !== options.state) {
      send(
        400,
        'Sign-in refused',
        'This response does not belong to the sign-in Bridgebench started.',
      )
      return
    }
    const error = url.searchParams.get('error')
    if (error) {
      const description = url.searchParams.get('error_description') ?? error
      send(400, 'Sign-in not completed', `Zendesk said: ${description}. You can close this tab.`)
      settle?.reject(new Error(`Zendesk did not authorize Bridgebench: ${description} (${error}).`))
      return
    }
    const received = url.searchParams.get('code')
    if (!received) {
      send(400, 'Sign-in refused', 'The response carried no authorization code.')
      return
    }
    send(200, 'Signed in', 'Bridgebench received the authorization. You can close this tab.')
    settle?.resolve(received)
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const timer = setTimeout(
    () =>
      settle?.reject(
        new Error('Sign-in timed out: no answer came back from the browser. Start again.'),
      ),
    options.timeoutMs ?? 5 * 60_000,
  )
  const { port } = server.address() as AddressInfo
  return {
    redirectUri: `http://127.0.0.1:${port}${CALLBACK_PATH}`,
    code,
    close: () =>
      new Promise((resolve) => {
        clearTimeout(timer)
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
