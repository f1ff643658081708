import { beforeEach, describe, expect, it, vi } from 'vitest'
import { electronMock } from '../../../helpers/electron-mock'

vi.mock('electron', () => electronMock())
const electron = await import('electron')
const { guardWebContents, installWebContentsGuards } =
  await import('../../../../main/desktop/web-contents-guard')

type Handler = (...args: unknown[]) => unknown

function fakeContents() {
  const handlers = new Map<string, Handler>()
  let openHandler: Handler = () => undefined
  return {
    on: vi.fn((name: string, handler: Handler) => handlers.set(name, handler)),
    setWindowOpenHandler: vi.fn((handler: Handler) => (openHandler = handler)),
    fire: (name: string, ...args: unknown[]) => handlers.get(name)?.(...args),
    open: (url: string) => openHandler({ url }),
  }
}

describe('web contents guard', () => {
  beforeEach(() => vi.clearAllMocks())

  it('denies every permission request and check', () => {
    installWebContentsGuards()
    const session = electron.session.defaultSession
    const request = vi.mocked(session.setPermissionRequestHandler).mock.calls[0]?.[0]
    const callback = vi.fn()
    request?.({} as never, 'media', callback, {} as never)
    expect(callback).toHaveBeenCalledWith(false)
    const check = vi.mocked(session.setPermissionCheckHandler).mock.calls[0]?.[0]
    expect(check?.({} as never, 'notifications', '', {} as never)).toBe(false)
  })

  it('guards every web contents the app creates', () => {
    installWebContentsGuards()
    expect(electron.app.on).toHaveBeenCalledWith('web-contents-created', expect.any(Function))
  })

  it('blocks navigation and sends web links to the OS browser instead', () => {
    const contents = fakeContents()
    guardWebContents(contents as never)
    const event = { preventDefault: vi.fn() }
    contents.fire('will-navigate', event, 'https://support.zendesk.com/')
    expect(event.preventDefault).toHaveBeenCalled()
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://support.zendesk.com/')
  })

  it('never opens file: or javascript: links externally', () => {
    const contents = fakeContents()
    guardWebContents(contents as never)
    contents.fire('will-navigate', { preventDefault: vi.fn() }, 'file:///etc/passwd')
    expect(contents.open('javascript:alert(1)')).toEqual({ action: 'deny' })
    expect(electron.shell.openExternal).not.toHaveBeenCalled()
  })

  it('denies new windows', () => {
    const contents = fakeContents()
    guardWebContents(contents as never)
    expect(contents.open('https://braze.com/docs')).toEqual({ action: 'deny' })
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://braze.com/docs')
  })

  it('blocks <webview> attachment and redirects', () => {
    const contents = fakeContents()
    guardWebContents(contents as never)
    const attach = { preventDefault: vi.fn() }
    const redirect = { preventDefault: vi.fn() }
    contents.fire('will-attach-webview', attach)
    contents.fire('will-redirect', redirect)
    expect(attach.preventDefault).toHaveBeenCalled()
    expect(redirect.preventDefault).toHaveBeenCalled()
  })
})
