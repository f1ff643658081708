import { beforeAll, describe, expect, it } from 'vitest'
import { BRAZE_OWN, KNOWN_GAPS } from './oracle/braze-own'
import { disagreement } from './oracle/compare'
import { corpus } from './oracle/corpus'
import { oracleRequest, renderWithDialect, type OracleCase } from './oracle/oracle-case'
import { renderWithRuby, rubyLiquidVersion, type OracleAnswer } from './oracle/ruby-oracle'

/**
 * The differential suite: every corpus template rendered by Bridgebench's Braze dialect and by
 * Shopify's Ruby Liquid 5 with ActiveSupport (what Braze runs) must give the same output.
 * Without Ruby it is skipped locally and fails under CI (.ci/run installs ruby-liquid).
 */

const ruby = rubyLiquidVersion()
const required = Boolean(process.env.CI)
if (!ruby.ok && !required)
  console.warn(
    `Skipping the Ruby Liquid differential suite: ${ruby.why} (apt-get install ruby-liquid ruby-activesupport)`,
  )

const cases = corpus()
const own = BRAZE_OWN.map((entry) => entry.case)
let answers = new Map<string, OracleAnswer>()

function answerFor(c: OracleCase): OracleAnswer {
  const answer = answers.get(c.id)
  if (!answer) throw new Error(`Ruby gave no answer for ${c.id}`)
  return answer
}

describe.skipIf(!ruby.ok && !required)('Braze dialect against Ruby Liquid 5 (the oracle)', () => {
  beforeAll(async () => {
    if (ruby.ok) answers = await renderWithRuby([...cases, ...own].map(oracleRequest))
  }, 60_000)

  it('has Ruby Liquid 5 with ActiveSupport to compare with', () => {
    expect(ruby).toMatchObject({ ok: true })
  })

  it('has case ids that are unique', () => {
    const ids = [...cases, ...own].map((c) => c.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it.each(cases.map((c) => [c.id, c] as const))('renders %s as Ruby does', (id, c) => {
    const why = disagreement(answerFor(c), renderWithDialect(c))
    if (id in KNOWN_GAPS) expect(why, `${id} agrees now: remove it from KNOWN_GAPS`).not.toBeNull()
    else expect(why, `${c.template}\n  ${why ?? ''}`).toBeNull()
  })

  it.each(BRAZE_OWN.map((entry) => [entry.case.id, entry] as const))(
    'differs from stock Ruby Liquid on %s, as Braze does',
    (_id, entry) => {
      expect(
        disagreement(answerFor(entry.case), renderWithDialect(entry.case)),
        entry.why,
      ).not.toBeNull()
    },
  )
})
