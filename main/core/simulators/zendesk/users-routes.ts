import { isRecord } from '../../../../shared/is-record'
import { scalarText } from '../../zendesk/scalar-text'
import {
  RECORD_NOT_FOUND,
  USER_NAME_TOO_SHORT,
  recordInvalid,
  requesterEmailInvalid,
} from './error-bodies'
import { anonymousUserJson, userJson } from './json-views'
import type { UserRole } from '../../zendesk/field-values'
import { paginate } from './pagination'
import { toId } from './requester'
import { json, route, type Route, type RouteDeps } from './router'

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const ROLES: readonly UserRole[] = ['end-user', 'agent', 'admin']

/** `/users/me` (the "test connection" call, §4.7) and enough of `/users` to seed and inspect. */
export function userRoutes(deps: RouteDeps): Route[] {
  return [
    route('GET', '/users/me', 'anyone', (req) => {
      // §1.3: without valid credentials the answer is 200 with an anonymous user, not a 401.
      if (!req.user) return json(200, { user: anonymousUserJson() })
      return json(200, { user: userJson(req.user, deps.origin()) })
    }),
    route('GET', '/users', 'agent', (req) => {
      const users = [...deps.store.users.values()]
      const url = `${deps.origin()}/api/v2/users.json`
      return json(
        200,
        paginate(users, req.query, url, 'users', (u) => userJson(u, deps.origin())),
      )
    }),
    route('GET', '/users/:id', 'agent', (req) => {
      const user = deps.store.users.get(toId(req.params[0]) ?? -1)
      return user ? json(200, { user: userJson(user, deps.origin()) }) : json(404, RECORD_NOT_FOUND)
    }),
    route('POST', '/users', 'agent', (req) => {
      const body = isRecord(req.body) && isRecord(req.body.user) ? req.body.user : {}
      const name = typeof body.name === 'string' ? body.name.trim() : ''
      const email = typeof body.email === 'string' ? body.email.trim() : ''
      if (name === '') return json(422, recordInvalid({ name: [USER_NAME_TOO_SHORT] }))
      if (email !== '' && !EMAIL.test(email)) {
        return json(
          422,
          recordInvalid({
            email: [
              {
                ...requesterEmailInvalid(email),
                description: `Email: ${email} is not properly formatted`,
              },
            ],
          }),
        )
      }
      const existing = email === '' ? undefined : deps.store.userByEmail(email)
      if (existing) return json(200, { user: userJson(existing, deps.origin()) })
      const now = deps.now()
      const role = ROLES.find((candidate) => candidate === body.role) ?? 'end-user'
      const user = deps.store.addUser({
        id: deps.store.takeUserId(),
        name,
        email: email === '' ? null : email,
        phone: typeof body.phone === 'string' ? body.phone : null,
        externalId:
          body.external_id === undefined || body.external_id === null
            ? null
            : scalarText(body.external_id),
        role,
        locale: 'en-US',
        timeZone: 'America/New_York',
        verified: body.verified === true,
        active: true,
        suspended: false,
        tags: [],
        userFields: isRecord(body.user_fields) ? { ...body.user_fields } : {},
        details: null,
        notes: null,
        createdAt: now,
        updatedAt: now,
      })
      return json(
        201,
        { user: userJson(user, deps.origin()) },
        { location: `${deps.origin()}/api/v2/users/${user.id}.json` },
      )
    }),
  ]
}
