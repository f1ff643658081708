import type { Capture } from '../../shared/contract/captures'
import type { ExpectedDiff, ExpectedInput } from '../../shared/contract/diffs'
import type { HarExport, HarExportInput, HarImportResult } from '../../shared/contract/har'
import type { RawHeaders } from '../../shared/contract/raw-http'
import type { CaptureStore } from './captures/capture-store'
import type { ExchangeStore } from './captures/exchange-store'
import { exportRecords, importRecords, type HarRecordsDeps } from './captures/har-records'
import { DiffService, inThread, type DiffRunner } from './diff/diff-service'
import { expectedVsActual, type ExpectedDeps } from './diff/expected-vs-actual'
import { ReplayService } from './replay/replay-service'
import type { HttpClient } from './net/http-request'
import type { Sleep } from './net/retrying-send'
import { unsealCredentialHeaders } from './receiver/sealed-headers'
import type { Sandbox } from './simulators/sandbox'
import type { ProfileVault } from './vault/profile-vault'
import type { SecretCipher } from './vault/secret-cipher'
import type { ZendeskAuthorizer } from './zendesk/zendesk-authorizer'
import { PlaceholderRenderer } from './zendesk/placeholders/placeholder-renderer'

/** What the QA tools take from the engine. */
export interface QaToolsDeps {
  dataFolder: string
  version: string
  captures: CaptureStore
  exchanges: ExchangeStore
  http: HttpClient
  vault: ProfileVault
  zendeskAuth: ZendeskAuthorizer
  cipher: SecretCipher
  useProfile: (id?: string | null) => Promise<string>
  sandbox: () => Sandbox | undefined
  receiverBase: () => string | undefined
  signingSecret: (profileId: string) => string | undefined
  now: () => Date
  sleep?: Sleep
  /** Where diffs run (a worker pool, once one is wired); in this thread by default. */
  runDiff?: DiffRunner
}

/**
 * Diffs, replays and HAR/NDJSON interop over the engine's stores and profiles: the Exchanges and
 * Replay/QA screens and `bridgebench diff | replay | har` call these.
 */
export class QaTools {
  readonly diffs: DiffService
  readonly replays: ReplayService
  private readonly renderer = new PlaceholderRenderer()
  private readonly run: DiffRunner

  constructor(private readonly deps: QaToolsDeps) {
    this.run = deps.runDiff ?? inThread
    this.diffs = new DiffService({
      captures: deps.captures,
      exchanges: deps.exchanges,
      run: this.run,
    })
    this.replays = new ReplayService({
      http: deps.http,
      exchanges: deps.exchanges,
      captures: deps.captures,
      dataFolder: deps.dataFolder,
      now: deps.now,
      sleep: deps.sleep,
      signingSecret: deps.signingSecret,
      unsealed: (capture) => this.unsealed(capture),
      targets: {
        useProfile: (id) => deps.useProfile(id),
        brazeEndpoint: (id) => deps.vault.get(id).braze.endpoint,
        brazeKey: (id) => this.secret(id),
        receiverBase: deps.receiverBase,
      },
    })
  }

  expected(input: ExpectedInput): Promise<ExpectedDiff> {
    const deps: ExpectedDeps = {
      http: this.deps.http,
      capture: (id) => this.deps.captures.get(id),
      renderer: this.renderer,
      run: this.run,
      target: async (profileId) => {
        const id = await this.deps.useProfile(profileId)
        const profile = this.deps.vault.get(id)
        return {
          profileId: id,
          baseUrl: profile.zendesk.baseUrl,
          authorization: await this.deps.zendeskAuth.authorization(id),
          accountName: profile.name,
          accountId: 0,
        }
      },
      hints: (profileId, capture) => this.sandboxHints(profileId, capture),
    }
    return expectedVsActual(deps, input)
  }

  harExport(input: HarExportInput): Promise<HarExport> {
    return exportRecords(this.harDeps(), input)
  }

  harImport(input: { text: string; set?: string }): Promise<HarImportResult> {
    return importRecords(this.harDeps(), input)
  }

  private harDeps(): HarRecordsDeps {
    const { captures, exchanges, dataFolder, version, now } = this.deps
    return { captures, exchanges, dataFolder, version, now }
  }

  /** The Sandbox's invocation log says which ticket a delivery was for, and how it escapes. */
  private sandboxHints(profileId: string, capture: Capture) {
    const sandbox = this.deps.sandbox()
    if (profileId !== 'sandbox' || !sandbox) return {}
    const invocationId = capture.invocation.invocationId
    const invocation = sandbox.zendesk.invocations().find((view) => view.id === invocationId)
    return {
      ...(invocation?.ticketId ? { ticketId: invocation.ticketId } : {}),
      escaping: sandbox.zendesk.settings().placeholderEscaping,
    }
  }

  /**
   * The captured credentials, decrypted: only for a capture this inbox holds with the same
   * header lines (a set file's ciphertext is never decrypted on its word alone).
   */
  private async unsealed(capture: Capture): Promise<RawHeaders | undefined> {
    const stored = await this.deps.captures.get(capture.id)
    if (!stored || stored.sealedHeaders.length === 0) return undefined
    if (JSON.stringify(stored.request.headers) !== JSON.stringify(capture.request.headers))
      return undefined
    try {
      return unsealCredentialHeaders(
        { headers: stored.request.headers, sealedHeaders: stored.sealedHeaders },
        (cipherText) => this.deps.cipher.decrypt(cipherText),
      )
    } catch {
      return undefined
    }
  }

  private secret(profileId: string): string | undefined {
    try {
      return this.deps.vault.secret(profileId, 'brazeApiKey')
    } catch {
      return undefined
    }
  }
}
