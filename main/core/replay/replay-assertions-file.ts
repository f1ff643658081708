import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { captureSetAssertions, type CaptureSetAssertions } from '../../../shared/contract/replay'
import { parsePathRule } from '../diff/ignore-rules'

/** A capture set's assertions file, beside its captures. */
export const ASSERTIONS_FILE = 'assertions.json'

export class InvalidAssertionsError extends Error {
  constructor(file: string, why: string) {
    super(
      `${file} does not hold valid assertions: ${why}. See the format in the README (status, noErrors, response, readBack, captures).`,
    )
    this.name = 'InvalidAssertionsError'
  }
}

/** A set's assertions from the text of its `assertions.json`, checked (paths included). */
export function parseAssertions(
  text: string,
  file: string = ASSERTIONS_FILE,
): CaptureSetAssertions {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new InvalidAssertionsError(
      file,
      `it is not JSON (${error instanceof Error ? error.message : String(error)})`,
    )
  }
  const parsed = captureSetAssertions.safeParse(json)
  if (!parsed.success) throw new InvalidAssertionsError(file, z.prettifyError(parsed.error))
  const rules = [parsed.data, ...Object.values(parsed.data.captures)]
  for (const rule of rules) {
    for (const jsonPath of Object.keys(rule.response ?? {})) {
      try {
        parsePathRule(jsonPath)
      } catch (error) {
        throw new InvalidAssertionsError(
          file,
          error instanceof Error ? error.message : String(error),
        )
      }
    }
  }
  return parsed.data
}

/** The assertions of a set folder, or undefined when it has none (the defaults then apply). */
export async function readAssertions(folder: string): Promise<CaptureSetAssertions | undefined> {
  let text: string
  try {
    text = await readFile(path.join(folder, ASSERTIONS_FILE), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  return parseAssertions(text, path.join(folder, ASSERTIONS_FILE))
}
