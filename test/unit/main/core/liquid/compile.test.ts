import { describe, expect, it, vi } from 'vitest'
import { TemplateCompiler } from '../../../../../main/core/liquid/compile'

describe('TemplateCompiler', () => {
  it('parses a template once and serves later renders from its cache', () => {
    const compiler = new TemplateCompiler()
    const parse = vi.spyOn(compiler.liquid, 'parse')
    const first = compiler.compile('Hi {{${first_name}}}')
    const again = compiler.compile('Hi {{${first_name}}}')
    expect(again).toBe(first)
    expect(parse).toHaveBeenCalledTimes(1)
  })

  it('forgets the least recently used template beyond its size', () => {
    const compiler = new TemplateCompiler(2)
    const a = compiler.compile('a')
    const b = compiler.compile('b')
    compiler.compile('a')
    compiler.compile('c')
    expect(compiler.compile('a')).toBe(a)
    expect(compiler.compile('b')).not.toBe(b)
  })

  it('does not parse a template whose dialect errors make it unrenderable', () => {
    const compiler = new TemplateCompiler()
    const compiled = compiler.compile('{{ x | camelize }}')
    expect(compiled.templates).toBeNull()
    expect(compiled.problems.map((p) => p.code)).toEqual(['unsupported-filter'])
  })
})
