import { isInteger, parse } from 'lossless-json'
import { rubyFloat } from './ruby-float'

/**
 * JSON.parse as Ruby's JSON reads it: `2.0` and `1e3` stay Floats (a RubyFloat when whole),
 * `2` stays an Integer; integers beyond 2^53 become BigInts so no digit is lost.
 * Throws SyntaxError with the position, like JSON.parse.
 */
export function parseJsonKeepingFloats(text: string): unknown {
  return parse(text, null, parseNumber)
}

function parseNumber(text: string): unknown {
  if (!isInteger(text)) return rubyFloat(Number(text))
  const value = Number(text)
  return Number.isSafeInteger(value) ? value : BigInt(text)
}
