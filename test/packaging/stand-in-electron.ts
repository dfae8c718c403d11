/**
 * A stand-in Electron distribution for offline packing: electron-builder copies it in place of
 * the real (undownloadable) binary. The "binary" carries a real fuse wire (sentinel, version 1,
 * eight fuses in Electron's defaults) so @electron/fuses flips it exactly as in a real build.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's shipped defaults: RunAsNode on, cookie encryption off, NODE_OPTIONS on, … */
const DEFAULT_FUSES = '10110001';

/** Writes the stand-in distribution into `dir` (Linux layout: an `electron` executable). */
export async function writeStandInElectron(dir: string, version: string): Promise<void> {
  await mkdir(join(dir, 'resources'), { recursive: true });
  const wire = Buffer.concat([
    Buffer.from('stand-in electron binary\n'),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, DEFAULT_FUSES.length]),
    Buffer.from(DEFAULT_FUSES),
  ]);
  await writeFile(join(dir, 'electron'), wire, { mode: 0o755 });
  await writeFile(join(dir, 'version'), version);
  await writeFile(join(dir, 'LICENSE'), 'Stand-in for the Electron distribution');
}

/** Reads the fuse states ('0' off, '1' on) from a packed executable. */
export async function readFuses(executable: string): Promise<string> {
  const binary = await readFile(executable);
  const at = binary.indexOf(FUSE_SENTINEL);
  if (at === -1) throw new Error(`no fuse wire in ${executable}`);
  const length = binary[at + FUSE_SENTINEL.length + 1] ?? 0;
  const start = at + FUSE_SENTINEL.length + 2;
  return binary.subarray(start, start + length).toString('latin1');
}
