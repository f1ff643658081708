import type { HeaderRow, MessageDiff } from '../../shared/contract/diffs'

/** A diff as a person reads it in a terminal: start lines, header changes, body changes. */
export function formatDiff(diff: MessageDiff): string[] {
  const lines = [
    `--- ${diff.left.label}: ${diff.left.startLine}`,
    `+++ ${diff.right.label}: ${diff.right.startLine}`,
  ]
  if (diff.identical) lines.push('No differences (beyond what the ignore rules leave out).')
  const rows = diff.headers.rows.filter((row) => row.changes.length > 0)
  if (rows.length > 0 || diff.headers.orderChanged) {
    lines.push('Headers:')
    if (diff.headers.orderChanged)
      lines.push('  (the order of the headers both sides have changed)')
    for (const row of rows) lines.push(`  ${headerLine(row)}`)
  }
  const body = diff.body
  switch (body.mode) {
    case 'json':
      if (body.changes.length > 0) lines.push('Body (JSON):')
      for (const change of body.changes)
        lines.push(`  ${change.path || '(the body)'}: ${change.summary}`)
      if (body.moreChanges > 0) lines.push(`  … and ${body.moreChanges} more changes`)
      if (body.ignored.length > 0)
        lines.push(
          `  (${body.ignored.length} ignored: ${body.ignored
            .map((i) => i.path)
            .slice(0, 5)
            .join(', ')})`,
        )
      break
    case 'text':
      if (body.hunks.length > 0) lines.push('Body (text):')
      for (const hunk of body.hunks) {
        lines.push(
          `@@ -${hunk.leftStart},${hunk.leftLines} +${hunk.rightStart},${hunk.rightLines} @@`,
        )
        for (const line of hunk.lines)
          lines.push(`${line.op === 'insert' ? '+' : line.op === 'delete' ? '-' : ' '}${line.text}`)
      }
      break
    case 'binary':
      if (body.leftSha256 !== body.rightSha256)
        lines.push(
          `Body (binary): ${body.leftSize} bytes sha256 ${body.leftSha256} → ${body.rightSize} bytes sha256 ${body.rightSha256}`,
        )
      break
    case 'too-large':
      lines.push(`Body: too large to compare (${body.leftSize} and ${body.rightSize} bytes)`)
      break
  }
  for (const note of diff.notes) lines.push(`Note: ${note}`)
  return lines
}

function headerLine(row: HeaderRow): string {
  const name = row.right?.names[0] ?? row.left?.names[0] ?? row.name
  const left = row.left?.values.join(', ')
  const right = row.right?.values.join(', ')
  const what = row.changes.join(', ')
  const tail = row.ignored ? ' (ignored)' : ''
  const names = row.changes.includes('case')
    ? ` [${row.left?.names[0] ?? ''} → ${row.right?.names[0] ?? ''}]`
    : ''
  if (!row.left) return `+ ${name}: ${right ?? ''}${tail}`
  if (!row.right) return `- ${name}: ${left ?? ''}${tail}`
  return `~ ${name}: ${what}${names}${left !== right ? ` ${left ?? ''} → ${right ?? ''}` : ''}${tail}`
}
