import { describe, expect, it } from 'vitest'
import { runCli } from '../../../main/cli/program'
import { fakeCliIo } from '../../helpers/cli'

describe('bridgebench simulate', () => {
  it('runs a simulated Zendesk and prints its URL and credentials as the first JSON line', async () => {
    const run = fakeCliIo({})
    const exit = runCli(['simulate', 'zendesk', '--json', '--port', '0'], run.io)
    const line = JSON.parse(await run.firstLine()) as {
      url: string
      credentials: { subdomain: string; email: string; token: string; oauthToken: string }
    }
    expect(Object.keys(line)).toEqual(['url', 'credentials'])
    expect(line.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(Object.keys(line.credentials)).toEqual(['subdomain', 'email', 'token', 'oauthToken'])
    const basic = Buffer.from(`${line.credentials.email}/token:${line.credentials.token}`).toString(
      'base64',
    )
    const me = await fetch(`${line.url}/api/v2/users/me.json`, {
      headers: { authorization: `Basic ${basic}` },
    })
    expect(await me.json()).toMatchObject({
      user: { email: line.credentials.email, role: 'admin' },
    })
    const users = await fetch(`${line.url}/api/v2/users.json`, {
      headers: { authorization: `Bearer ${line.credentials.oauthToken}` },
    })
    expect(await users.json()).toMatchObject({ count: 5 })
    run.stop()
    expect(await exit).toBe(0)
    expect(run.stdout().trim().split('\n')).toHaveLength(1)
    await expect(fetch(`${line.url}/api/v2/users/me.json`)).rejects.toThrow()
  })

  it('runs a simulated Braze seeded with the sample users', async () => {
    const run = fakeCliIo({})
    const exit = runCli(['simulate', 'braze', '--json'], run.io)
    const line = JSON.parse(await run.firstLine()) as {
      url: string
      credentials: { apiKey: string }
    }
    expect(Object.keys(line.credentials)).toEqual(['apiKey'])
    const answer = await fetch(`${line.url}/users/export/ids`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${line.credentials.apiKey}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ external_ids: ['u-1001'], fields_to_export: ['first_name'] }),
    })
    expect(await answer.json()).toEqual({ message: 'success', users: [{ first_name: 'Ada' }] })
    run.stop()
    expect(await exit).toBe(0)
  })

  it('prints a readable summary without --json', async () => {
    const run = fakeCliIo({})
    const exit = runCli(['simulate', 'braze'], run.io)
    await run.firstLine()
    run.stop()
    expect(await exit).toBe(0)
    expect(run.stdout()).toMatch(
      /^Simulated Braze is running at http:\/\/127\.0\.0\.1:\d+\n {2}apiKey: \S+\n/,
    )
  })

  it('exits 2 for a service it does not simulate', async () => {
    const run = fakeCliIo({})
    expect(await runCli(['simulate', 'salesforce'], run.io)).toBe(2)
    expect(run.stderr()).toMatch(
      /'salesforce' is invalid for argument 'service'. Allowed choices are zendesk, braze/,
    )
  })

  it('exits 2 for a bad port and without a service', async () => {
    expect(await runCli(['simulate', 'zendesk', '--port', 'eighty'], fakeCliIo({}).io)).toBe(2)
    expect(await runCli(['simulate'], fakeCliIo({}).io)).toBe(2)
  })

  it('exits 1 with a clear message when the port is taken', async () => {
    const first = fakeCliIo({})
    const running = runCli(['simulate', 'braze', '--json'], first.io)
    const { url } = JSON.parse(await first.firstLine()) as { url: string }
    const second = fakeCliIo({})
    expect(await runCli(['simulate', 'braze', '--port', new URL(url).port], second.io)).toBe(1)
    expect(second.stderr()).toMatch(/Could not start the simulated braze: .*EADDRINUSE/)
    first.stop()
    await running
  })
})
