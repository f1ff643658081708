import { describe, expect, it } from 'vitest'
import {
  InvalidZendeskTargetError,
  normalizeZendeskTarget,
} from '../../../../../main/core/vault/zendesk-target'

describe('normalizeZendeskTarget', () => {
  it.each([
    ['acme', 'https://acme.zendesk.com', 'acme'],
    ['  Acme  ', 'https://acme.zendesk.com', 'acme'],
    ['acme-eu', 'https://acme-eu.zendesk.com', 'acme-eu'],
    ['acme.zendesk.com', 'https://acme.zendesk.com', 'acme'],
    ['acme.zendesk.com/', 'https://acme.zendesk.com', 'acme'],
    ['https://acme.zendesk.com', 'https://acme.zendesk.com', 'acme'],
    ['https://acme.zendesk.com/agent/tickets/12', 'https://acme.zendesk.com', 'acme'],
    ['https://ACME.zendesk.com/api/v2/', 'https://acme.zendesk.com', 'acme'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010', null],
    ['http://localhost:4010/', 'http://localhost:4010', null],
    ['http://[::1]:4010', 'http://[::1]:4010', null],
    ['https://zendesk-proxy.example.com/zd/api/v2', 'https://zendesk-proxy.example.com/zd', null],
  ])('%s → %s', (input, baseUrl, subdomain) => {
    expect(normalizeZendeskTarget(input)).toEqual({ baseUrl, subdomain })
  })

  it.each([
    ['', /empty/],
    ['acme_corp', /neither a subdomain nor a URL/],
    ['-acme', /neither a subdomain nor a URL/],
    ['http://acme.zendesk.com', /only answers over https/],
    ['http://zendesk-proxy.example.com', /plain http is only allowed/],
    ['ftp://acme.example.com', /ftp: is not a web URL/],
    ['https://admin:pw@acme.zendesk.com', /credentials do not belong/],
    ['acme zendesk', /neither a subdomain nor a URL/],
  ])('rejects %j with a message that says why and how to fix it', (input, why) => {
    expect(() => normalizeZendeskTarget(input)).toThrow(InvalidZendeskTargetError)
    expect(() => normalizeZendeskTarget(input)).toThrow(why)
    expect(() => normalizeZendeskTarget(input)).toThrow(/Enter your subdomain \(acme\)/)
  })
})
