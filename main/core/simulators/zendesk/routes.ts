import type { Route, RouteDeps } from './router'
import { ticketRoutes } from './tickets-routes'
import { triggerRoutes } from './triggers-routes'
import { userRoutes } from './users-routes'
import { webhookRoutes } from './webhooks-routes'

/** Every REST route the simulated Zendesk answers, tried in this order. */
export function zendeskRoutes(deps: RouteDeps): Route[] {
  return [
    ...userRoutes(deps),
    ...ticketRoutes(deps),
    ...webhookRoutes(deps),
    ...triggerRoutes(deps),
  ]
}
