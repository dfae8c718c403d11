/** The examples people copy from the READMEs keep passwords off the command line (`ps` shows it). */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');

/** The command lines of a Markdown file's code blocks. */
async function exampleLines(path: string): Promise<string[]> {
  const text = await readFile(join(root, path), 'utf8');
  return [...text.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].flatMap((block) =>
    (block[1] ?? '').split('\n'),
  );
}

describe('command-line examples', () => {
  it.each(['README.md', 'src/main/cli/README.md'])(
    'in %s give no password as an argument',
    async (path) => {
      const commands = (await exampleLines(path)).filter((line) => /\bdeskpilot\b/.test(line));
      expect(commands.length).toBeGreaterThan(0);
      // --password-stdin reads it from standard input: nothing on the command line.
      expect(commands.filter((line) => /--password(?!-stdin)/.test(line))).toEqual([]);
    },
  );
});
