import { contextBridge, ipcRenderer } from 'electron'
import {
  API_PORT_CHANNEL,
  CONNECT_API_MESSAGE,
  type DesktopBridgeMarker,
} from '../../shared/desktop-bridge'

// The renderer creates a MessageChannel and posts one end here; main serves the API on it.
// Nothing else crosses: no ipcRenderer, no process.env, no Node.
window.addEventListener('message', (event: MessageEvent) => {
  if (event.source !== window || event.data !== CONNECT_API_MESSAGE) return
  const [port] = event.ports
  if (port) ipcRenderer.postMessage(API_PORT_CHANNEL, null, [port])
})

const marker: DesktopBridgeMarker = { door: 'desktop' }
contextBridge.exposeInMainWorld('bridgebenchDesktop', marker)
