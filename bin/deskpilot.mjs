#!/usr/bin/env node
// The `deskpilot` command. A source checkout runs the TypeScript CLI through tsx (a development
// dependency), so a change needs no build step; an installed copy, which ships no sources, runs
// the compiled CLI (out/cli, made by `npm run build:cli` when the package is packed).
import { existsSync } from 'node:fs';

const source = new URL('../src/main/cli/main.ts', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  await import('../out/cli/deskpilot.mjs');
}
