import { create } from 'zustand'
import type {
  ApiClient,
  PlaceholderEscapingMode,
  SampleTicket,
  SetupPlan,
  SetupResult,
  TriggerConditionChoice,
  TriggerLintResult,
  TriggerRenderResult,
  TriggerSendResult,
} from '../../../../shared/contract'
import { errorText } from '../../api/error-text'

interface TriggerState {
  template: string
  escaping: PlaceholderEscapingMode
  samples: SampleTicket[]
  ticketKey: string | null
  result: TriggerRenderResult | null
  lint: TriggerLintResult | null
  sent: TriggerSendResult | null
  condition: TriggerConditionChoice
  destination: 'braze' | 'receiver'
  plan: SetupPlan | null
  setup: SetupResult | null
  busy: string | null
  error: string | null
  load: (api: ApiClient) => Promise<void>
  setTemplate: (template: string) => void
  setEscaping: (escaping: PlaceholderEscapingMode) => void
  selectTicket: (key: string) => void
  setCondition: (condition: TriggerConditionChoice) => void
  setDestination: (destination: 'braze' | 'receiver') => void
  /** Reads a ticket from the active profile's Zendesk and previews the body for it. */
  loadTicket: (api: ApiClient, ticketId: number) => Promise<void>
  render: (api: ApiClient) => Promise<void>
  runLint: (api: ApiClient) => Promise<void>
  send: (api: ApiClient) => Promise<void>
  showPlan: (api: ApiClient) => Promise<void>
  apply: (api: ApiClient) => Promise<void>
  undo: (api: ApiClient) => Promise<void>
}

/** The trigger-body screen: the body, the ticket it is previewed for, and what the engine said. */
export const useTriggerBody = create<TriggerState>()((set, get) => {
  const ticket = () => get().samples.find((s) => s.key === get().ticketKey)
  /** Runs one call, showing its name while it runs and its error if it fails. */
  const run = async (name: string, work: () => Promise<void>) => {
    set({ busy: name, error: null })
    try {
      await work()
    } catch (error) {
      set({ error: errorText(error) })
    } finally {
      set({ busy: null })
    }
  }
  const setupInput = () => ({
    template: get().template,
    condition: get().condition,
    destination: get().destination,
  })
  return {
    template: '',
    escaping: 'raw',
    samples: [],
    ticketKey: null,
    result: null,
    lint: null,
    sent: null,
    condition: 'solved-or-closed',
    destination: 'braze',
    plan: null,
    setup: null,
    busy: null,
    error: null,
    load: (api) =>
      run('load', async () => {
        const [template, samples] = await Promise.all([
          api.triggers.defaultTemplate(),
          api.triggers.samples({}),
        ])
        const preferred = samples.find((s) => s.source === 'sandbox') ?? samples[0]
        set({ template, samples, ticketKey: preferred?.key ?? null })
      }),
    setTemplate: (template) => set({ template }),
    setEscaping: (escaping) => set({ escaping }),
    selectTicket: (ticketKey) => set({ ticketKey }),
    setCondition: (condition) => set({ condition, plan: null }),
    setDestination: (destination) => set({ destination, plan: null }),
    loadTicket: (api, ticketId) =>
      run('load-ticket', async () => {
        const loaded = await api.triggers.loadTicket({ ticketId })
        set((state) => ({
          samples: [...state.samples.filter((s) => s.key !== loaded.key), loaded],
          ticketKey: loaded.key,
        }))
      }),
    render: async (api) => {
      const sample = ticket()
      if (!sample) return
      try {
        const result = await api.triggers.render({
          template: get().template,
          ticket: sample,
          escaping: get().escaping,
        })
        set({ result, error: null })
      } catch (error) {
        set({ error: errorText(error) })
      }
    },
    runLint: (api) =>
      run('lint', async () => {
        const lint = await api.triggers.lint({
          template: get().template,
          escaping: get().escaping,
          tickets: get().samples,
        })
        set({ lint })
      }),
    send: (api) =>
      run('send', async () => {
        const sample = ticket()
        if (!sample) return
        const sent = await api.triggers.send({
          template: get().template,
          ticket: sample,
          escaping: get().escaping,
        })
        set({ sent })
      }),
    showPlan: (api) =>
      run('plan', async () => set({ plan: await api.triggers.plan(setupInput()), setup: null })),
    apply: (api) =>
      run('apply', async () => {
        const setup = await api.triggers.apply(setupInput())
        set({ setup, plan: await api.triggers.plan(setupInput()) })
      }),
    undo: (api) =>
      run('undo', async () => {
        const setup = await api.triggers.undo({})
        set({ setup, plan: await api.triggers.plan(setupInput()) })
      }),
  }
})
