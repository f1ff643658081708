import path from 'node:path'
import type { Command } from 'commander'
import { startWebServer } from '../../web/server'
import { CliFailure, EXIT, printJson, printLine, type CliIo } from '../cli-io'
import { ownEngine } from '../api-session'
import { openInBrowser } from '../open-browser'
import { parsePort } from '../parse-options'

interface ServeOptions {
  port: number
  host: string
  allowRemote: boolean
  open: boolean
  json: boolean
}

export function rendererDirFor(env: NodeJS.ProcessEnv): string {
  // Built layout: out/main/cli.js beside out/renderer/.
  return env.BRIDGEBENCH_RENDERER_DIR ?? path.join(import.meta.dirname, '..', 'renderer')
}

export function registerServe(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description(
      'Run the app in your browser: the UI and its API on 127.0.0.1 with an access token',
    )
    .option('-p, --port <port>', 'port to listen on (0 = any free port)', parsePort, 0)
    .option('--host <address>', 'address to bind', '127.0.0.1')
    .option('--allow-remote', 'allow binding an address other machines can reach', false)
    .option('--open', 'open the page in your browser', false)
    .option('--json', 'print one JSON line {"url": …} when ready', false)
    .action(async (options: ServeOptions) => {
      const { engine, publish, release } = await ownEngine(io, 'browser')
      let server
      try {
        server = await startWebServer({
          engine,
          rendererDir: rendererDirFor(io.env),
          host: options.host,
          port: options.port,
          allowRemote: options.allowRemote,
        })
        // Other bridgebench commands on this data folder attach to this engine through it.
        await publish({ apiUrl: server.origin, token: server.token })
      } catch (error) {
        await engine.close()
        await release()
        throw new CliFailure(error instanceof Error ? error.message : String(error), EXIT.failure)
      }
      for (const warning of server.warnings) printLine(io.stderr, `Warning: ${warning}`)
      if (options.json) {
        printJson(io.stdout, { url: server.url, dataFolder: engine.dataFolder })
      } else {
        printLine(io.stdout, `Bridgebench ${engine.info().version} is running in browser mode.`)
        printLine(io.stdout, `  Open:  ${server.url}`)
        printLine(io.stdout, `  Data:  ${engine.dataFolder}`)
        printLine(io.stdout, 'Press Ctrl+C to stop.')
      }
      if (options.open && !openInBrowser(server.url, io.env)) {
        printLine(io.stderr, 'No display found to open a browser: open the URL above yourself.')
      }
      await io.untilStopped()
      try {
        await server.close()
        await engine.close()
      } finally {
        await release()
      }
    })
}
