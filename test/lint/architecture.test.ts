/**
 * The architecture rules lint enforces: a deliberate upward import, a circle of imports and a raw
 * IPC import each fail `npm run lint`, so nobody has to catch them in review.
 */
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The rules `source` breaks when it stands at `path` in the tree. */
async function brokenRules(path: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: join(root, path) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('lint', () => {
  it('refuses an upward import inside src/main', async () => {
    const rules = await brokenRules(
      'src/main/ground/upward.ts',
      "import { createCore } from '../core/create-core';\nexport const start = createCore;\n",
    );
    expect(rules).toContain('import-x/no-restricted-paths');
  });

  it('refuses an import between two rooms on the same floor', async () => {
    const rules = await brokenRules(
      'src/main/vvx/sideways.ts',
      "import { SettingsStore } from '../settings/settings-store';\nexport const Store = SettingsStore;\n",
    );
    expect(rules).toContain('import-x/no-restricted-paths');
  });

  it('refuses an import that closes a circle', async () => {
    // create-core.ts imports event-bus.ts: an event bus importing the core back closes a circle.
    const rules = await brokenRules(
      'src/main/core/event-bus.ts',
      "import { createCore } from './create-core';\nexport const start = createCore;\n",
    );
    expect(rules).toContain('import-x/no-cycle');
  });

  it('refuses raw ipcMain and ipcRenderer outside their wrappers', async () => {
    expect(
      await brokenRules(
        'src/main/electron/raw-ipc.ts',
        "import { ipcMain } from 'electron';\nexport const ipc = ipcMain;\n",
      ),
    ).toContain('no-restricted-imports');
    expect(
      await brokenRules(
        'src/preload/raw-ipc.ts',
        "import { ipcRenderer } from 'electron';\nexport const ipc = ipcRenderer;\n",
      ),
    ).toContain('no-restricted-imports');
  });

  it('keeps the contract schemas (and zod) out of the renderer, types aside', async () => {
    expect(
      await brokenRules(
        'src/renderer/stores/schemas.ts',
        "import { CONTRACT } from '../../shared/contract';\nexport const contract = CONTRACT;\n",
      ),
    ).toContain('@typescript-eslint/no-restricted-imports');
    expect(
      await brokenRules(
        'src/renderer/stores/types.ts',
        "import type { RequestChannel } from '../../shared/contract';\nexport type Channel = RequestChannel;\n",
      ),
    ).toEqual([]);
  });

  it('lets the wrappers and allowed imports through', async () => {
    expect(
      await brokenRules(
        'src/main/core/allowed.ts',
        "import { DeskpilotError } from '../ground/deskpilot-error';\nexport const Failure = DeskpilotError;\n",
      ),
    ).toEqual([]);
  });
});
