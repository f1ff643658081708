import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ACCESS_TOKEN_HEADER, API_PATH } from '../../shared/web-access'
import { startWebServer } from '../../main/web/server'
import { createTestEngine } from '../../test/helpers/engine'
import { closeServer, requestsServed, startEchoServer, type Benchmark } from '../harness'

/**
 * `app.info` through the browser door (token and Origin checks, oRPC decoding, zod output
 * validation) against a bare node:http JSON echo on the same machine, in the same run: one
 * client making round trips one after another, as the UI does. With ten connections, a starved
 * process (other processes holding the CPU) answers many queued requests per event-loop turn,
 * which cheapens the echo's requests more than the door's: the ratio then fell from about 0.30
 * to 0.25 at load 12 on 2 cores, where one connection kept it at 0.29–0.30.
 */
export const apiRoundTrip: Benchmark = {
  name: 'api-roundtrip',
  async setup({ duration }) {
    const home = mkdtempSync(path.join(os.tmpdir(), 'bridgebench-bench-'))
    const engine = await createTestEngine(home)
    const door = await startWebServer({ engine, rendererDir: home })
    const echo = await startEchoServer()
    const body = '{}'
    return {
      comparisons: [
        {
          name: 'api round-trip (app.info over the browser door) vs bare node:http echo',
          unit: 'req/CPU-s',
          target: 0.25,
          // Two seconds per side and round; its rounds spread most under load, so nine of them.
          minRounds: 9,
          baseline: () =>
            requestsServed({ url: echo.url, method: 'POST', body, duration, connections: 1 }),
          subject: () =>
            requestsServed({
              url: `${door.origin}${API_PATH}/app/info`,
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                origin: door.origin,
                [ACCESS_TOKEN_HEADER]: door.token,
              },
              body,
              duration,
              connections: 1,
            }),
        },
      ],
      async close() {
        await door.close()
        await closeServer(echo.server)
        await engine.close()
        rmSync(home, { recursive: true, force: true })
      },
    }
  },
}
