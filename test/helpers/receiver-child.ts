/**
 * The process the receiver crash test kills: a capture store and the receiver on a data folder,
 * answering on a free port until SIGKILL.
 *
 * node --import tsx test/helpers/receiver-child.ts DATA_FOLDER
 * Prints `port N` once it listens.
 */
import path from 'node:path'
import { CaptureStore } from '../../main/core/captures/capture-store'
import { startReceiver } from '../../main/core/receiver/receiver-service'
import { ReceiverSettingsStore } from '../../main/core/receiver/receiver-settings'
import { SelfTestArrivals } from '../../main/core/receiver/self-test-arrivals'

const [dataFolder = ''] = process.argv.slice(2)
const captures = await CaptureStore.open(dataFolder, { retention: { maxCount: 1_000_000 } })
const settings = new ReceiverSettingsStore({
  path: path.join(dataFolder, 'receiver.json'),
  read: () => ({}),
  write: () => undefined,
  backup: () => undefined,
})
const receiver = await startReceiver({
  captures,
  settings: () => settings.get(),
  secretsFor: () => ({}),
  tunnel: () => undefined,
  selfTests: new SelfTestArrivals(),
  now: () => new Date(),
  log: (line) => process.stderr.write(`${line}\n`),
  captured: () => undefined,
  encrypt: () => undefined,
})
process.stdout.write(`port ${receiver.port}\n`)
