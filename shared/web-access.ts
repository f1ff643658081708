/** Browser mode: the header that carries the per-launch access token on every API call. */
export const ACCESS_TOKEN_HEADER = 'x-bridgebench-token'
/** Where the API lives on the browser-mode server. */
export const API_PATH = '/rpc'
