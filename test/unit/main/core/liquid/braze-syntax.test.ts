import { describe, expect, it } from 'vitest'
import { renderResult, type TriggerContext } from '../../../../../shared/contract/compose'
import { type BrazeUserProfile } from '../../../../../shared/contract/users'
import { createBrazeLiquid } from '../../../../../main/core/liquid/braze-liquid'
import { FIXED_NOW, fixtureUser } from '../../../../helpers/liquid-fixtures'

const engine = createBrazeLiquid({ clock: () => FIXED_NOW })
const ada = fixtureUser('u-1001')

function render(template: string, user: BrazeUserProfile = ada, context?: TriggerContext) {
  return engine.renderSync({ template, user, ...(context ? { context } : {}) })
}
const output = (template: string, user?: BrazeUserProfile, context?: TriggerContext) =>
  render(template, user, context).output

describe('Braze attribute syntax', () => {
  it('maps the export profile to Liquid names (braze.md §1.2)', () => {
    const template =
      '{{${first_name}}}|{{${last_name}}}|{{${email_address}}}|{{${phone_number}}}|{{${user_id}}}|{{${braze_id}}}|{{${city}}}|{{${country}}}|{{${language}}}|{{${time_zone}}}|{{${gender}}}|{{${date_of_birth}}}'
    expect(output(template)).toBe(
      'Ada|Lovelace|ada@example.com|+14155550101|u-1001|5f1a2b3c4d5e6f7a8b9c0d1e|London|GB|en|Europe/London|F|1815-12-10',
    )
  })

  it('renders a missing attribute as an empty string', () => {
    expect(
      output('[{{${email_address}}}][{{custom_attribute.${nope}}}]', fixtureUser('u-1003')),
    ).toBe('[][]')
  })

  it('reads every message namespace Braze documents from the context', () => {
    const context: TriggerContext = {
      event_properties: { sku: 'e' },
      canvas_entry_properties: { step: 'c' },
      api_trigger_properties: { msg: 'a' },
      context: { k: 'x' },
      campaign: { name: 'camp' },
      canvas: { name: 'can' },
      card: { api_id: 'card' },
      subscribed_state: { 'group-1': 'subscribed' },
      most_recently_used_device: { platform: 'ios' },
      targeted_device: { carrier: 'verizon' },
      app: { name: 'App' },
      sms: { inbound_message_body: 'START' },
      whats_app: { inbound_message_body: 'hola' },
    }
    const template = [
      'event_properties.${sku}',
      'canvas_entry_properties.${step}',
      'api_trigger_properties.${msg}',
      'context.${k}',
      'campaign.${name}',
      'canvas.${name}',
      'card.${api_id}',
      'subscribed_state.${group-1}',
      'most_recently_used_device.${platform}',
      'targeted_device.${carrier}',
      'app.${name}',
      'sms.${inbound_message_body}',
      'whats_app.${inbound_message_body}',
    ]
      .map((ref) => `{{${ref}}}`)
      .join(',')
    expect(output(template, ada, context)).toBe(
      'e,c,a,x,camp,can,card,subscribed,ios,verizon,App,START,hola',
    )
  })

  it('treats the key inside ${…} literally: spaces and + included', () => {
    const user = { ...ada, custom_attributes: { 'zip code': '10115', 'a+b': 'plus' } }
    expect(output('{{custom_attribute.${zip code}}} {{custom_attribute.${a+b}}}', user)).toBe(
      '10115 plus',
    )
  })

  it('reads ${address.city} inside the braces as a literal key first, then as a path', () => {
    const anonymous = fixtureUser('60aa00bb11cc22dd33ee44ff')
    expect(output('{{custom_attribute.${address.city}}}', anonymous)).toBe('Berlin')
    const literal = {
      ...ada,
      custom_attributes: { 'address.city': 'Literal', address: { city: 'Path' } },
    }
    expect(output('{{custom_attribute.${address.city}}}', literal)).toBe('Literal')
  })

  it('follows paths written after the closing brace', () => {
    const context = { event_properties: { categories: [{ id: 7 }], meta: { color: 'red' } } }
    expect(
      output(
        '{{event_properties.${categories}[0].id}}-{{event_properties.${meta}.color}}',
        ada,
        context,
      ),
    ).toBe('7-red')
  })

  it('accepts references inside tags with and without {{ }}', () => {
    const user = { ...ada, custom_attributes: { one: 1 } }
    expect(output('{% if custom_attribute.${one} == 1 %}a{% endif %}', user)).toBe('a')
    expect(output('{% if {{custom_attribute.${one}}} == 1 %}b{% endif %}', user)).toBe('b')
    expect(output('{% assign v = {{custom_attribute.${one}}} %}{{v}}', user)).toBe('1')
  })

  it('pre-renders nested {{ }} in filter arguments and inside output tags', () => {
    const user = {
      ...ada,
      custom_attributes: { giftcard_balance: 25, current_rewards_balance: 10 },
    }
    const template =
      '{% assign balance = {{custom_attribute.${current_rewards_balance}}} %}You have ${{custom_attribute.${giftcard_balance} | plus: {{balance}}}} to spend!'
    expect(output(template, user)).toBe('You have $35 to spend!')
    expect(output('{% if {{ "abc" | size }} == 3 %}three{% endif %}')).toBe('three')
  })

  it('prints a hash in Ruby inspect form and an array with its elements run together', () => {
    const user = {
      ...ada,
      custom_attributes: { h: { a: 1, b: 'x', c: null, d: [1, 2] }, list: ['red', 'green'] },
    }
    expect(output('{{custom_attribute.${h}}}|{{custom_attribute.${list}}}', user)).toBe(
      '{"a"=>1, "b"=>"x", "c"=>nil, "d"=>[1, 2]}|redgreen',
    )
  })
})

describe('message namespaces without data', () => {
  it('explains, at the first reference, why event_properties render empty', () => {
    const result = render('Hi\n{{event_properties.${sku}}} {{event_properties.${qty}}}')
    expect(result.output).toBe('Hi\n ')
    expect(result.problems).toEqual([
      {
        severity: 'info',
        code: 'namespace-empty',
        message:
          'event_properties has no data in this preview, so its values render empty; it is filled only when the message is triggered by a custom event or purchase.',
        line: 2,
        column: 3,
        fix: 'To preview with data, give the render a context with event_properties.',
      },
    ])
  })

  it('says nothing once the context supplies the namespace', () => {
    expect(render('{{event_properties.${sku}}}', ada, { event_properties: {} }).problems).toEqual(
      [],
    )
  })
})

describe('default and blank (braze.md §1.7)', () => {
  const user = {
    ...ada,
    custom_attributes: { space: ' ', empty: '', no: false, list: [], hash: {} },
  }
  it('fires default for nil, empty strings, false, empty arrays and empty hashes', () => {
    const template = ['nope', 'empty', 'no', 'list', 'hash']
      .map((k) => `{{custom_attribute.${'${'}${k}} | default: 'd'}}`)
      .join('')
    expect(output(template, user)).toBe('ddddd')
  })

  it('does not fire default for a whitespace-only string', () => {
    expect(output("[{{custom_attribute.${space} | default: 'd'}}]", user)).toBe('[ ]')
  })

  it('treats null and nil alike and blank as unset, whitespace-only or false', () => {
    expect(
      output(
        '{% if ${email_address} == null %}n{% endif %}{% if custom_attribute.${space} == blank %}b{% endif %}',
        { first_name: 'x' },
      ),
    ).toBe('nb')
  })
})

describe('the render result', () => {
  it('matches the API contract', () => {
    expect(renderResult.safeParse(render('{{${first_name}}}')).success).toBe(true)
  })

  it('serializes without any render internals', () => {
    const json = JSON.parse(JSON.stringify(render('{{${first_name}}}'))) as Record<string, unknown>
    expect(Object.keys(json).sort()).toEqual([
      'aborted',
      'connectedContent',
      'headers',
      'messageExtras',
      'output',
      'problems',
    ])
  })

  it('renders request headers as templates too', () => {
    const result = engine.renderSync({
      template: '{}',
      user: ada,
      headers: { Authorization: "Basic {{ 'a@b.co/token:t' | base64_encode }}" },
    })
    expect(result.headers).toEqual({ Authorization: 'Basic YUBiLmNvL3Rva2VuOnQ=' })
  })

  it('renders a batch of users, one result each', () => {
    const users = [ada, fixtureUser('u-1002')]
    const outputs = [...engine.renderEach({ template: '{{${first_name}}}' }, users)].map(
      (r) => r.output,
    )
    expect(outputs).toEqual(['Ada', 'José "Pepe"'])
  })
})
