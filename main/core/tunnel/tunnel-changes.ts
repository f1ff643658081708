import type { RawHeaders } from '../../../shared/contract/raw-http'
import type { TunnelChanges } from '../../../shared/contract/tunnel'
import type { ProbeRequest } from './probe-request'
import { HOP_BY_HOP_HEADERS } from '../net/hop-by-hop'

/** What the receiver saw of the probe (its self-test hook reports this). */
export interface Arrival {
  method: string
  /** Path and query as received. */
  path: string
  rawHeaders: RawHeaders
  body: Buffer
  remoteAddress: string
}

/** Every proxy may set hop-by-hop headers anew: their changes say nothing about the tunnel. */
const HOP_BY_HOP = new Set(HOP_BY_HOP_HEADERS)

interface HeaderGroup {
  names: string[]
  values: string[]
}

function group(headers: RawHeaders): Map<string, HeaderGroup> {
  const groups = new Map<string, HeaderGroup>()
  for (const [name, value] of headers) {
    const key = name.toLowerCase()
    if (HOP_BY_HOP.has(key)) continue
    const entry = groups.get(key) ?? { names: [], values: [] }
    entry.names.push(name)
    entry.values.push(value)
    groups.set(key, entry)
  }
  return groups
}

function firstDifference(a: Buffer, b: Buffer): number | null {
  const shorter = Math.min(a.length, b.length)
  for (let i = 0; i < shorter; i++) if (a[i] !== b[i]) return i
  return a.length === b.length ? null : shorter
}

/** Compares the probe as sent with what arrived at the receiver. */
export function compareProbe(sent: ProbeRequest, arrival: Arrival): TunnelChanges {
  const before = group(sent.rawHeaders)
  const after = group(arrival.rawHeaders)
  const sentHost = before.get('host')?.values[0] ?? ''
  const arrivedHost = after.get('host')?.values[0] ?? null
  const sentPath = new URL(sent.url).pathname
  const changes: TunnelChanges = {
    host: arrivedHost === sentHost ? null : { sent: sentHost, arrived: arrivedHost },
    path: arrival.path === sentPath ? null : { sent: sentPath, arrived: arrival.path },
    added: [],
    removed: [],
    caseChanged: [],
    mergedDuplicates: [],
    body: {
      changed: !sent.body.equals(arrival.body),
      sentBytes: sent.body.length,
      arrivedBytes: arrival.body.length,
      firstDifferenceAt: firstDifference(sent.body, arrival.body),
    },
    remoteAddress: arrival.remoteAddress,
    forwardedFor: after.get('x-forwarded-for')?.values.join(', ') ?? null,
  }
  for (const [name, value] of arrival.rawHeaders) {
    const key = name.toLowerCase()
    if (!HOP_BY_HOP.has(key) && !before.has(key)) changes.added.push([name, value])
  }
  for (const [key, sentGroup] of before) {
    const arrived = after.get(key)
    const sentName = sentGroup.names[0] as string
    if (!arrived) {
      changes.removed.push(sentName)
      continue
    }
    if (!arrived.names.includes(sentName)) {
      changes.caseChanged.push({ sent: sentName, arrived: arrived.names[0] as string })
    }
    if (sentGroup.values.length > 1 && arrived.values.length < sentGroup.values.length) {
      changes.mergedDuplicates.push({
        name: sentName,
        sent: sentGroup.values,
        arrived: arrived.values,
      })
    }
  }
  return changes
}

/** The changes as short sentences, most important first. */
export function summarizeChanges(changes: TunnelChanges): string[] {
  const lines: string[] = []
  const { body } = changes
  lines.push(
    body.changed
      ? `Body changed on the way: ${body.sentBytes} bytes sent, ${body.arrivedBytes} arrived, first difference at byte ${body.firstDifferenceAt}. Signatures over it will not verify.`
      : `Body arrived byte for byte (${body.sentBytes} bytes, including non-UTF-8 bytes).`,
  )
  if (changes.host)
    lines.push(`Host rewritten: ${changes.host.sent} → ${changes.host.arrived ?? '(none)'}.`)
  else lines.push('Host kept.')
  if (changes.path) lines.push(`Path changed: ${changes.path.sent} → ${changes.path.arrived}.`)
  if (changes.added.length > 0)
    lines.push(`Headers added: ${[...new Set(changes.added.map(([name]) => name))].join(', ')}.`)
  if (changes.removed.length > 0) lines.push(`Headers removed: ${changes.removed.join(', ')}.`)
  lines.push(
    changes.caseChanged.length > 0
      ? `Header case changed: ${changes.caseChanged.map((c) => `${c.sent} → ${c.arrived}`).join(', ')}.`
      : 'Header case kept.',
  )
  lines.push(
    changes.mergedDuplicates.length > 0
      ? `Repeated headers merged: ${changes.mergedDuplicates.map((m) => `${m.name} (${m.sent.length} lines → ${m.arrived.length})`).join(', ')}.`
      : 'Repeated headers kept as separate lines.',
  )
  return lines
}
