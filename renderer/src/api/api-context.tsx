import { createContext, useContext, type ReactNode } from 'react'
import type { ApiClient } from '../../../shared/contract'

const ApiContext = createContext<ApiClient | undefined>(undefined)

export function ApiProvider({ api, children }: { api: ApiClient; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>
}

export function useApi(): ApiClient {
  const api = useContext(ApiContext)
  if (!api) throw new Error('useApi outside <ApiProvider>')
  return api
}
