import type {
  CannedResponse,
  LintTargetId,
  StandIns,
  TriggerContext,
} from '../../../shared/contract/compose'
import type { BrazeUserProfile } from '../../../shared/contract/users'
import type { RenderLimits } from './render-limits'

/** One render of a template for one user, as the dialect takes it. */
export interface RenderInput {
  template: string
  /** Request header templates by name. */
  headers?: Record<string, string>
  user: BrazeUserProfile
  context?: TriggerContext
  connectedContent?: {
    /** URL → response; a URL without its query string also matches. */
    responses?: Record<string, CannedResponse>
    /** Call URLs that have no canned response (only if the engine was given a fetch). */
    live?: boolean
  }
  standIns?: StandIns
  /** The time `'now'` stands for; the engine's clock when absent. */
  now?: Date
  target?: LintTargetId
  /** Time, output and memory limits of this render; the dialect's defaults when absent. */
  limits?: RenderLimits
}
