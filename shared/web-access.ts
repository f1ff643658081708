/** Browser mode: the header that carries the per-launch access token on HTTP API calls. */
export const ACCESS_TOKEN_HEADER = 'x-bridgebench-token'
/** HTTP API (one POST per call): scripts, benchmarks, tests. */
export const API_PATH = '/rpc'
/**
 * The page's API connection: one WebSocket carrying every call and event stream, like the
 * desktop's MessagePort. Browsers cannot set headers on a WebSocket, so the token rides in the
 * query string (`?token=`); the handshake is Origin- and Host-checked like every API call.
 */
export const API_SOCKET_PATH = '/rpc-socket'
