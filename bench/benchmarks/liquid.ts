import { readFileSync } from 'node:fs'
import path from 'node:path'
import BrazeJs from 'brazejs'
import { Liquid } from 'liquidjs'
import type { BrazeUserProfile } from '../../shared/contract/users'
import { createBrazeLiquid } from '../../main/core/liquid/braze-liquid'
import { randomUsers } from '../../main/core/users/random-users'
import { result, type Benchmark } from '../harness'

/**
 * The Braze dialect against plain liquidjs rendering the same template written in standard
 * Liquid (same output), in the same run: (a) parse+render of the seed Zendesk template, (b) a
 * 10,000-user batch with the template parsed once, rendered and linted per user. brazejs on the
 * seed is measured for comparison only.
 */

const SEED = readFileSync(
  path.join(
    import.meta.dirname,
    '..',
    '..',
    'resources',
    'templates',
    'seed-zendesk-ticket.liquid',
  ),
  'utf8',
)
const PLAIN_NAMES: Record<string, string> = {
  user_id: 'user_id',
  first_name: 'first_name',
  last_name: 'last_name',
  email_address: 'email_address',
  phone_number: 'phone_number',
}
/** The seed with `{{${name}}}` written as standard `{{name}}`. */
const PLAIN_SEED = SEED.replace(
  /\{\{\$\{(\w+)\}\}\}/g,
  (_whole, name: string) => `{{${PLAIN_NAMES[name] ?? name}}}`,
)
const NOW = new Date('2026-11-20T12:00:00Z')
const BATCH = 10_000

function plainScope(user: BrazeUserProfile): Record<string, unknown> {
  return {
    user_id: user.external_id,
    first_name: user.first_name,
    last_name: user.last_name,
    email_address: user.email,
    phone_number: user.phone,
  }
}

type Run = () => unknown

/**
 * Operations per second of each contender, measured in alternating rounds (so a noisy moment
 * on a shared machine hits all of them) and taking each one's best round.
 */
async function interleaved(
  contenders: Run[],
  opsPerRound: number,
  rounds: number,
): Promise<number[]> {
  const best = contenders.map(() => 0)
  for (let round = 0; round < rounds; round++) {
    for (const [index, run] of contenders.entries()) {
      const started = performance.now()
      for (let i = 0; i < opsPerRound; i++) {
        const pending = run()
        if (pending instanceof Promise) await pending
      }
      const rate = opsPerRound / ((performance.now() - started) / 1000)
      best[index] = Math.max(best[index] ?? 0, rate)
    }
  }
  return best
}

export const liquidDialect: Benchmark = {
  name: 'liquid',
  async run({ duration }) {
    const users = randomUsers(BATCH, 42)
    const first = users[0] as BrazeUserProfile
    const plain = new Liquid()
    const uncached = createBrazeLiquid({ cacheSize: 0 })
    const cached = createBrazeLiquid()
    const brazejs = new BrazeJs()

    for (const user of users.slice(0, 50)) {
      const ours = (await cached.render({ template: SEED, user, now: NOW })).output
      const theirs = plain.parseAndRenderSync(PLAIN_SEED, plainScope(user)) as string
      if (ours !== theirs)
        throw new Error(
          `The plain template does not render the same output for ${user.external_id}`,
        )
    }

    const rounds = Math.max(3, Math.round(duration * 2))
    const [plainSeed = 0, dialectSeed = 0, brazeSeed = 0] = await interleaved(
      [
        () => {
          plain.parseAndRenderSync(PLAIN_SEED, plainScope(first))
        },
        () => uncached.renderSync({ template: SEED, user: first, now: NOW }),
        () =>
          brazejs.parseAndRender(SEED, {
            ...plainScope(first),
            custom_attribute: {},
          }) as Promise<unknown>,
      ],
      2_000,
      rounds,
    )

    const parsed = plain.parse(PLAIN_SEED)
    const [plainBatches = 0, dialectBatches = 0] = await interleaved(
      [
        () => {
          for (const user of users) plain.renderSync(parsed, plainScope(user))
        },
        () => {
          const batch = { template: SEED, now: NOW, target: 'zendesk-ticket' } as const
          for (const rendered of cached.renderEach(batch, users)) void rendered
        },
      ],
      1,
      rounds,
    )
    const plainBatch = plainBatches * BATCH
    const dialectBatch = dialectBatches * BATCH

    return [
      result({
        name: 'liquid: seed template parse+render, Braze dialect vs plain liquidjs',
        value: dialectSeed,
        unit: 'renders/s',
        baseline: plainSeed,
        target: 0.667,
        note: 'renderSync with no template cache: dialect rewrite, checks, parse, traced render; plain: liquidjs parseAndRenderSync',
      }),
      result({
        name: `liquid: ${BATCH.toLocaleString('en-US')}-user batch render+lint (zendesk-ticket) vs plain liquidjs render`,
        value: dialectBatch,
        unit: 'users/s',
        baseline: plainBatch,
        target: 0.667,
        note: 'renderEach: template parsed once, each user rendered and linted; plain: liquidjs renderSync of the pre-parsed plain template',
      }),
      result({
        name: 'liquid: brazejs parse+render of the seed vs plain liquidjs (for comparison)',
        value: brazeSeed,
        unit: 'renders/s',
        baseline: plainSeed,
        target: null,
        note: 'brazejs renders asynchronously only',
      }),
    ]
  },
}
