import { createRequire } from 'node:module'
import Ajv, { type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'

const require = createRequire(import.meta.url)

/**
 * The HAR 1.2 JSON Schema as HTTP clients publish it (the `har-schema` package, behind
 * `har-validator`), checked with Ajv: an independent judge of Bridgebench's exports, unlike a
 * schema of our own. Returns the schema's complaints, empty when the document is valid.
 */
export function harSchemaErrors(document: unknown): string[] {
  validate ??= compile()
  if (validate(document)) return []
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`)
}

let validate: ValidateFunction | undefined

function compile(): ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true })
  addFormats(ajv)
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object)
  const schemas = require('har-schema') as Record<string, object>
  for (const schema of Object.values(schemas)) ajv.addSchema(schema)
  const har = ajv.getSchema('har.json#')
  if (!har) throw new Error('har-schema did not register har.json#')
  return har
}
