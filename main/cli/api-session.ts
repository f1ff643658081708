import { mkdir } from 'node:fs/promises'
import os from 'node:os'
import { createORPCClient, ORPCError } from '@orpc/client'
import { RPCLink } from '@orpc/client/fetch'
import { createRouterClient } from '@orpc/server'
import type { ApiClient } from '../../shared/contract'
import { ACCESS_TOKEN_HEADER, API_PATH } from '../../shared/web-access'
import { describeValidation } from '../api/handler-options'
import { router } from '../api/router'
import { resolveDataFolder } from '../core/app-paths'
import type { Engine } from '../core/engine'
import {
  claimDataFolder,
  DataFolderHeldError,
  liveInstance,
  type InstanceRecord,
} from '../core/instance/instance-file'
import { CliFailure, EXIT, type CliIo } from './cli-io'
import { createNodeEngine } from './node-engine'

/** The typed API a command calls: the running app's, or a private engine's in this process. */
export interface ApiSession {
  api: ApiClient
  /** The instance this command attached to; undefined when it owns a private engine. */
  attachedTo: InstanceRecord | undefined
  dataFolder: string
  close(): Promise<void>
}

export interface SessionOptions {
  /** Never attach: own a private engine (CI). The folder must not be held by another engine. */
  standalone?: boolean
}

/**
 * Every command calls the same contract operations as the UI. When an app or `serve` already
 * holds the data folder, the command attaches to it over its API (so a ticket sent here shows
 * in the open app, in its Sandbox); otherwise it claims the folder and runs an engine itself.
 */
export async function openApiSession(io: CliIo, options: SessionOptions = {}): Promise<ApiSession> {
  const dataFolder = resolveDataFolder({
    env: io.env,
    platform: process.platform,
    homedir: os.homedir(),
  })
  const holder = await liveInstance(dataFolder)
  if (holder?.apiUrl && holder.token && !options.standalone) {
    const api = attach(holder.apiUrl, holder.token)
    await unlockIfAsked(api, io.env)
    return { api, attachedTo: holder, dataFolder, close: () => Promise.resolve() }
  }
  const { engine, release } = await ownEngine(io, 'cli')
  return {
    api: inProcessClient(engine),
    attachedTo: undefined,
    dataFolder,
    close: async () => {
      try {
        await engine.close()
      } finally {
        await release()
      }
    },
  }
}

/**
 * Claims the data folder and starts an engine on it; `serve` and private CLI runs use it.
 * A folder another engine holds is refused with its name (exit 1).
 */
export async function ownEngine(
  io: CliIo,
  door: 'browser' | 'cli',
): Promise<{
  engine: Engine
  publish: (api: { apiUrl: string; token: string }) => Promise<void>
  release: () => Promise<void>
}> {
  const dataFolder = resolveDataFolder({
    env: io.env,
    platform: process.platform,
    homedir: os.homedir(),
  })
  await mkdir(dataFolder, { recursive: true, mode: 0o700 })
  let claim
  try {
    claim = await claimDataFolder(dataFolder, {
      door,
      version: __BRIDGEBENCH_VERSION__,
      now: () => new Date(),
    })
  } catch (error) {
    if (error instanceof DataFolderHeldError) throw new CliFailure(error.message, EXIT.failure)
    throw error
  }
  try {
    const engine = await createNodeEngine(io.env, door)
    return { engine, publish: (api) => claim.publish(api), release: () => claim.release() }
  } catch (error) {
    await claim.release()
    throw error
  }
}

function inProcessClient(engine: Engine): ApiClient {
  return createRouterClient(router, {
    context: { engine },
    interceptors: [describeValidation],
  })
}

function attach(apiUrl: string, token: string): ApiClient {
  const link = new RPCLink({
    url: `${apiUrl}${API_PATH}`,
    // The API answers only its own origin with the per-launch token (main/web/access-guard.ts).
    headers: { [ACCESS_TOKEN_HEADER]: token, origin: apiUrl },
  })
  return createORPCClient(link)
}

/** With BRIDGEBENCH_PASSPHRASE set, a locked running app is unlocked as a private engine would be. */
async function unlockIfAsked(api: ApiClient, env: NodeJS.ProcessEnv): Promise<void> {
  const passphrase = env.BRIDGEBENCH_PASSPHRASE
  if (!passphrase) return
  const info = await api.app.info()
  if (info.secretStorage.backend === 'passphrase' && info.secretStorage.locked) {
    await api.vault.unlock({ passphrase })
  }
}

/** Error names from the engine that mean the user asked for something that does not exist. */
const USAGE_ERRORS = new Set([
  'UserNotFoundError',
  'PresetNotFoundError',
  'ProfileNotFoundError',
  'TemplateNotFoundError',
])

/** An API error as the CLI reports it: the engine's message once, and the right exit code. */
export function cliFailureFrom(error: unknown): CliFailure {
  if (error instanceof CliFailure) return error
  if (error instanceof ORPCError) {
    const kind = (error.data as { kind?: unknown } | undefined)?.kind
    const issues = (error.data as { issues?: unknown } | undefined)?.issues
    const usage = (typeof kind === 'string' && USAGE_ERRORS.has(kind)) || issues !== undefined
    return new CliFailure(error.message, usage ? EXIT.usage : EXIT.failure)
  }
  if (error instanceof Error && USAGE_ERRORS.has(error.name)) {
    return new CliFailure(error.message, EXIT.usage)
  }
  if (error instanceof TypeError && /fetch failed/.test(error.message)) {
    return new CliFailure(
      'The running Bridgebench stopped answering while this command ran; start it again, or use --standalone.',
      EXIT.failure,
    )
  }
  return new CliFailure(error instanceof Error ? error.message : String(error), EXIT.failure)
}
