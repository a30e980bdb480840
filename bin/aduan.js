#!/usr/bin/env node
// The `aduan` command: runs the TypeScript sources through tsx's loader (no build step).
import { register } from 'tsx/esm/api'
register()
const { runCli } = await import('../src/cli/index.ts')
await runCli(process.argv.slice(2))
