/** The only messages that cross the preload: the renderer hands main one MessagePort for the API. */
export const CONNECT_API_MESSAGE = 'bridgebench:connect-api'
export const API_PORT_CHANNEL = 'bridgebench:api-port'

/** What the preload exposes on `window.bridgebenchDesktop`: a marker, never a capability. */
export interface DesktopBridgeMarker {
  door: 'desktop'
}
