import type { BrazeUserProfile } from '../../../shared/contract/users'

/**
 * Plausible Braze users from a seed: the same seed gives the same users, so tests, demos and
 * benchmarks are repeatable. About one in eight has a trap a template must survive (a quote or
 * apostrophe in a name, no email, an empty last name).
 */

const FIRST = [
  'Ada',
  'Grace',
  'Alan',
  'Katherine',
  'Linus',
  'Mei',
  'José',
  'Amara',
  'Noor',
  'Sven',
  'Aiko',
  'Tomás',
]
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Johnson',
  'Nakamura',
  'Núñez',
  'Okafor',
  'Haddad',
  'Lindqvist',
  'Silva',
]
const PLACES = [
  { country: 'GB', language: 'en', time_zone: 'Europe/London', city: 'London', dial: '+44' },
  { country: 'US', language: 'en', time_zone: 'America/New_York', city: 'New York', dial: '+1' },
  { country: 'ES', language: 'es', time_zone: 'Europe/Madrid', city: 'Madrid', dial: '+34' },
  { country: 'JP', language: 'ja', time_zone: 'Asia/Tokyo', city: 'Tokyo', dial: '+81' },
  { country: 'DE', language: 'de', time_zone: 'Europe/Berlin', city: 'Berlin', dial: '+49' },
  { country: 'BR', language: 'pt', time_zone: 'America/Sao_Paulo', city: 'São Paulo', dial: '+55' },
] as const
const PLANS = ['free', 'pro', 'enterprise'] as const
const COLORS = ['red', 'green', 'blue', 'teal', 'amber']

/** mulberry32: small, fast and good enough for test data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function randomUsers(count: number, seed = 1): BrazeUserProfile[] {
  const random = seededRandom(seed)
  return Array.from({ length: count }, (_, index) => randomUser(random, seed, index))
}

function randomUser(random: () => number, seed: number, index: number): BrazeUserProfile {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('')
  const place = pick(PLACES)
  const trap = random() < 0.125 ? Math.floor(random() * 4) : -1
  const first = trap === 0 ? `${pick(FIRST)} "${pick(['Pepe', 'Doc', 'Ace'])}"` : pick(FIRST)
  const last = trap === 1 ? `O'${pick(LAST)}` : trap === 2 ? '' : pick(LAST)
  const year = 1950 + Math.floor(random() * 55)
  const user: BrazeUserProfile = {
    external_id: `rnd-${seed}-${index + 1}`,
    braze_id: Array.from({ length: 24 }, () => Math.floor(random() * 16).toString(16)).join(''),
    first_name: first,
    last_name: last,
    phone: `${place.dial}${digits(9)}`,
    home_city: place.city,
    country: place.country,
    language: place.language,
    time_zone: place.time_zone,
    gender: pick(['F', 'M', 'O', 'N', 'P']),
    dob: `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
    random_bucket: Math.floor(random() * 10_000),
    custom_attributes: {
      plan: pick(PLANS),
      nps_score: Math.floor(random() * 11),
      favorite_colors: COLORS.filter(() => random() < 0.4),
      ...(random() < 0.5
        ? { zendesk_user_id: 100_000_000 + Math.floor(random() * 899_999_999) }
        : {}),
    },
  }
  const local = (first.split(/[ "]/)[0] ?? 'user')
    .normalize('NFD')
    .replace(/[^a-zA-Z]/g, '')
    .toLowerCase()
  if (trap !== 3) user.email = `${local || 'user'}.${index + 1}@example.com`
  return user
}
