import { describe, expect, it } from 'vitest'
import { realSendQuestion } from '../../../../shared/compose/send-guard'
import type { ComposeRenderOutput, Problem } from '../../../../shared/contract'

const REAL = { builtIn: false, name: 'Acme', zendesk: { baseUrl: 'https://acme.zendesk.com' } }
const SANDBOX = { ...REAL, builtIn: true, name: 'Sandbox' }

const problem = (message: string, source?: string): Problem => ({
  severity: 'error',
  code: 'x',
  message,
  line: source ? null : 2,
  column: 1,
  fix: '',
  ...(source ? { source } : {}),
})

/** compose.render as the guard sees it: only problems and the Authorization policy matter. */
function api(problems: Problem[]) {
  const render = (): Promise<ComposeRenderOutput> =>
    Promise.resolve({
      problems,
      authorization: { header: 'placeholder', suggested: 'profile' },
    } as unknown as ComposeRenderOutput)
  return { compose: { render } } as unknown as Parameters<typeof realSendQuestion>[0]
}

const request = { template: 'x', userId: 'u-1001' }

describe('the question before a test send', () => {
  it('names the count, the first error and the account', async () => {
    const question = await realSendQuestion(
      api([problem('"status" is "New".'), problem('Second.')]),
      REAL,
      request,
    )
    expect(question).toBe(
      'The request has 2 lint errors, first (line 2): "status" is "New". It would be created in Acme (acme.zendesk.com) as it is.',
    )
  })

  it('is never asked on the Sandbox', async () => {
    expect(await realSendQuestion(api([problem('Broken.')]), SANDBOX, request)).toBeNull()
  })

  it('ignores the template’s Authorization header when the profile’s credentials replace it', async () => {
    const header = problem('Still a placeholder.', 'header:Authorization')
    expect(await realSendQuestion(api([header]), REAL, request)).toBeNull()
    expect(await realSendQuestion(api([header]), REAL, request, 'as-rendered')).toMatch(
      /1 lint error, first: Still a placeholder\. It would/,
    )
  })
})
