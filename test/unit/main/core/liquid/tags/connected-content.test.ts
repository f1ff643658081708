import { describe, expect, it, vi } from 'vitest'
import type { RenderInput as RenderRequest } from '../../../../../../main/core/liquid/render-input'
import { createBrazeLiquid } from '../../../../../../main/core/liquid/braze-liquid'
import type { ConnectedContentFetch } from '../../../../../../main/core/liquid/runtime'

const user = { external_id: 'u-1', email: 'ada@example.com' }
type Responses = NonNullable<RenderRequest['connectedContent']>['responses']

function render(template: string, responses?: Responses) {
  return createBrazeLiquid().renderSync({ template, user, connectedContent: { responses } })
}

describe('{% connected_content %} in a preview', () => {
  it('is not called by default: the preview names the URL and the parsed options', () => {
    const template = `{% connected_content
     https://api.example.com/v1/{{\${user_id}}}
     :method post
     :headers {
       "X-App-Id": "app"
     }
     :body campaign=sale&customer={{\${user_id}}}
     :content_type application/json
     :cache_max_age 900
     :basic_auth partner
     :retry
     :save publication
%}`
    const result = render(template)
    expect(result.output).toBe('')
    expect(result.connectedContent).toEqual([
      {
        url: 'https://api.example.com/v1/u-1',
        options: {
          method: 'POST',
          save: 'publication',
          headers: {
            'Content-Type': 'application/json',
            Accept: 'application/json',
            'X-App-Id': 'app',
          },
          body: '{"campaign":"sale","customer":"u-1"}',
          contentType: 'application/json',
          basicAuth: 'partner',
          cacheMaxAge: 900,
          noCache: false,
          retry: true,
          rerender: false,
        },
        outcome: 'not-called',
        status: null,
        note: 'Not called in this preview: Braze would POST https://api.example.com/v1/u-1 (:save publication).',
        line: 1,
        column: 1,
      },
    ])
    expect(result.problems.map((p) => p.code)).toEqual([
      'connected-content-not-called',
      'connected-content-credential',
    ])
  })

  it('answers from a canned response, adding __http_status_code__ to a JSON object', () => {
    const result = render(
      '{% connected_content https://api.example.com/me :save me %}{{me.name}} {{me.__http_status_code__}}',
      { 'https://api.example.com/me': { status: 200, body: { name: 'Ada' } } },
    )
    expect(result.output).toBe('Ada 200')
    expect(result.connectedContent[0]).toMatchObject({ outcome: 'canned', status: 200 })
  })

  it('matches a canned response by the URL without its query string', () => {
    const result = render(
      '{% connected_content https://x.io/a?email={{${email_address} | url_param_escape}} %}',
      {
        'https://x.io/a': { body: 'plain text answer' },
      },
    )
    expect(result.output).toBe('plain text answer')
    expect(result.connectedContent[0]?.url).toBe('https://x.io/a?email=ada%40example.com')
  })

  it('puts a JSON answer without :save into `connected`', () => {
    const result = render('{% connected_content https://x.io/a %}{{connected.ok}}', {
      'https://x.io/a': { body: { ok: 'yes' } },
    })
    expect(result.output).toBe('yes')
  })

  it('renders nothing for a 404 and aborts after retries on a 5xx with :retry', () => {
    expect(
      render('[{% connected_content https://x.io/a %}]', {
        'https://x.io/a': { status: 404, body: 'gone' },
      }).output,
    ).toBe('[]')
    const failed = render('{% connected_content https://x.io/a :retry %}', {
      'https://x.io/a': { status: 502, body: '' },
    })
    expect(failed.aborted?.reason).toMatch(/kept failing \(HTTP 502\)/)
  })

  it('renders Liquid inside the response with :rerender', () => {
    const result = render('{% connected_content https://x.io/a :rerender %}', {
      'https://x.io/a': { body: 'Hi {{${user_id}}}' },
    })
    expect(result.output).toBe('Hi u-1')
  })

  it('flags what Braze would not accept', () => {
    const result = render('{% connected_content http://x.io:8080/a :method put :colour red %}')
    expect(result.problems.map((p) => [p.severity, p.code])).toEqual([
      ['error', 'connected-content-method'],
      ['warning', 'connected-content-port'],
      ['info', 'connected-content-not-called'],
      ['warning', 'connected-content-option'],
    ])
  })

  it('calls out only through the injected fetch, and only when the render allows it', async () => {
    const fetch = vi.fn<ConnectedContentFetch>(() =>
      Promise.resolve({ status: 200, headers: {}, body: '{"n":1}' }),
    )
    const engine = createBrazeLiquid({ fetch })
    const template = '{% connected_content https://x.io/a :save r %}{{r.n}}'
    expect((await engine.render({ template, user })).output).toBe('')
    expect(fetch).not.toHaveBeenCalled()
    const live = await engine.render({ template, user, connectedContent: { live: true } })
    expect(live.output).toBe('1')
    expect(live.connectedContent[0]).toMatchObject({ outcome: 'live', status: 200 })
    expect(fetch).toHaveBeenCalledWith({
      url: 'https://x.io/a',
      method: 'GET',
      headers: { 'Content-Type': 'application/json', Accept: '*/*' },
      body: null,
    })
  })

  it('reports a failed live call and inserts nothing', async () => {
    const engine = createBrazeLiquid({
      fetch: () => Promise.reject(new Error('no answer within 2 s')),
    })
    const result = await engine.render({
      template: '[{% connected_content https://x.io/a %}]',
      user,
      connectedContent: { live: true },
    })
    expect(result.output).toBe('[]')
    expect(result.problems.map((p) => p.code)).toEqual(['connected-content-failed'])
  })
})
