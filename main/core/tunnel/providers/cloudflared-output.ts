/**
 * Reading cloudflared's log lines (it logs to stderr, one event a line, e.g.
 * `2026-11-30T10:00:00Z INF |  https://words-words.trycloudflare.com  |`).
 */

const QUICK_TUNNEL_URL = /https:\/\/[a-z0-9-]+\.trycloudflare\.com\b/i
/** "Registered tunnel connection connIndex=0 …" (current); "Connection <id> registered" (older). */
const REGISTERED = /Registered tunnel connection|Connection [\w-]+ registered/i
const LEVEL = /^\S+\s+(ERR|WRN|INF|DBG|FTL)\s+(.*)$/

export interface CloudflaredLine {
  url?: string
  registered: boolean
  /** The message of an ERR or FTL line, without its time stamp. */
  error?: string
}

export function readCloudflaredLine(line: string): CloudflaredLine {
  const url = QUICK_TUNNEL_URL.exec(line)?.[0]
  const level = LEVEL.exec(line.trim())
  const isError = level?.[1] === 'ERR' || level?.[1] === 'FTL'
  return {
    ...(url ? { url } : {}),
    registered: REGISTERED.test(line),
    ...(isError ? { error: (level?.[2] ?? line).trim() } : {}),
  }
}

/** A person's reading of why cloudflared failed, from its last error line. */
export function explainCloudflaredError(error: string | undefined): string {
  if (!error) return 'It printed no error.'
  if (/failed to request quick tunnel|trycloudflare/i.test(error)) {
    return `It could not get a quick tunnel from trycloudflare.com (${error}). Check the network or proxy, or pick another tunnel.`
  }
  if (/flag provided but not defined|unknown flag|Incorrect Usage/i.test(error)) {
    return `This cloudflared does not understand the options Bridgebench passes (${error}). Update cloudflared.`
  }
  return `Its last error: ${error}`
}
