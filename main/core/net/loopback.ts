import { isIP } from 'node:net'

/** 127.0.0.0/8, ::1 and localhost: the only hosts where plain http is acceptable. */
export function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  if (host === 'localhost') return true
  if (isIP(host) === 4) return host.startsWith('127.')
  return host === '::1'
}
