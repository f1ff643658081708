// Renders resources/icons/*.svg to the PNG sizes Electron, the tray and the page need, using
// Debian's Chromium (run by hand after changing an SVG: `node --import tsx scripts/render-icons.ts`).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, findChromium } from '../test/helpers/chromium'

const root = path.resolve(import.meta.dirname, '..', 'resources')
const jobs: Array<{ svg: string; size: number; out: string }> = [
  { svg: 'icons/icon.svg', size: 512, out: 'icons/icon.png' },
  { svg: 'icons/icon.svg', size: 32, out: 'icons/tray.png' },
  { svg: 'icons/tray-template.svg', size: 16, out: 'icons/trayTemplate.png' },
  { svg: 'icons/tray-template.svg', size: 32, out: 'icons/trayTemplate@2x.png' },
  { svg: 'icons/icon.svg', size: 64, out: 'public/icon.png' },
]

const executablePath = findChromium(process.env)
if (!executablePath)
  throw new Error('No Chromium found (install chromium or set BRIDGEBENCH_CHROMIUM).')
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
try {
  for (const job of jobs) {
    const page = await browser.newPage({ viewport: { width: job.size, height: job.size } })
    const svg = readFileSync(path.join(root, job.svg), 'utf8')
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{width:${job.size}px;height:${job.size}px;display:block}</style>${svg}`,
    )
    await page.screenshot({ path: path.join(root, job.out), omitBackground: true })
    await page.close()
    console.log(`${job.out} (${job.size}px)`)
  }
} finally {
  await browser.close()
}
