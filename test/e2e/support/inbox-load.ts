import type { Page } from 'playwright-core'
import type { Capture } from '../../../shared/contract'
import { CaptureStore } from '../../../main/core/captures/capture-store'

/**
 * Writes `count` captures into the data folder's capture store before any engine opens it, as
 * 10,000 deliveries over a day would have: mostly valid, some forged, unsigned or malformed.
 */
export async function seedCaptureStore(dataFolder: string, count: number): Promise<void> {
  const store = await CaptureStore.open(dataFolder)
  const start = Date.now() - count * 1000
  for (let first = 0; first < count; first += 500) {
    const batch: Array<Promise<void>> = []
    for (let n = first; n < Math.min(first + 500, count); n++) {
      const at = new Date(start + n * 1000)
      batch.push(store.put(sampleCapture(store.newId(at), n, at)))
    }
    await Promise.all(batch)
  }
  // Every record becomes its own file: a journal still owned by this (live) process would be
  // left alone by the engine that opens the folder next.
  await store.flush()
  await store.close()
}

const VERDICTS = ['valid', 'valid', 'valid', 'invalid', 'missing', 'valid (test secret)'] as const

function sampleCapture(id: string, n: number, at: Date): Capture {
  const malformed = n % 97 === 0
  const data = malformed
    ? `{"ticket": {"id": ${n}, "status": "solved",}}`
    : JSON.stringify({ external_id: `u-${1000 + (n % 50)}`, ticket: { id: n, status: 'solved' } })
  const time = at.toISOString().replace('Z', '000Z')
  const verdict = VERDICTS[n % VERDICTS.length] ?? 'valid'
  return {
    id,
    route: n % 5 === 0 ? 'sandbox' : 'braze',
    receivedAt: time,
    request: {
      method: 'POST',
      url: n % 5 === 0 ? '/hooks/sandbox' : '/hooks/braze',
      headers: [
        ['content-type', 'application/json'],
        ['x-zendesk-webhook-invocation-id', String(800_000_000 + n)],
      ],
      body: { encoding: 'utf8', data, size: data.length, truncated: false },
      at: time,
    },
    transport: 'direct',
    clientAddress: '127.0.0.1',
    contentType: 'application/json',
    parse: malformed
      ? { kind: 'json', ok: false, error: { message: 'Unexpected "}"', at: null } }
      : { kind: 'json', ok: true, error: null },
    signature: {
      verdict,
      secret: verdict === 'valid' ? 'profile' : verdict === 'valid (test secret)' ? 'test' : null,
      cause: null,
      timestamp: null,
      ageSeconds: null,
      warning: null,
    },
    invocation: {
      webhookId: null,
      invocationId: String(800_000_000 + n),
      attempt: 1,
      accountId: null,
    },
    answer: { status: 200, retryAfterSeconds: null, delayMs: 0, closed: false, reason: 'seeded' },
    next: { outcome: 'delivered', message: 'Answered 200.', retryInSeconds: null },
    flags: n % 41 === 0 ? ['duplicate'] : [],
    sealedHeaders: [],
  }
}

/*
 * The in-page parts are strings: this file is type-checked for Node, without the DOM's types.
 */

/** Resolves with the ms from switching to the Inbox to the first frame painted with rows. */
const FIRST_ROWS_SCRIPT = `new Promise((resolve) => {
  const start = performance.now()
  const observer = new MutationObserver(() => {
    if (!document.querySelector('#capture-viewport [role=option]')) return
    observer.disconnect()
    requestAnimationFrame(() => resolve(performance.now() - start))
  })
  observer.observe(document.body, { childList: true, subtree: true })
  window.location.hash = '#/inbox'
})`

/**
 * Opens the Inbox from another screen, as a user would, and returns the milliseconds from the
 * switch to the first frame painted with rows in it.
 */
export async function openInboxTimed(page: Page): Promise<number> {
  await page.getByRole('button', { name: /^Overview/ }).waitFor()
  return page.evaluate<number>(FIRST_ROWS_SCRIPT)
}

export interface ScrollMeasure {
  frames: number
  /** Rows moved per frame: 3 is a mouse wheel, a screenful is a fling or a held Page Down. */
  rowsPerFrame: number
  /** Time between frames while scrolling: what a user sees, this machine's load included. */
  p95: number
  max: number
  /**
   * CPU time of the page's main thread per frame (script, style, layout, paint), from Chromium's
   * trace: unlike wall time, it does not grow when other processes share the cores.
   */
  cpuPerFrame: number
  /** Rows paged into the list by the end (it loads more as the end comes into view). */
  loadedRows: number
  /** Row elements in the DOM at the end: the windowing keeps this near the viewport's. */
  domRows: number
}

/** Frame gaps over `count` frames, scrolling `rows` rows each frame, sorted. */
const frameGapsScript = (count: number, rows: number, rowHeight: number) => `(async () => {
  const viewport = document.getElementById('capture-viewport')
  const times = []
  let last = performance.now()
  for (let i = 0; i < ${count}; i++) {
    viewport.scrollBy(0, ${rows * rowHeight})
    await new Promise((resolve) => requestAnimationFrame(resolve))
    const now = performance.now()
    times.push(now - last)
    last = now
  }
  return times.sort((a, b) => a - b)
})()`

const LIST_SIZE_SCRIPT = `(() => {
  const viewport = document.getElementById('capture-viewport')
  return {
    height: viewport.firstElementChild.offsetHeight,
    rows: viewport.querySelectorAll('[role=option]').length,
  }
})()`

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  tdur?: number
  args?: { name?: string }
}

/** CPU milliseconds of the renderer's main thread in a trace (its top-level tasks). */
function mainThreadCpuMs(trace: Buffer): number {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents
  const main = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  )
  return events
    .filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask')
    .filter((e) => main.has(`${e.pid}:${e.tid}`))
    .reduce((sum, e) => sum + (e.tdur ?? 0) / 1000, 0)
}

/**
 * Scrolls the list down by `rowsPerFrame` rows each frame for `frames` frames and reports the
 * time between frames and the main thread's CPU time per frame.
 */
export async function measureScrolling(
  page: Page,
  options: { frames: number; rowsPerFrame: number; rowHeight?: number },
): Promise<ScrollMeasure> {
  const rowHeight = options.rowHeight ?? 30
  const browser = page.context().browser()
  if (!browser) throw new Error('measureScrolling needs a launched browser')
  await browser.startTracing(page, { categories: ['toplevel'] })
  const gaps = await page.evaluate<number[]>(
    frameGapsScript(options.frames, options.rowsPerFrame, rowHeight),
  )
  const cpu = mainThreadCpuMs(await browser.stopTracing())
  const size = await page.evaluate<{ height: number; rows: number }>(LIST_SIZE_SCRIPT)
  return {
    frames: gaps.length,
    rowsPerFrame: options.rowsPerFrame,
    p95: gaps[Math.floor(gaps.length * 0.95)] ?? 0,
    max: gaps[gaps.length - 1] ?? 0,
    cpuPerFrame: cpu / gaps.length,
    loadedRows: Math.round(size.height / rowHeight),
    domRows: size.rows,
  }
}

/** One line for the test log. */
export function describeScrolling(m: ScrollMeasure): string {
  return (
    `${m.rowsPerFrame} rows/frame over ${m.frames} frames: main-thread CPU ` +
    `${m.cpuPerFrame.toFixed(1)} ms/frame; frame gaps p95 ${m.p95.toFixed(1)} ms, max ` +
    `${m.max.toFixed(0)} ms (wall, machine load included); ${m.loadedRows} rows loaded, ` +
    `${m.domRows} in the DOM`
  )
}
