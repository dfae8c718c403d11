#!/usr/bin/env node
// The `deskpilot` command: registers tsx so the TypeScript CLI runs as is (no build step), then
// hands over to src/main/cli/main.ts.
import { register } from 'tsx/esm/api';

register();
await import('../src/main/cli/main.ts');
