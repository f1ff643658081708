#!/usr/bin/env node
// The installed `bridgebench` command: the CLI is built to out/main/cli.js (npm run build).
import '../out/main/cli.js'
