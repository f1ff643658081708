import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import { CONTENT_SECURITY_POLICY } from './shared/content-security-policy'

const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as {
  version: string
}
const define = { __BRIDGEBENCH_VERSION__: JSON.stringify(pkg.version) }

/** The desktop window has no server to send a CSP header, so the page carries it itself. */
function injectCsp(): Plugin {
  return {
    name: 'bridgebench-csp',
    transformIndexHtml: (html: string) =>
      html.replace('%BRIDGEBENCH_CSP%', CONTENT_SECURITY_POLICY),
  }
}

export default defineConfig({
  main: {
    define,
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          desktop: resolve(import.meta.dirname, 'main/desktop/index.ts'),
          cli: resolve(import.meta.dirname, 'main/cli/index.ts'),
          // The render/import worker: its own entry, found beside these by workers/worker-entry.ts.
          worker: resolve(import.meta.dirname, 'main/core/workers/worker-main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'main/preload/index.ts') },
        // A sandboxed preload cannot load modules: one CommonJS file, only `electron` outside.
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: 'renderer',
    publicDir: resolve(import.meta.dirname, 'resources/public'),
    define,
    plugins: [react(), injectCsp()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') },
    },
  },
})
