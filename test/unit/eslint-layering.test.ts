import path from 'node:path'
import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '..', '..')
// Layering rules do not need type information; skipping it keeps this test fast.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: [
    tseslint.configs.disableTypeChecked,
    { rules: { '@typescript-eslint/switch-exhaustiveness-check': 'off' } },
  ],
})

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) })
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message)
}

describe('layering rules (DESIGN.md) as lint errors', () => {
  it('forbids electron in the engine', async () => {
    expect(await ruleIds('main/core/probe.ts', "import 'electron'\n")).toContain(
      'no-restricted-imports',
    )
  })

  it('forbids the engine from reaching into a front door', async () => {
    const code =
      "import { hardenedWindowOptions } from '../desktop/window-options'\nexport const x = hardenedWindowOptions\n"
    expect(await ruleIds('main/core/probe.ts', code)).toContain('import-x/no-restricted-paths')
  })

  it('forbids Node modules and main/ in the renderer', async () => {
    expect(await ruleIds('renderer/src/probe.ts', "import 'node:fs'\n")).toContain(
      'no-restricted-imports',
    )
    const code = "import { Engine } from '../../main/core/engine'\nexport const x = Engine\n"
    expect(await ruleIds('renderer/src/probe.ts', code)).toContain('import-x/no-restricted-paths')
  })

  it('keeps shared/ free of either side', async () => {
    const code = "import { Engine } from '../main/core/engine'\nexport const x = Engine\n"
    expect(await ruleIds('shared/probe.ts', code)).toContain('import-x/no-restricted-paths')
  })

  it.each([
    ['main/core/braze/probe.ts', '../simulators/braze/error-bodies', 'NO_VALID_DATA'],
    ['main/core/zendesk/probe.ts', '../simulators/zendesk/model', 'TICKET_STATUSES'],
    [
      'main/core/zendesk/placeholders/probe.ts',
      '../../simulators/zendesk/error-bodies',
      'INVALID_ENDPOINT',
    ],
  ])(
    'forbids Braze and Zendesk knowledge (%s) from importing the simulators',
    async (file, from, name) => {
      const code = `import { ${name} } from '${from}'\nexport const x = ${name}\n`
      expect(await ruleIds(file, code)).toContain('import-x/no-restricted-paths')
    },
  )

  it('lets the simulators import Braze and Zendesk knowledge', async () => {
    const code =
      "import { checkTrackBody } from '../../braze/users-track/track-validation'\nexport const x = checkTrackBody\n"
    expect(await ruleIds('main/core/simulators/braze/probe.ts', code)).toEqual([])
  })

  it.each(
    ['net', 'storage'].flatMap((plumbing) =>
      [
        ['braze', 'braze/export-client', 'PREVIEW_FIELDS'],
        ['zendesk', 'zendesk/test-tag', 'TEST_TAG'],
        ['liquid', 'liquid/problem', 'problemAt'],
        ['simulators', 'simulators/ids', 'ulid'],
        ['users', 'users/user-identity', 'userKey'],
        ['templates', 'templates/built-in-templates', 'SEED_TEMPLATE_ID'],
        ['captures', 'captures/exchange-store', 'ExchangeStore'],
        ['vault', 'vault/aes-gcm', 'seal'],
        ['connection', 'connection/connection-tester', 'testConnection'],
        ['receiver', 'receiver/parse-status', 'parseStatus'],
        ['tunnel', 'tunnel/backoff', 'backoffDelay'],
        ['instance', 'instance/instance-file', 'claimDataFolder'],
      ].map(([domain, module, name]) => [plumbing, domain, module, name]),
    ),
  )('keeps %s plumbing free of the %s domain', async (plumbing, _domain, module, name) => {
    const code = `import { ${name} } from '../${module}'\nexport const x = ${name}\n`
    expect(await ruleIds(`main/core/${plumbing}/probe.ts`, code)).toContain(
      'import-x/no-restricted-paths',
    )
  })

  it('lets plumbing import shared helpers', async () => {
    const code = "import { isRecord } from '../../../shared/is-record'\nexport const x = isRecord\n"
    expect(await ruleIds('main/core/net/probe.ts', code)).toEqual([])
  })

  it('keeps storage/ free of the rest of the engine', async () => {
    const upward =
      "import { ProfileVault } from '../vault/profile-vault'\nexport const x = ProfileVault\n"
    expect(await ruleIds('main/core/storage/probe.ts', upward)).toContain(
      'import-x/no-restricted-paths',
    )
    const inside = "import { fsyncFolder } from './durable-files'\nexport const x = fsyncFolder\n"
    expect(await ruleIds('main/core/storage/probe.ts', inside)).toEqual([])
  })

  it.each(['receiver', 'tunnel', 'captures'])(
    'keeps the %s folder free of the simulators',
    async (folder) => {
      const code =
        "import { startSandbox } from '../simulators/sandbox'\nexport const x = startSandbox\n"
      expect(await ruleIds(`main/core/${folder}/probe.ts`, code)).toContain(
        'import-x/no-restricted-paths',
      )
    },
  )

  it('lets the desktop door import electron', async () => {
    expect(await ruleIds('main/desktop/probe.ts', "import 'electron'\n")).toEqual([])
  })
})
