/** What an API failure says, for a person: the engine's message, never a stack. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
