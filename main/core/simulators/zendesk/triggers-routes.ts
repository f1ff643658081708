import { RECORD_NOT_FOUND, recordInvalid } from './error-bodies'
import { triggerJson } from './json-views'
import type { ZdTrigger } from './model'
import { paginate } from './pagination'
import { json, route, type Route, type RouteDeps } from './router'
import { parseTriggerInput, type TriggerFields } from './trigger-input'

/** The Triggers API (§6.1): list, active list, show, create, update, delete. */
export function triggerRoutes(deps: RouteDeps): Route[] {
  const origin = () => deps.origin()
  const list = (triggers: ZdTrigger[], query: URLSearchParams, path: string) =>
    json(
      200,
      paginate(triggers, query, `${origin()}/api/v2/${path}.json`, 'triggers', (t) =>
        triggerJson(t, origin()),
      ),
    )
  return [
    route('GET', '/triggers', 'admin', (req) =>
      list(
        [...deps.store.triggers.values()].sort((a, b) => a.position - b.position),
        req.query,
        'triggers',
      ),
    ),
    route('GET', '/triggers/active', 'admin', (req) =>
      list(deps.store.activeTriggers(), req.query, 'triggers/active'),
    ),
    route('GET', '/triggers/:id', 'admin', (req) => {
      const trigger = deps.store.triggers.get(Number(req.params[0]))
      return trigger
        ? json(200, { trigger: triggerJson(trigger, origin()) })
        : json(404, RECORD_NOT_FOUND)
    }),
    route('POST', '/triggers', 'admin', (req) => {
      const parsed = parseTriggerInput(req.body, deps)
      if (!parsed.ok) return json(422, recordInvalid(parsed.details))
      const trigger = createTrigger(deps, parsed.fields)
      return json(
        201,
        { trigger: triggerJson(trigger, origin()) },
        { location: `${origin()}/api/v2/triggers/${trigger.id}.json` },
      )
    }),
    route('PUT', '/triggers/:id', 'admin', (req) => {
      const trigger = deps.store.triggers.get(Number(req.params[0]))
      if (!trigger) return json(404, RECORD_NOT_FOUND)
      const parsed = parseTriggerInput(req.body, { ...deps, base: trigger })
      if (!parsed.ok) return json(422, recordInvalid(parsed.details))
      Object.assign(trigger, parsed.fields, { updatedAt: deps.now() })
      deps.store.saveTrigger(trigger, 'updated')
      return json(200, { trigger: triggerJson(trigger, origin()) })
    }),
    route('DELETE', '/triggers/:id', 'admin', (req) =>
      deps.store.deleteTrigger(Number(req.params[0])) ? json(204) : json(404, RECORD_NOT_FOUND),
    ),
  ]
}

export function createTrigger(
  deps: Pick<RouteDeps, 'store' | 'now'>,
  fields: TriggerFields,
): ZdTrigger {
  const now = deps.now()
  const trigger: ZdTrigger = {
    ...fields,
    id: deps.store.takeTriggerId(),
    createdAt: now,
    updatedAt: now,
  }
  deps.store.saveTrigger(trigger, 'created')
  return trigger
}
