import { describe, expect, it } from 'vitest'
import { installStopSignals } from '../../../../main/cli/stop-signals'

function fakeProcess() {
  const listeners = new Map<string, () => void>()
  const exits: number[] = []
  let clock = 0
  const signals = installStopSignals(
    (code) => exits.push(code),
    (signal, listener) => listeners.set(signal, listener),
    () => clock,
  )
  return {
    signals,
    exits,
    send: (signal: 'SIGINT' | 'SIGTERM') => listeners.get(signal)?.(),
    wait: (ms: number) => (clock += ms),
  }
}

describe('stopping the CLI', () => {
  it('ends a command at once: 130 after Ctrl+C, 143 after SIGTERM', () => {
    const ctrlC = fakeProcess()
    ctrlC.send('SIGINT')
    expect(ctrlC.exits).toEqual([130])
    const term = fakeProcess()
    term.send('SIGTERM')
    expect(term.exits).toEqual([143])
  })

  it('lets a server close gracefully, ignoring the same signal raised again', async () => {
    const run = fakeProcess()
    const stopped = run.signals.untilStopped()
    run.send('SIGTERM')
    run.send('SIGTERM')
    await expect(stopped).resolves.toBeUndefined()
    expect(run.exits).toEqual([])
  })

  it('forces the exit when asked again a second later while the server is still closing', () => {
    const run = fakeProcess()
    void run.signals.untilStopped()
    run.send('SIGINT')
    run.wait(1_500)
    run.send('SIGINT')
    expect(run.exits).toEqual([130])
  })
})
