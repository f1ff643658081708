import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

// No test may read or write the real data folder: a developer's (or a shared CI machine's)
// ~/.config/Bridgebench would leak state between runs and versions. Every worker gets its own
// home; os.homedir() and child processes follow HOME.
const home = mkdtempSync(path.join(tmpdir(), 'bridgebench-home-'))
process.env.HOME = home
process.env.XDG_CONFIG_HOME = path.join(home, '.config')
delete process.env.BRIDGEBENCH_HOME
