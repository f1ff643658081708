import { describe, expect, it } from 'vitest'
import type { StandIns } from '../../../../../../shared/contract/compose'
import { createBrazeLiquid } from '../../../../../../main/core/liquid/braze-liquid'

const engine = createBrazeLiquid()
const user = { external_id: 'u-1', custom_attributes: { zendesk_ticket: '4521' } }
const render = (template: string, standIns?: StandIns) =>
  engine.renderSync({ template, user, ...(standIns ? { standIns } : {}) })

describe('Content Blocks', () => {
  it('renders a block in the message scope, so its assigns are visible after it', () => {
    const standIns = {
      contentBlocks: {
        to_int: '{% assign var = {{custom_attribute.${zendesk_ticket}}} | to_i %}{{var}}',
      },
    }
    expect(render('{{content_blocks.${to_int}}}/{{ var | plus: 1 }}', standIns).output).toBe(
      '4521/4522',
    )
  })

  it('renders a missing block as empty, with a warning at its reference', () => {
    const result = render('x\n  {{content_blocks.${footer}}}')
    expect(result.output).toBe('x\n  ')
    expect(result.problems).toMatchObject([
      { severity: 'warning', code: 'content-block-missing', line: 2, column: 5 },
    ])
  })

  it('aborts the message when a block calls abort_message', () => {
    const standIns = { contentBlocks: { guard: "{% abort_message('blocked') %}" } }
    expect(render('a{{content_blocks.${guard}}}b', standIns).aborted).toEqual({ reason: 'blocked' })
  })

  it('reports an error inside a block at the reference, naming the block', () => {
    const result = render('{{content_blocks.${bad}}}', {
      contentBlocks: { bad: '{{ x | lstrip }}' },
    })
    expect(result.problems[0]?.message).toBe(
      'Liquid error: In Content Block "bad" (line 1, column 8): Braze does not support the filter "lstrip" (https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/filters/).',
    )
  })
})

describe('catalogs', () => {
  const standIns: StandIns = {
    catalogs: { games: { g1: { title: 'Chess' }, g2: { title: 'Go' } } },
    catalogSelections: { games: { board: [{ title: 'Chess' }] } },
  }

  it('sets items from catalog_items, leaving out unknown ids', () => {
    const result = render(
      '{% catalog_items games g2 nope g1 %}{% for i in items %}{{i.title}},{% endfor %}',
      standIns,
    )
    expect(result.output).toBe('Go,Chess,')
    expect(result.problems.map((p) => p.code)).toEqual(['catalog-item-missing'])
  })

  it('sets items from catalog_selection_items', () => {
    expect(
      render('{% catalog_selection_items games board %}{{items[0].title}}', standIns).output,
    ).toBe('Chess')
  })

  it('flags a catalog that was not supplied', () => {
    expect(
      render('{% catalog_items shoes s1 %}{{items.size}}').problems.map((p) => p.code),
    ).toEqual(['catalog-missing'])
  })
})

describe('promotion and message_extras', () => {
  it('prints the stand-in code and notes that Braze deducts from every list referenced', () => {
    const template =
      "{% if false %}{% promotion('vip') %}{% else %}{% promotion('regular') %}{% endif %}"
    const result = render(template, { promotions: { vip: 'VIP-1', regular: 'REG-1' } })
    expect(result.output).toBe('REG-1')
    expect(result.problems).toMatchObject([
      { severity: 'info', code: 'promotion-deduction', line: 1, column: 15 },
    ])
    expect(result.problems[0]?.message).toContain('(vip, regular)')
  })

  it('aborts when a promotion list is empty', () => {
    expect(render("{% promotion('vip') %}", { promotions: { vip: null } }).aborted?.reason).toBe(
      'Promotion list "vip" has no codes left; Braze aborts the message.',
    )
  })

  it('records message_extras without printing them; the first key wins', () => {
    const template =
      "{% assign value = '123' %}{% assign key = 'test' %}[{% message_extras :key {{key}} :value {{value}} %}{% message_extras :key test :value 9 %}]"
    const result = render(template)
    expect(result.output).toBe('[]')
    expect(result.messageExtras).toEqual([{ key: 'test', value: '123' }])
  })
})
