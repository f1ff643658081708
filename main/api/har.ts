import { api } from './base'

export const harRouter = {
  export: api.har.export.handler(({ context: { engine }, input }) => engine.qa.harExport(input)),
  import: api.har.import.handler(({ context: { engine }, input }) => engine.qa.harImport(input)),
}
