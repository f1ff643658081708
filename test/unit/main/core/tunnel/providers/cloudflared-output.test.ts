import { describe, expect, it } from 'vitest'
import {
  explainCloudflaredError,
  readCloudflaredLine,
} from '../../../../../../main/core/tunnel/providers/cloudflared-output'

describe("reading cloudflared's log lines", () => {
  it('finds the quick tunnel URL inside its box', () => {
    const line =
      '2026-11-30T10:00:00Z INF |  https://paper-lamp-quiet-river.trycloudflare.com       |'
    expect(readCloudflaredLine(line)).toEqual({
      url: 'https://paper-lamp-quiet-river.trycloudflare.com',
      registered: false,
    })
  })

  it('does not take the disclaimer’s links for the tunnel URL', () => {
    const line =
      '2026-11-30T10:00:00Z INF Requesting new quick Tunnel on trycloudflare.com... see https://developers.cloudflare.com/cloudflare-one/connections/connect-apps'
    expect(readCloudflaredLine(line).url).toBeUndefined()
  })

  it('recognises a registered connection, in the current and the older wording', () => {
    expect(
      readCloudflaredLine(
        '2026-11-30T10:00:01Z INF Registered tunnel connection connIndex=0 location=ams01',
      ).registered,
    ).toBe(true)
    expect(
      readCloudflaredLine('2021-07-15T20:11:29Z INF Connection 6a1f2e registered connIndex=0')
        .registered,
    ).toBe(true)
  })

  it('keeps the message of an error line without its time stamp', () => {
    expect(
      readCloudflaredLine('2026-11-30T10:00:00Z ERR failed to request quick Tunnel: timeout').error,
    ).toBe('failed to request quick Tunnel: timeout')
  })

  it('explains an unreachable trycloudflare.com', () => {
    expect(
      explainCloudflaredError('failed to request quick Tunnel: dial tcp: no such host'),
    ).toMatch(
      /could not get a quick tunnel from trycloudflare\.com .*Check the network or proxy, or pick another tunnel\./,
    )
  })
})
