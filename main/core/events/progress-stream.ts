/**
 * Runs `work`, yielding each event it reports while it is still running, then returns its
 * result (or throws its error). Lets a callback-style progress report become a streamed API
 * response without losing events or waiting for the end.
 */
export async function* streamWhile<E, R>(
  work: (emit: (event: E) => void) => Promise<R>,
): AsyncGenerator<E, R> {
  const queue: E[] = []
  let wake: (() => void) | undefined
  let finished = false
  const running = work((event) => {
    queue.push(event)
    wake?.()
  })
  const settle = () => {
    finished = true
    wake?.()
  }
  // Rejections surface at `await running` below; here we only learn that it ended.
  running.then(settle, settle)
  for (;;) {
    while (queue.length > 0) yield queue.shift() as E
    if (finished) break
    await new Promise<void>((resolve) => (wake = resolve))
  }
  return await running
}
