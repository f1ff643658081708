// Replaced at build time by electron-vite and vitest (see electron.vite.config.ts, vitest.config.ts).
declare const __BRIDGEBENCH_VERSION__: string
