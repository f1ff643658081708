import { create } from 'zustand'
import type {
  ApiClient,
  RetryReason,
  SendTicketResult,
  TestTicket,
} from '../../../../shared/contract'

export type SendPhase =
  | { kind: 'idle' }
  | { kind: 'sending'; attempt: number }
  | { kind: 'waiting'; attempt: number; until: number; reason: RetryReason }
  | { kind: 'not-sent'; message: string }
  | { kind: 'done'; result: SendTicketResult }
  | { kind: 'failed'; message: string }

interface TicketsState {
  phase: SendPhase
  history: TestTicket[]
  cleanup: { done: number; total: number } | null
  cleanupReport: { deleted: number; failed: Array<{ ids: number[]; message: string }> } | null
  setPhase: (phase: SendPhase) => void
  loadHistory: (api: ApiClient, profileId: string) => Promise<void>
  setCleanup: (progress: { done: number; total: number } | null) => void
  setCleanupReport: (report: TicketsState['cleanupReport']) => void
}

export const useTickets = create<TicketsState>()((set) => ({
  phase: { kind: 'idle' },
  history: [],
  cleanup: null,
  cleanupReport: null,
  setPhase: (phase) => set({ phase }),
  loadHistory: async (api, profileId) => set({ history: await api.tickets.history({ profileId }) }),
  setCleanup: (cleanup) => set({ cleanup }),
  setCleanupReport: (cleanupReport) => set({ cleanupReport }),
}))
