import { describe, expect, it } from 'vitest'
import { compare, type Clocks, type Comparison } from '../../../bench/harness'

/**
 * A machine where each operation costs a fixed CPU time, times a slowdown (cold caches when
 * other processes ran), and the process gets `share` of a core: the wall clock stretches with
 * the share, the CPU clock only with the slowdown.
 */
function busyMachine(shares: number[], slowdowns: number[] = [1]) {
  let cpu = 0
  let wall = 0
  let turn = 0
  const clocks: Clocks = { cpuSeconds: () => cpu, wallSeconds: () => wall }
  const side = (secondsPerOp: number, ops: number, order: string[], name: string) => () => {
    order.push(name)
    const share = shares[turn % shares.length] ?? 1
    const slowdown = slowdowns[turn % slowdowns.length] ?? 1
    turn++
    cpu += secondsPerOp * ops * slowdown
    wall += (secondsPerOp * ops * slowdown) / share
    return ops
  }
  return { clocks, side }
}

describe('the bench harness', () => {
  it('rates each side per CPU-second, so a busy moment on one side does not change the ratio', async () => {
    const order: string[] = []
    // Shares swing from a full core to a tenth of one between measurements.
    const machine = busyMachine([1, 0.1, 0.5, 1, 0.2, 0.9])
    const comparison: Comparison = {
      name: 'x',
      unit: 'ops/CPU-s',
      baseline: machine.side(0.001, 100, order, 'base'),
      subject: machine.side(0.004, 100, order, 'subject'),
      target: 0.25,
      warmup: 0,
    }
    const result = await compare(comparison, 5, machine.clocks)
    expect(result.ratio).toBeCloseTo(0.25, 10)
    expect(result.medianRatio).toBeCloseTo(0.25, 10)
    expect(result.spread.min).toBeCloseTo(0.25, 10)
    expect(result.spread.max).toBeCloseTo(0.25, 10)
    expect(result.pass).toBe(true)
    expect(result.wallRatio).not.toBeCloseTo(0.25, 2)
    expect(result.value).toBeCloseTo(250, 6)
    expect(result.baseline).toBeCloseTo(1000, 6)
  })

  it('judges on each side’s best round, which load can only slow down', async () => {
    // Every other measurement runs 1.5 to 3 times slower, on either side.
    const machine = busyMachine([0.2], [1, 3, 1.5, 1, 2.5, 1, 1, 3, 1, 2])
    const result = await compare(
      {
        name: 'x',
        unit: 'ops/CPU-s',
        baseline: machine.side(0.001, 100, [], 'b'),
        subject: machine.side(0.004, 100, [], 's'),
        target: 0.25,
        warmup: 0,
      },
      5,
      machine.clocks,
    )
    expect(result.ratio).toBeCloseTo(0.25, 10)
    expect(result.pass).toBe(true)
    expect(result.spread.min).toBeLessThan(0.25)
    expect(result.samples.subject).toHaveLength(5)
  })

  it('runs warm-up rounds first, uncounted, then alternates which side goes first', async () => {
    const order: string[] = []
    const machine = busyMachine([1])
    const result = await compare(
      {
        name: 'x',
        unit: 'ops/CPU-s',
        baseline: machine.side(0.001, 1, order, 'b'),
        subject: machine.side(0.002, 1, order, 's'),
        target: null,
        warmup: 1,
        minRounds: 4,
      },
      2,
      machine.clocks,
    )
    expect(order).toEqual(['b', 's', 'b', 's', 's', 'b', 'b', 's', 's', 'b'])
    expect(result).toMatchObject({ rounds: 4, warmup: 1, pass: null, cpuShare: 1 })
  })

  it('runs no more rounds than a comparison allows, however many are asked for', async () => {
    const order: string[] = []
    const machine = busyMachine([1])
    const result = await compare(
      {
        name: 'x',
        unit: 'ops/CPU-s',
        baseline: machine.side(0.001, 1, order, 'b'),
        subject: machine.side(0.002, 1, order, 's'),
        target: null,
        warmup: 0,
        maxRounds: 3,
      },
      9,
      machine.clocks,
    )
    expect(result.rounds).toBe(3)
    expect(order).toEqual(['b', 's', 's', 'b', 'b', 's'])
  })

  it('judges a floor on the subject’s best round and reports its median beside it', async () => {
    const machine = busyMachine([1])
    const rates = [30, 10, 12]
    const result = await compare(
      {
        name: 'x',
        unit: '1000/p99 ms',
        per: 'measured',
        baseline: () => 1,
        subject: () => rates.shift() ?? 0,
        target: null,
        floor: { value: 20, what: 'p99 ≤ 50 ms' },
        warmup: 0,
      },
      3,
      machine.clocks,
    )
    expect(result.pass).toBe(true)
    expect(result.note).toBe('p99 ≤ 50 ms: best 30, median 12 1000/p99 ms, needs ≥ 20')
  })

  it('prepares before every measurement of either side without counting it', async () => {
    const order: string[] = []
    const machine = busyMachine([1])
    // Preparing burns a whole CPU-second: counted, it would swamp both sides' rates.
    const prepare = machine.side(1, 1, order, 'prepare')
    const result = await compare(
      {
        name: 'x',
        unit: 'ops/CPU-s',
        baseline: machine.side(0.001, 10, order, 'b'),
        subject: machine.side(0.002, 10, order, 's'),
        prepare: () => Promise.resolve(void prepare()),
        target: null,
        warmup: 0,
      },
      2,
      machine.clocks,
    )
    expect(order).toEqual(['prepare', 'b', 'prepare', 's', 'prepare', 's', 'prepare', 'b'])
    expect(result.ratio).toBeCloseTo(0.5, 10)
    expect(result.value).toBeCloseTo(500, 6)
  })

  it('fails a comparison whose median ratio is below its target', async () => {
    const machine = busyMachine([1])
    const result = await compare(
      {
        name: 'x',
        unit: 'ops/CPU-s',
        baseline: machine.side(0.001, 10, [], 'b'),
        subject: machine.side(0.005, 10, [], 's'),
        target: 0.25,
        warmup: 0,
      },
      3,
      machine.clocks,
    )
    expect(result.ratio).toBeCloseTo(0.2, 10)
    expect(result.pass).toBe(false)
  })
})
