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
  /** Asked before a send to a real account with lint errors; null when nothing is asked. */
  question: string | null
  history: TestTicket[]
  cleanup: { done: number; total: number } | null
  cleanupReport: { deleted: number; failed: Array<{ ids: number[]; message: string }> } | null
  setPhase: (phase: SendPhase) => void
  setQuestion: (question: string | null) => void
  loadHistory: (api: ApiClient, profileId: string) => Promise<void>
  setCleanup: (progress: { done: number; total: number } | null) => void
  setCleanupReport: (report: TicketsState['cleanupReport']) => void
}

export const useTickets = create<TicketsState>()((set) => ({
  phase: { kind: 'idle' },
  question: null,
  history: [],
  cleanup: null,
  cleanupReport: null,
  setPhase: (phase) => set({ phase }),
  setQuestion: (question) => set({ question }),
  loadHistory: async (api, profileId) => set({ history: await api.tickets.history({ profileId }) }),
  setCleanup: (cleanup) => set({ cleanup }),
  setCleanupReport: (cleanupReport) => set({ cleanupReport }),
}))
