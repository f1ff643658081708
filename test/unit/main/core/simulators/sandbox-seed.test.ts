import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  findResourcesDir,
  loadSandboxSeed,
  zendeskUsersFromSample,
} from '../../../../../main/core/simulators/sandbox-seed'

describe('sandbox seed', () => {
  it('finds resources/ above the simulators folder', () => {
    expect(findResourcesDir()).toBe(path.resolve(import.meta.dirname, '../../../../../resources'))
  })

  it('loads the sample users and the trigger template', async () => {
    const seed = await loadSandboxSeed()
    expect(seed.users.map((u) => u.external_id ?? null)).toEqual([
      'u-1001',
      'u-1002',
      'u-1003',
      null,
    ])
    expect(seed.triggerBody).toContain('{{ticket.requester.external_id}}')
  })

  it('maps sample users to Zendesk end users with the Braze external_id', async () => {
    const { users } = await loadSandboxSeed()
    expect(zendeskUsersFromSample(users)).toEqual([
      {
        id: 381726354,
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        phone: '+14155550101',
        externalId: 'u-1001',
        locale: 'en-US',
        timeZone: 'Europe/London',
        userFields: { braze_external_id: 'u-1001' },
      },
      {
        name: 'José "Pepe" Núñez',
        email: 'pepe@example.es',
        phone: '+34600111222',
        externalId: 'u-1002',
        locale: 'es',
        timeZone: 'Europe/Madrid',
        userFields: { braze_external_id: 'u-1002' },
      },
      {
        name: 'Mei',
        email: null,
        phone: null,
        externalId: 'u-1003',
        locale: 'ja',
        timeZone: 'Asia/Tokyo',
        userFields: { braze_external_id: 'u-1003' },
      },
      {
        name: 'Anonymous',
        email: null,
        phone: null,
        externalId: null,
        locale: 'en-US',
        userFields: {},
      },
    ])
  })

  it('says which folder it looked in when resources/ cannot be found', () => {
    expect(() => findResourcesDir('/')).toThrow(/Could not find the resources folder .* above \//)
  })
})
