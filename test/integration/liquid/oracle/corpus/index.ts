import type { OracleCase } from '../oracle-case'
import { generated } from './generated'
import { handWritten } from './hand-written'

/** Every case of the differential corpus; ids are unique. */
export function corpus(): OracleCase[] {
  return [...handWritten, ...generated]
}
