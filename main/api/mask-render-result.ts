import type { ConnectedContentCall, RenderResult } from '../../shared/contract/compose'
import type { Problem } from '../../shared/contract/problems'
import { maskHeaders, maskSecret, maskUrl } from '../../shared/security/masking'

/**
 * A render result as the renderer may see it (DESIGN principle 4). Header templates often build
 * credentials (`Basic {{ 'email/token:…' | base64_encode }}`), and Connected Content calls carry
 * keys in headers, basic auth and query strings — also where messages quote the URL. The body
 * stays as rendered: it is what the user is previewing.
 */
export function maskRenderResult(result: RenderResult): RenderResult {
  const urls = result.connectedContent
    .map((call) => [call.url, maskUrl(call.url)] as const)
    .filter(([raw, masked]) => raw !== masked)
  const scrub = (text: string) =>
    urls.reduce((out, [raw, masked]) => out.split(raw).join(masked), text)
  return {
    output: result.output,
    aborted: result.aborted,
    problems: result.problems.map((p): Problem => ({
      ...p,
      message: scrub(p.message),
      fix: scrub(p.fix),
    })),
    headers: maskHeaders(result.headers),
    connectedContent: result.connectedContent.map((call) => maskCall(call, scrub)),
    messageExtras: result.messageExtras,
  }
}

function maskCall(
  call: ConnectedContentCall,
  scrub: (text: string) => string,
): ConnectedContentCall {
  return {
    ...call,
    url: maskUrl(call.url),
    note: scrub(call.note),
    options: {
      ...call.options,
      headers: maskHeaders(call.options.headers),
      basicAuth: call.options.basicAuth === null ? null : maskSecret(call.options.basicAuth),
    },
  }
}
