/**
 * Hop-by-hop header names (RFC 9110 §7.6.1, plus the non-standard Proxy-Connection that
 * clients still send), lower-case. They describe one connection, not the message: every proxy
 * and tunnel sets them anew, so they are never forwarded, passed on or compared. Each user adds
 * its own lines (Host, Content-Length, Expect…) beside these.
 */
export const HOP_BY_HOP_HEADERS: readonly string[] = [
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]
