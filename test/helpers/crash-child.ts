/**
 * The process the crash test kills: an engine on a data folder, with a real (non-Sandbox)
 * profile on a simulated Zendesk, sending tickets and saving profiles in a loop until SIGKILL.
 *
 * node --import tsx test/helpers/crash-child.ts DATA_FOLDER ZENDESK_URL EMAIL TOKEN
 * Loads, prints "loaded", and touches the data folder only once a line arrives on stdin (so a
 * test can load the next child while it checks the folder the last one left); prints "ready"
 * once the first ticket was sent.
 */
import { once } from 'node:events'
import { OffThread } from '../../main/core/workers/off-thread'
import { processWorkerPool } from '../../main/core/workers/process-pool'
import { createTestEngine } from './engine'

const PROFILE_NAME = 'Simulated Zendesk'
const [dataFolder = '', zendeskUrl = '', email = '', token = ''] = process.argv.slice(2)

// From the sources, the render worker compiles its TypeScript on first start, seconds on a busy
// machine: start it while loading, so the time between kills goes to sends, not compiles.
await new OffThread({ pool: processWorkerPool(), now: () => new Date(0) }).render({
  template: 'warm',
  user: {},
})
process.stdout.write('loaded\n')
await once(process.stdin, 'data')
const engine = await createTestEngine(dataFolder)
const vault = engine.vault
const existing = vault.list().find((p) => p.name === PROFILE_NAME)
const profile =
  existing ??
  vault.create({
    name: PROFILE_NAME,
    zendesk: zendeskUrl,
    zendeskAuth: { mode: 'api-token', email },
    brazeEndpoint: 'US-01',
  })
// A kill between saving the profile and its secret leaves it without one: set it again.
if (!profile.secrets.zendeskApiToken?.set) vault.setSecret(profile.id, 'zendeskApiToken', token)

let sent = 0
async function sendTickets(lane: number): Promise<never> {
  for (let i = 0; ; i++) {
    const subject = `crash ${process.pid}-${lane}-${i}`
    const template = `{"ticket": {"subject": "${subject}", "comment": {"body": "Kill me"}}}`
    for await (const event of engine.tickets.send({
      profileId: profile.id,
      template,
      userId: 'u-1001',
      templateName: 'crash test',
    })) {
      if (event.type === 'result' && sent++ === 0) process.stdout.write('ready\n')
    }
  }
}

async function saveProfiles(): Promise<never> {
  for (let i = 0; ; i++) {
    const scratch = vault.create({
      name: `Scratch ${process.pid}-${i}`,
      zendesk: 'acme',
      zendeskAuth: { mode: 'api-token', email: 'scratch@acme.example' },
      brazeEndpoint: 'US-01',
      secrets: { zendeskApiToken: `scratch-token-${i}`, brazeApiKey: `scratch-key-${i}` },
    })
    vault.update(scratch.id, { name: `Scratch ${process.pid}-${i} (edited)` })
    vault.setSecret(scratch.id, 'brazeApiKey', `scratch-key-${i}-2`)
    if (i % 3 !== 2) vault.remove(scratch.id)
    // Profile writes are synchronous (fsync included): leave the sends room to run.
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

await Promise.all([sendTickets(1), sendTickets(2), saveProfiles()])
