import { describe, expect, it } from 'vitest'
import { planSetup, type Desired } from '../../../../../../main/core/trigger/setup/setup-plan'
import {
  desiredTrigger,
  desiredWebhook,
  tokenFingerprint,
} from '../../../../../../main/core/trigger/setup/setup-spec'

const desired: Desired = {
  webhook: desiredWebhook('Hook', 'https://rest.iad-01.braze.com/users/track', 'key-1234'),
  trigger: (id) => desiredTrigger('Solved → Braze', 'solved', id, '{"a": "{{ticket.id}}"}'),
  keyFingerprint: tokenFingerprint('key-1234'),
  keyHint: 'Braze key …1234',
}
const existingWebhook = {
  id: 'W1',
  name: 'Hook',
  endpoint: 'https://rest.iad-01.braze.com/users/track',
  status: 'active',
  httpMethod: 'POST',
  requestFormat: 'json',
  subscriptions: ['conditional_ticket_events'],
  authenticationType: 'bearer_token',
}

describe('planSetup', () => {
  it('plans two creates on an account that has neither', () => {
    const { plan } = planSetup(
      'sandbox',
      { webhook: null, trigger: null, webhookKeyFingerprint: null },
      desired,
    )
    expect(plan.changes.map((c) => [c.kind, c.action])).toEqual([
      ['webhook', 'create'],
      ['trigger', 'create'],
    ])
  })

  it('is up to date when the account has exactly what setup wrote', () => {
    const trigger = { id: 7, ...desired.trigger('W1') }
    const { plan } = planSetup(
      'sandbox',
      { webhook: existingWebhook, trigger, webhookKeyFingerprint: desired.keyFingerprint },
      desired,
    )
    expect(plan.upToDate).toBe(true)
  })

  it('updates only the credential when the key setup wrote is not known to be there', () => {
    const trigger = { id: 7, ...desired.trigger('W1') }
    const planned = planSetup(
      'sandbox',
      { webhook: existingWebhook, trigger, webhookKeyFingerprint: null },
      desired,
    )
    expect(Object.keys(planned.webhookPatch)).toEqual(['authentication'])
  })

  it('refuses a webhook of the same name that is connected to Zendesk events', () => {
    const planned = planSetup(
      'sandbox',
      {
        webhook: { ...existingWebhook, subscriptions: ['zen:event-type:ticket.created'] },
        trigger: null,
        webhookKeyFingerprint: null,
      },
      desired,
    )
    expect(planned.blocked).toMatch(/cannot be changed/)
  })
})
