import { startScriptedServer, type ScriptedServer } from './scripted-server'

/**
 * One loopback server playing a healthy Zendesk (an admin on /users/me) and Braze (an empty
 * /users/track is rejected as Braze does after accepting the key; exports succeed).
 */
export function startHealthyServices(adminName = 'Ada Admin'): Promise<ScriptedServer> {
  return startScriptedServer((req) =>
    req.path.startsWith('/api/v2/users/me')
      ? {
          status: 200,
          body: { user: { id: 7, name: adminName, email: 'ada@acme.example', role: 'admin' } },
        }
      : req.path === '/users/track'
        ? {
            status: 400,
            body: {
              message:
                "Valid data must be provided in the 'attributes', 'events', or 'purchases' fields.",
            },
          }
        : { status: 201, body: { message: 'success', users: [] } },
  )
}
