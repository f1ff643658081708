import { randomBytes } from 'node:crypto'

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** A ULID (time-ordered, 26 characters), the shape of Zendesk webhook ids (§5.2). */
export function ulid(nowMs: number, random: () => number): string {
  let time = ''
  let remaining = nowMs
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[remaining % 32]! + time
    remaining = Math.floor(remaining / 32)
  }
  let tail = ''
  for (let i = 0; i < 16; i++) tail += CROCKFORD[Math.floor(random() * 32)]!
  return time + tail
}

/** A signing secret shaped like Zendesk's (43 base64url characters and `=`, §5.5). */
export function signingSecret(): string {
  return `${randomBytes(32).toString('base64url')}=`
}

/** A random credential for a simulator that was not given one. */
export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url')
}
