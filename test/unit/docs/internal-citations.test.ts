import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const REPO = path.resolve(import.meta.dirname, '..', '..', '..')

/** What only the team can open: the reference notes, the design files, a folder outside the repo. */
const INTERNAL = /braze\.md|zendesk\.md|toolchain\.md|§|DESIGN\.md|STYLE\.md|\.\.\/shared\b/

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(REPO, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.relative(REPO, path.join(entry.parentPath, entry.name)))
}

/** Every string a program can show: literals, template pieces and JSX text; never imports or comments. */
function userFacingStrings(file: string): Array<{ where: string; text: string }> {
  const text = readFileSync(path.join(REPO, file), 'utf8')
  // Only a file that mentions one somewhere (most do so in comments) is worth parsing.
  if (!INTERNAL.test(text)) return []
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind)
  const found: Array<{ where: string; text: string }> = []
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return
    if (ts.isImportTypeNode(node) || ts.isExternalModuleReference(node)) return
    if (
      ts.isStringLiteralLike(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node)
    ) {
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1
      found.push({ where: `${file}:${line}`, text: node.text })
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

describe('text a user reads', () => {
  it('never cites the team’s internal files in main/, renderer/ or shared/', () => {
    const offending = ['main', 'renderer', 'shared']
      .flatMap(sourceFiles)
      .flatMap(userFacingStrings)
      .filter(({ text }) => INTERNAL.test(text))
      .map(({ where, text }) => `${where}: ${text.slice(0, 120)}`)
    expect(offending).toEqual([])
    // Parses every source file: seconds on a busy two-core machine.
  }, 60_000)

  it('never points the README at files outside the repository', () => {
    const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8')
    const offending = readme.split('\n').filter((line) => INTERNAL.test(line))
    expect(offending).toEqual([])
  })

  it('catches an internal citation when there is one', () => {
    expect(INTERNAL.test('Escape it (braze.md §8.11).')).toBe(true)
    expect(INTERNAL.test('see ../shared/DESIGN.md')).toBe(true)
    expect(INTERNAL.test('(https://developer.zendesk.com/api-reference/)')).toBe(false)
  })
})
