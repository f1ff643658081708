import { create } from 'zustand'
import type {
  ApiClient,
  CaptureSetInfo,
  ReplayResult,
  RunSettings,
  RunSource,
  RunSummary,
} from '../../../../shared/contract'
import { RunLog } from './run-log'

/** The results a run keeps on screen: every failure, and passes up to this many. */
export const SHOWN_PASSES = 500

export interface ActiveRun {
  /** The set's name (or "N captures"): the JUnit suite's and the export files' name. */
  name: string
  summary: RunSummary | null
  /** Failures first seen first, then passes, capped (the engine keeps every exchange). */
  results: ReplayResult[]
  hiddenPasses: number
  /** Every result, for the exports. */
  log: RunLog
  cancelling: boolean
  error: string | null
}

interface ReplayState {
  sets: CaptureSetInfo[]
  runs: RunSummary[]
  chosenSet: string | null
  run: ActiveRun | null
  loadSets: (api: ApiClient) => Promise<void>
  loadRuns: (api: ApiClient) => Promise<void>
  chooseSet: (name: string | null) => void
  /** Starts a run and follows its stream to the end; resolves when it finished or failed. */
  start: (api: ApiClient, source: RunSource, settings: RunSettings) => Promise<void>
  cancel: (api: ApiClient) => Promise<void>
}

/** Adds a result, keeping failures and the first passes so a 10,000-capture run stays light. */
export function addResult(run: ActiveRun, result: ReplayResult): ActiveRun {
  if (result.passed) {
    const passes = run.results.filter((r) => r.passed).length
    if (passes >= SHOWN_PASSES) return { ...run, hiddenPasses: run.hiddenPasses + 1 }
  }
  return { ...run, results: [...run.results, result] }
}

function runLabel(source: RunSource): string {
  return source.kind === 'captures' ? `${source.ids.length} captures` : 'fed captures'
}

export const useReplay = create<ReplayState>((set, get) => ({
  sets: [],
  runs: [],
  chosenSet: null,
  run: null,
  loadSets: async (api) => {
    const sets = await api.captures.sets()
    const chosen = get().chosenSet
    set({
      sets,
      chosenSet: chosen && sets.some((s) => s.name === chosen) ? chosen : (sets[0]?.name ?? null),
    })
  },
  loadRuns: async (api) => set({ runs: await api.replay.runs() }),
  chooseSet: (chosenSet) => set({ chosenSet }),
  start: async (api, source, settings) => {
    const log = new RunLog()
    set({
      run: {
        name: source.kind === 'set' ? source.name : runLabel(source),
        summary: null,
        results: [],
        hiddenPasses: 0,
        log,
        cancelling: false,
        error: null,
      },
    })
    const update = (change: (run: ActiveRun) => ActiveRun) =>
      set((s) => (s.run ? { run: change(s.run) } : {}))
    try {
      for await (const event of await api.replay.run({ source, settings })) {
        if (event.type === 'result') {
          log.add(event.result)
          update((run) => addResult({ ...run, summary: event.summary }, event.result))
        } else update((run) => ({ ...run, summary: event.summary }))
      }
    } catch (failure) {
      update((run) => ({
        ...run,
        error: failure instanceof Error ? failure.message : String(failure),
      }))
    } finally {
      update((run) => ({ ...run, cancelling: false }))
      await get()
        .loadRuns(api)
        .catch(() => undefined)
    }
  },
  cancel: async (api) => {
    const runId = get().run?.summary?.runId
    if (!runId) return
    set((s) => (s.run ? { run: { ...s.run, cancelling: true } } : {}))
    await api.replay.cancel({ runId })
  },
}))
