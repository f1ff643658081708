/**
 * Ruby tells Integer 2 from Float 2.0 and prints them differently (`2` vs `2.0`); a JS number
 * cannot. A JS number that is not whole is a Float already; a whole Float (from `2.0` in
 * JSON or a template, or from arithmetic such as `6 | times: 1.0`) is a RubyFloat. It is not a
 * Drop (liquidjs would unwrap it to a plain number before printing); it is a liquidjs
 * "comparable", so conditions compare it as the number it holds.
 */
export class RubyFloat {
  constructor(readonly value: number) {}

  valueOf(): number {
    return this.value
  }

  equals(other: unknown): boolean {
    return this.value === numericValue(other)
  }

  gt(other: unknown): boolean {
    return this.value > (numericValue(other) ?? Number.NaN)
  }

  geq(other: unknown): boolean {
    return this.value >= (numericValue(other) ?? Number.NaN)
  }

  lt(other: unknown): boolean {
    return this.value < (numericValue(other) ?? Number.NaN)
  }

  leq(other: unknown): boolean {
    return this.value <= (numericValue(other) ?? Number.NaN)
  }

  /** JSON has no float type: a stored or exported value stays a plain number. */
  toJSON(): number {
    return this.value
  }

  toString(): string {
    return formatFloat(this.value)
  }
}

function numericValue(other: unknown): number | undefined {
  if (other instanceof RubyFloat) return other.value
  if (typeof other === 'number') return other
  return typeof other === 'bigint' ? Number(other) : undefined
}

/** A Float of this value: a RubyFloat when whole, the number itself otherwise. */
export function rubyFloat(value: number): number | RubyFloat {
  return Number.isInteger(value) ? new RubyFloat(value) : value
}

export function isFloat(value: unknown): value is number | RubyFloat {
  return value instanceof RubyFloat || (typeof value === 'number' && !Number.isInteger(value))
}

/** The number a value holds, unwrapping a RubyFloat. */
export function plainNumber(value: number | RubyFloat): number {
  return value instanceof RubyFloat ? value.value : value
}

/**
 * Ruby's Float#to_s: the shortest digits that read back as the same double, fixed notation
 * from 1e-4 up to 1e16, otherwise `1.0e+20` / `1.0e-05`.
 */
export function formatFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity'
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0'
  const [mantissa = '0', exponent = '0'] = Math.abs(value).toExponential().split('e')
  const digits = mantissa.replace('.', '')
  const point = Number(exponent) + 1
  const sign = value < 0 ? '-' : ''
  if (point > 0 && point <= 15) {
    if (digits.length <= point) return `${sign}${digits.padEnd(point, '0')}.0`
    return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`
  }
  if (point <= 0 && point > -4) return `${sign}0.${'0'.repeat(-point)}${digits}`
  const power = point - 1
  const exp = `${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`
  return `${sign}${digits[0] ?? '0'}.${digits.slice(1) || '0'}e${exp}`
}
