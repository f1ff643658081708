import { spawn, spawnSync } from 'node:child_process'
import path from 'node:path'

/**
 * Ruby Liquid 5 with ActiveSupport, as Braze renders, driven through render.rb in batch mode:
 * one Ruby process renders every case (JSON lines in, JSON lines out).
 */

const SCRIPT = path.join(import.meta.dirname, 'render.rb')

export interface OracleRequest {
  id: string
  template: string
  /** The variables as JSON text, so Ruby parses `2.0` as a Float itself. */
  varsJson: string
  /** ISO time the render's clock stands at. */
  now: string
}

export interface OracleAnswer {
  id: string
  /** Null when Ruby itself failed (not a Liquid error). */
  output: string | null
  errors: string[]
}

/** Liquid and ActiveSupport versions, or why Ruby Liquid cannot run here. */
export function rubyLiquidVersion(): { ok: true; version: string } | { ok: false; why: string } {
  const probe = spawnSync('ruby', [SCRIPT, '--version'], { encoding: 'utf8', timeout: 30_000 })
  if (probe.error) return { ok: false, why: `ruby is not installed (${probe.error.message})` }
  if (probe.status !== 0)
    return { ok: false, why: `ruby cannot load liquid and active_support: ${probe.stderr.trim()}` }
  return { ok: true, version: probe.stdout.trim() }
}

/** Renders every request in one Ruby process; answers keyed by id. */
export function renderWithRuby(
  requests: readonly OracleRequest[],
): Promise<Map<string, OracleAnswer>> {
  return new Promise((resolve, reject) => {
    const child = spawn('ruby', [SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`render.rb exited with ${code}: ${stderr.trim()}`))
        return
      }
      const answers = new Map<string, OracleAnswer>()
      for (const line of stdout.split('\n')) {
        if (line.trim() === '') continue
        const answer = JSON.parse(line) as OracleAnswer
        answers.set(answer.id, answer)
      }
      resolve(answers)
    })
    for (const request of requests) {
      const line = `{"id":${JSON.stringify(request.id)},"template":${JSON.stringify(request.template)},"now":${JSON.stringify(request.now)},"vars":${request.varsJson}}`
      child.stdin.write(`${line}\n`)
    }
    child.stdin.end()
  })
}
