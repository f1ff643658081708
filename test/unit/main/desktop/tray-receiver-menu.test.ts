import { describe, expect, it } from 'vitest'
import type { ReceiverStatus } from '../../../../shared/contract'
import { buildReceiverMenu, recentCaptureLabel } from '../../../../main/desktop/tray-receiver-menu'
import { captureSummary } from '../../../helpers/capture-summary'
import { trayActions } from '../../../helpers/tray-actions'

const stopped: ReceiverStatus = {
  receiver: { state: 'stopped', url: null, port: null, error: null },
  tunnel: { state: 'stopped' },
  publicUrl: null,
  captures: 0,
}
const online: ReceiverStatus = {
  receiver: { state: 'running', url: 'http://127.0.0.1:8787', port: 8787, error: null },
  tunnel: {
    state: 'online',
    transport: 'cloudflared',
    publicUrl: 'https://quiet-fox.trycloudflare.com',
    since: '2026-11-30T06:00:00.000Z',
  },
  publicUrl: 'https://quiet-fox.trycloudflare.com',
  captures: 1,
}
const summary = captureSummary({
  receivedAt: '2026-11-30T06:41:02.123456Z',
  parseOk: false,
  verdict: 'invalid',
})

type Item = { label?: string; enabled?: boolean; click?: () => void; submenu?: Item[] }
const find = (menu: Item[], label: RegExp) => menu.find((item) => label.test(item.label ?? ''))

describe('buildReceiverMenu', () => {
  it('offers Start while the receiver is stopped, wired to start it', () => {
    const act = trayActions()
    const menu = buildReceiverMenu({ status: stopped, recent: [] }, act) as Item[]
    expect(find(menu, /Stop receiver/)).toBeUndefined()
    find(menu, /^Start receiver$/)?.click?.()
    expect(act.startReceiver).toHaveBeenCalled()
  })

  it('offers Stop while the receiver runs, wired to stop it', () => {
    const act = trayActions()
    const menu = buildReceiverMenu({ status: online, recent: [] }, act) as Item[]
    expect(find(menu, /Start receiver/)).toBeUndefined()
    find(menu, /^Stop receiver$/)?.click?.()
    expect(act.stopReceiver).toHaveBeenCalled()
  })

  it('copies the tunnel URL when a tunnel is online', () => {
    const act = trayActions()
    const menu = buildReceiverMenu({ status: online, recent: [] }, act) as Item[]
    const copy = find(menu, /^Copy public URL$/)
    expect(copy?.enabled).toBe(true)
    copy?.click?.()
    expect(act.copyPublicUrl).toHaveBeenCalledWith('https://quiet-fox.trycloudflare.com')
  })

  it('greys out Copy public URL and says why when no tunnel is online', () => {
    const menu = buildReceiverMenu({ status: stopped, recent: [] }, trayActions()) as Item[]
    expect(find(menu, /Copy public URL/)).toMatchObject({
      label: 'Copy public URL (no tunnel online)',
      enabled: false,
    })
  })

  it('lists recent captures, each opening in the Inbox', () => {
    const act = trayActions()
    const menu = buildReceiverMenu({ status: online, recent: [summary] }, act) as Item[]
    const items = find(menu, /Recent captures/)?.submenu ?? []
    expect(items).toHaveLength(1)
    expect(items[0]?.label).toMatch(/POST \/hooks\/braze — invalid, parse error$/)
    items[0]?.click?.()
    expect(act.openCapture).toHaveBeenCalledWith(summary.id)
  })

  it('says nothing was captured yet instead of an empty submenu', () => {
    const menu = buildReceiverMenu({ status: online, recent: [] }, trayActions()) as Item[]
    expect(find(menu, /Recent captures/)?.submenu).toEqual([
      { label: 'Nothing captured yet', enabled: false },
    ])
  })
})

describe('recentCaptureLabel', () => {
  it('starts with the local time of arrival, to the second', () => {
    const local = new Date(summary.receivedAt).toLocaleTimeString([], { hour12: false })
    expect(recentCaptureLabel(summary).startsWith(`${local} POST`)).toBe(true)
  })
})
