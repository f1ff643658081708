// `node --import tsx test/integration/liquid/oracle/report.ts [FILTER]`: renders the differential corpus with Ruby
// Liquid and with Bridgebench and prints every case where they disagree.
import { disagreement } from './compare'
import { corpus } from './corpus'
import { oracleRequest, renderWithDialect } from './oracle-case'
import { renderWithRuby } from './ruby-oracle'

const only = process.argv[2]
const cases = corpus().filter((c) => !only || c.id.includes(only))
const answers = await renderWithRuby(cases.map(oracleRequest))
let differing = 0
for (const c of cases) {
  const ruby = answers.get(c.id)
  if (!ruby) throw new Error(`No Ruby answer for ${c.id}`)
  const why = disagreement(ruby, renderWithDialect(c))
  if (why === null) continue
  differing++
  console.log(`✗ ${c.id}\n  ${c.template}\n  ${why}`)
}
console.log(`${cases.length} cases, ${differing} differ`)
