import { describe, expect, it } from 'vitest'
import type { ZendeskTicketView } from '../../../../../../shared/contract/simulators'
import { agentTicketPage } from '../../../../../../main/core/simulators/zendesk/agent-page'

const TICKET: ZendeskTicketView = {
  id: 42,
  subject: 'Cannot log in <script>alert(1)</script>',
  description: 'Please help Ada',
  status: 'open',
  priority: 'urgent',
  type: 'incident',
  requesterId: 7,
  requesterName: 'Ada Lovelace',
  requesterExternalId: 'u-1001',
  assigneeId: null,
  tags: ['vip', 'bridgebench_test'],
  externalId: null,
  viaChannel: 'api',
  createdAt: '2026-11-30T10:15:00.000Z',
  updatedAt: '2026-11-30T10:20:00.000Z',
  comments: [
    {
      id: 901,
      authorId: 7,
      body: 'Please help "Ada" & <b>me</b>\nSecond line',
      public: true,
      createdAt: '2026-11-30T10:15:00.000Z',
    },
    {
      id: 902,
      authorId: 1,
      body: 'Looking into it',
      public: false,
      createdAt: '2026-11-30T10:20:00.000Z',
    },
  ],
}

const people = new Map([
  [7, { name: 'Ada Lovelace', email: 'ada@example.com' }],
  [1, { name: 'Sam Agent', email: 'sam@example.com' }],
])
const page = () => agentTicketPage(TICKET, 42, (id) => people.get(id)).html

describe('the simulated agent page', () => {
  it('reads like a ticket: subject, status, requester, and the conversation by author', () => {
    const html = page()
    expect(html).toContain('<h1>Cannot log in &#60;script&#62;alert(1)&#60;/script&#62;</h1>')
    expect(html).toContain('<span class="status status-open">Open</span>')
    expect(html).toContain('Ada Lovelace<br><span class="muted">ada@example.com</span>')
    expect(html).toMatch(/<strong>Ada Lovelace<\/strong>[\s\S]*<strong>Sam Agent<\/strong>/)
    expect(html).toContain('Internal note')
    expect(html).toContain('<time datetime="2026-11-30T10:15:00.000Z">2026-11-30 10:15 UTC</time>')
  })

  it('shows no raw JSON and none of the simulator’s own keys', () => {
    const html = page()
    for (const internal of ['authorId', 'requesterId', 'viaChannel', '"public"', '"id"', '{"'])
      expect(html).not.toContain(internal)
  })

  it('escapes what users wrote, keeping their line breaks', () => {
    expect(page()).toContain(
      '<div class="comment-body">Please help &#34;Ada&#34; &#38; &#60;b&#62;me&#60;/b&#62;\nSecond line</div>',
    )
    expect(page()).not.toContain('<script>')
  })

  it('says plainly when the ticket is not there', () => {
    const missing = agentTicketPage(undefined, 9)
    expect(missing.status).toBe(404)
    expect(missing.html).toContain('Ticket #9 is not here')
  })
})
