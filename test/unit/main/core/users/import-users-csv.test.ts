import { describe, expect, it } from 'vitest'
import { importUsersCsv } from '../../../../../main/core/users/import-users-csv'
import { RubyFloat } from '../../../../../shared/numbers/ruby-float'
import { MAX_JSON_DEPTH } from '../../../../../shared/security/json-nesting'

/** A CSV cell holding JSON arrays nested `depth` deep, quoted as CSV needs. */
const deepCell = (depth: number) => `"${'['.repeat(depth)}1${']'.repeat(depth)}"`

describe('importing users from CSV', () => {
  it('maps the header row to attributes, Liquid names included', () => {
    const csv = 'user_id,first_name,email_address,city,plan\nu-1,Ada,ada@example.com,London,pro\n'
    expect(importUsersCsv(csv)).toEqual({
      users: [
        {
          external_id: 'u-1',
          first_name: 'Ada',
          email: 'ada@example.com',
          home_city: 'London',
          custom_attributes: { plan: 'pro' },
        },
      ],
      problems: [],
    })
  })

  it('builds nested custom attributes from dotted headers and types the cells', () => {
    const csv =
      'external_id,address.city,custom_attribute.address.zip,vip,score,colors\nu-1,Berlin,10115,true,3.5,"[""red"",""green""]"\n'
    expect(importUsersCsv(csv).users[0]?.custom_attributes).toEqual({
      address: { city: 'Berlin', zip: 10115 },
      vip: true,
      score: 3.5,
      colors: ['red', 'green'],
    })
  })

  it('keeps a cell of 2.0 a Float, in JSON cells too', () => {
    const csv = 'external_id,balance,visits,prices\nu-1,2.0,2,"[1.0, 1.5]"\n'
    expect(importUsersCsv(csv).users[0]?.custom_attributes).toStrictEqual({
      balance: new RubyFloat(2),
      visits: 2,
      prices: [new RubyFloat(1), 1.5],
    })
  })

  it('leaves empty cells out and keeps phone numbers as text', () => {
    const csv = 'external_id,phone,last_name\nu-1,+14155550101,\n'
    expect(importUsersCsv(csv).users).toEqual([
      { external_id: 'u-1', phone: '+14155550101', custom_attributes: {} },
    ])
  })

  it('reports a row with the wrong number of cells at its line', () => {
    const result = importUsersCsv('external_id,first_name\nu-1,Ada\nu-2\n')
    expect(result.problems.map((p) => [p.code, p.line])).toEqual([['csv-syntax', 3]])
    expect(result.users).toEqual([])
  })

  it('reports an unclosed quote', () => {
    expect(
      importUsersCsv('external_id,first_name\nu-1,"Ada\n').problems.map((p) => p.code),
    ).toEqual(['csv-syntax'])
  })

  it('reports repeated and clashing headers', () => {
    expect(
      importUsersCsv('email,email_address\na,b\n').problems.map((p) => [p.code, p.line, p.column]),
    ).toEqual([['csv-header', 1, 7]])
    expect(
      importUsersCsv('external_id,address,address.city\nu,a,b\n').problems.map((p) => p.message),
    ).toEqual(['"address" is both a value and the parent of "address.city".'])
  })

  it('warns about rows that cannot be picked by id', () => {
    expect(importUsersCsv('first_name\nAda\n').problems.map((p) => [p.code, p.line])).toEqual([
      ['user-without-id', 2],
    ])
  })

  it.each([
    ['a cell', `external_id,x\nu-1,1\nu-2,${deepCell(200_000)}\nu-3,3\n`, 3],
    ['a cell under a dotted path', `external_id,a.b.c\nu-1,1\nu-2,${deepCell(300)}\nu-3,3\n`, 3],
  ])(
    'leaves out a row whose JSON in %s nests too deeply, and keeps the others',
    (_kind, csv, line) => {
      const result = importUsersCsv(csv)
      expect(result.users.map((u) => u.external_id)).toEqual(['u-1', 'u-3'])
      expect(result.problems).toEqual([
        expect.objectContaining({ code: 'json-too-deep', severity: 'error', line }),
      ])
      expect(result.problems[0]?.message).toMatch(/nested too deeply/)
    },
  )

  it('refuses a dotted header with more parts than the nesting limit', () => {
    const result = importUsersCsv(`external_id,${Array(200_000).fill('a').join('.')}\nu-1,1\n`)
    expect(result.users).toEqual([])
    expect(result.problems.map((p) => [p.code, p.line, p.column])).toEqual([['csv-header', 1, 13]])
  })

  it('reads a cell that nests right up to the limit', () => {
    // The user and custom_attributes take one level each.
    const csv = `external_id,x\nu-1,${deepCell(MAX_JSON_DEPTH - 2)}\n`
    expect(importUsersCsv(csv).problems).toEqual([])
    expect(
      importUsersCsv(`external_id,x\nu-1,${deepCell(MAX_JSON_DEPTH - 1)}\n`).problems,
    ).toHaveLength(1)
  })
})
