import { InvalidArgumentError } from 'commander'

export function parsePort(value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError(`"${value}" is not a port number (0–65535).`)
  }
  return port
}

/** `--header "Name: value"`, repeatable: the headers as a record, the last of a name winning. */
export function collectHeader(
  value: string,
  previous: Record<string, string> | undefined,
): Record<string, string> {
  const colon = value.indexOf(':')
  if (colon <= 0) throw new InvalidArgumentError(`"${value}" is not a header: write "Name: value".`)
  return { ...previous, [value.slice(0, colon).trim()]: value.slice(colon + 1).trim() }
}
