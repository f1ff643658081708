import { randomBytes } from 'node:crypto'
import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http'
import {
  createServer as createTcpServer,
  type AddressInfo,
  type Server,
  type Socket,
} from 'node:net'

interface Client {
  id: string
  listener: Server
  sockets: Set<Socket>
  idle: Socket[]
  waiting: ((socket: Socket) => void)[]
  agent: Agent
}

export interface LoopbackLocaltunnelOptions {
  /** `max_conn_count` handed to clients. */
  maxConn?: number
  /**
   * `parsed` re-issues each request from Node's parsed headers (lower-cased, repeats merged) and
   * adds X-Forwarded-For/-Proto, as localtunnel's server behind its proxy does; `raw` passes the
   * raw header lines on, to check that the client itself changes nothing.
   */
  headers?: 'parsed' | 'raw'
}

/**
 * A localtunnel server on 127.0.0.1 for tests: `GET /?new` or `/{subdomain}` grants a tunnel
 * (its own TCP port for the client's sockets); a request whose Host is `{id}.localhost:{port}`
 * is sent down one of that client's sockets. `*.localhost` does not resolve here: connect to
 * 127.0.0.1 and set the Host header.
 */
export async function startLoopbackLocaltunnelServer(options: LoopbackLocaltunnelOptions = {}) {
  const clients = new Map<string, Client>()
  const maxConn = options.maxConn ?? 2

  async function grant(id: string): Promise<Client> {
    const client: Client = {
      id,
      listener: createTcpServer(),
      sockets: new Set(),
      idle: [],
      waiting: [],
      agent: new Agent({ keepAlive: true }),
    }
    client.listener.on('connection', (socket) => {
      client.sockets.add(socket)
      socket.once('close', () => client.sockets.delete(socket))
      socket.on('error', () => undefined)
      const next = client.waiting.shift()
      if (next) next(socket)
      else client.idle.push(socket)
    })
    // As localtunnel's server does: the agent's new connections are the client's sockets.
    Object.assign(client.agent, {
      createConnection: (_options: unknown, done: (error: Error | null, s?: Socket) => void) => {
        const ready = client.idle.filter((s) => !s.destroyed)
        client.idle = ready
        const socket = client.idle.shift()
        if (socket) done(null, socket)
        else client.waiting.push((s) => done(null, s))
      },
    })
    await new Promise<void>((resolve) => client.listener.listen(0, '127.0.0.1', resolve))
    clients.set(id, client)
    return client
  }

  function forward(client: Client, req: IncomingMessage, res: ServerResponse) {
    const headers =
      options.headers === 'raw'
        ? req.rawHeaders
        : {
            ...req.headers,
            'x-forwarded-for': req.socket.remoteAddress,
            'x-forwarded-proto': 'http',
          }
    const upstream = request(
      { agent: client.agent, method: req.method, path: req.url, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      },
    )
    upstream.on('error', () => res.writeHead(502).end('tunnel socket failed'))
    req.pipe(upstream)
  }

  const server = createServer((req, res) => {
    const host = req.headers.host ?? ''
    const sub = /^([a-z0-9-]+)\.localhost(:\d+)?$/.exec(host)?.[1]
    if (sub) {
      const client = clients.get(sub)
      if (client) forward(client, req, res)
      else res.writeHead(404).end(`no tunnel ${sub}`)
      return
    }
    const asked = req.url === '/?new' ? randomBytes(4).toString('hex') : req.url?.slice(1)
    if (!asked || !/^[a-z0-9-]{4,63}$/.test(asked)) {
      res.writeHead(403, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ message: 'Invalid subdomain.' }))
      return
    }
    void grant(asked).then((client) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({
          id: client.id,
          port: (client.listener.address() as AddressInfo).port,
          max_conn_count: maxConn,
          url: `http://${client.id}.localhost:${port}`,
        }),
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port

  /** Forgets a tunnel as a restarted server would: its sockets cut, its port closed. */
  function dropClient(id: string) {
    const client = clients.get(id)
    if (!client) return
    clients.delete(id)
    client.listener.close()
    client.agent.destroy()
    for (const socket of client.sockets) socket.destroy()
  }

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    clients,
    dropClient,
    close: async () => {
      for (const id of [...clients.keys()]) dropClient(id)
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
