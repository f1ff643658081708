import type { ReplayResult } from '../../../../shared/contract'

/** Results a run keeps for its exports; past this, `bridgebench replay --junit` has them all. */
export const KEPT_RESULTS = 100_000

/**
 * Every result of a run in arrival order, for its JUnit and NDJSON exports (the screen lists only
 * some). Appended in place: copying the list for each of 100,000 results would be quadratic.
 */
export class RunLog {
  private readonly kept: ReplayResult[] = []
  private over = 0

  constructor(private readonly limit = KEPT_RESULTS) {}

  add(result: ReplayResult): void {
    if (this.kept.length < this.limit) this.kept.push(result)
    else this.over++
  }

  get results(): readonly ReplayResult[] {
    return this.kept
  }

  /** Results that came after the log was full. */
  get dropped(): number {
    return this.over
  }
}
