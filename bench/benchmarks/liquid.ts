import { readFileSync } from 'node:fs'
import path from 'node:path'
import BrazeJs from 'brazejs'
import { Liquid } from 'liquidjs'
import type { BrazeUserProfile } from '../../shared/contract/users'
import { createBrazeLiquid } from '../../main/core/liquid/braze-liquid'
import { randomUsers } from '../../main/core/users/random-users'
import { repeat, type Benchmark } from '../harness'

/**
 * The Braze dialect against plain liquidjs rendering the same template written in standard
 * Liquid (same output), in the same run: (a) parse+render of the seed Zendesk template, (b) a
 * 10,000-user batch with the template parsed once, rendered and linted per user. brazejs on the
 * seed is measured for comparison only. The harness interleaves the rounds.
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
const SEED_OPS = 2_000
/** Each round takes under a second, so more of them steady the median on a busy machine. */
const MIN_ROUNDS = 11

function plainScope(user: BrazeUserProfile): Record<string, unknown> {
  return {
    user_id: user.external_id,
    first_name: user.first_name,
    last_name: user.last_name,
    email_address: user.email,
    phone_number: user.phone,
  }
}

export const liquidDialect: Benchmark = {
  name: 'liquid',
  async setup() {
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
    const plainSeed = () =>
      repeat(() => plain.parseAndRenderSync(PLAIN_SEED, plainScope(first)), SEED_OPS)
    const parsed = plain.parse(PLAIN_SEED)
    const batch = { template: SEED, now: NOW, target: 'zendesk-ticket' } as const

    return {
      comparisons: [
        {
          name: 'liquid: seed template parse+render, Braze dialect vs plain liquidjs',
          unit: 'renders/CPU-s',
          target: 0.8,
          minRounds: MIN_ROUNDS,
          note: 'renderSync with no template cache: dialect rewrite, checks, parse, traced render; plain: liquidjs parseAndRenderSync',
          baseline: plainSeed,
          subject: () =>
            repeat(() => uncached.renderSync({ template: SEED, user: first, now: NOW }), SEED_OPS),
        },
        {
          name: `liquid: ${BATCH.toLocaleString('en-US')}-user batch render+lint (zendesk-ticket) vs plain liquidjs render`,
          unit: 'users/CPU-s',
          target: 0.8,
          minRounds: MIN_ROUNDS,
          note: 'renderEach: template parsed once, each user rendered and linted; plain: liquidjs renderSync of the pre-parsed plain template',
          baseline: () => {
            for (const user of users) plain.renderSync(parsed, plainScope(user))
            return BATCH
          },
          subject: () => {
            for (const rendered of cached.renderEach(batch, users)) void rendered
            return BATCH
          },
        },
        {
          name: 'liquid: brazejs parse+render of the seed vs plain liquidjs (for comparison)',
          unit: 'renders/CPU-s',
          target: null,
          note: 'brazejs renders asynchronously only',
          baseline: plainSeed,
          subject: () =>
            repeat(
              () => brazejs.parseAndRender(SEED, { ...plainScope(first), custom_attribute: {} }),
              SEED_OPS,
            ),
        },
      ],
    }
  },
}
