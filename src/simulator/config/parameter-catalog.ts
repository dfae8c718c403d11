/**
 * The simulated phone's vocabulary: every parameter name a real phone knows, with its default.
 * Names come from two data files beside this module, read once per process on first use:
 * `vvx-config-params.tsv` (1,547 names with the defaults of public provisioning templates) and
 * `client-params.tsv` (names public clients use that the templates lack). The value rules of
 * value-rules.ts override their entries; every other name takes any text up to 2,048 characters.
 * A phone answers "invalid" for a name it does not know, so this decides what is unknown.
 */
import { readFile } from 'node:fs/promises';

import { VALUE_RULES, type ParameterKind, type ParameterSpec } from './value-rules';

const DATA_FILES = ['vvx-config-params.tsv', 'client-params.tsv'] as const;
/** Far above the files' size: a bound, so a damaged file cannot grow without limit. */
const MAX_ROWS = 10_000;
/** `x` in a name stands for 1 to this, except a line's own index (1 to the model's lines). */
export const MAX_INDEX = 99;
/** Names longer than this are never real parameters (the longest real one has 64 characters). */
const MAX_NAME_LENGTH = 128;

const FREE_TEXT: ParameterKind = { type: 'string', maxLength: 2048 };
const SECRET: ParameterKind = { type: 'password', minLength: 0 };
const FLAG: ParameterKind = { type: 'bool' };

/** Families whose first index is a line (registration): `reg.x.…`, `divert.busy.x.…` and so on. */
const LINE_INDEXED = /^(reg|dialplan|msg\.mwi|divert(\.[a-zA-Z]+)?)\.x(\.|$)/;
/** An index in a concrete name: 1–9999 without leading zeros (`reg.01.address` is no name). */
const INDEX = /^[1-9]\d{0,3}$/;

/** Whether a name is a `device.*` parameter: stored in the phone's flash, set only with `.set`. */
export function isDeviceParameter(name: string): boolean {
  return name.startsWith('device.') && name !== 'device.set';
}

/** A row of a data file as a spec; passwords are secrets, `.set` flags read 0 until set. */
function specFromRow(name: string, defaultValue: string): ParameterSpec {
  if (name.endsWith('.set')) return { name, defaultValue: '0', kind: FLAG };
  if (/password$/i.test(name)) return { name, defaultValue, kind: SECRET };
  return { name, defaultValue, kind: FREE_TEXT };
}

/** Parses one data file: `#` comments, a header row, then `name<TAB>default<TAB>era<TAB>source`. */
function parseDataFile(file: string, text: string): ParameterSpec[] {
  const specs: ParameterSpec[] = [];
  const rows = text.split('\n');
  if (rows.length > MAX_ROWS) throw new Error(`${file} has over ${MAX_ROWS} rows`);
  rows.forEach((row, index) => {
    if (row.trim() === '' || row.startsWith('#') || row.startsWith('name\t')) return;
    const [name, defaultValue] = row.replace(/\r$/, '').split('\t');
    if (!name || defaultValue === undefined || !/^[A-Za-z0-9_.]+$/.test(name)) {
      throw new Error(`${file} line ${index + 1} is not "name<TAB>default<TAB>…": ${row}`);
    }
    specs.push(specFromRow(name, defaultValue));
  });
  return specs;
}

/** The names a phone knows, by name or by pattern (`x` for an index). */
export class ParameterCatalog {
  private readonly specs = new Map<string, ParameterSpec>();

  constructor(specs: readonly ParameterSpec[]) {
    for (const spec of specs) this.specs.set(spec.name, spec);
  }

  /** How many names and patterns the catalogue holds. */
  get size(): number {
    return this.specs.size;
  }

  /** Every name or pattern, for listings. */
  patterns(): IterableIterator<string> {
    return this.specs.keys();
  }

  /**
   * The spec of a concrete name (`reg.2.server.1.address`) on a phone with `lines`
   * registrations, named as asked; undefined for a name the phone does not know, including an
   * index out of range.
   */
  find(name: string, lines: number): ParameterSpec | undefined {
    if (name.length > MAX_NAME_LENGTH) return undefined;
    const exact = this.specs.get(name);
    if (exact) return exact;
    const indices: number[] = [];
    const pattern = name
      .split('.')
      .map((segment) => {
        if (!INDEX.test(segment)) return segment;
        indices.push(Number(segment));
        return 'x';
      })
      .join('.');
    const spec = indices.length > 0 ? this.specs.get(pattern) : undefined;
    if (spec) {
      const lineIndexed = LINE_INDEXED.test(pattern);
      const inRange = indices.every((n, i) => n <= (i === 0 && lineIndexed ? lines : MAX_INDEX));
      return inRange ? { ...spec, name } : undefined;
    }
    return this.setFlag(name, lines);
  }

  /** `<device parameter>.set` exists for every device parameter the phone knows. */
  private setFlag(name: string, lines: number): ParameterSpec | undefined {
    if (!name.endsWith('.set')) return undefined;
    const base = name.slice(0, -'.set'.length);
    return isDeviceParameter(base) && this.find(base, lines)
      ? { name, defaultValue: '0', kind: FLAG }
      : undefined;
  }
}

/**
 * A data file's text: read from beside this module (the source tree, as tsx, Vitest and Node run
 * it), or, where it is not there because the simulator was bundled (the desktop app's demo
 * phone), the copy the bundler inlined for these imports.
 */
async function readDataFile(file: (typeof DATA_FILES)[number]): Promise<string> {
  try {
    return await readFile(new URL(`./${file}`, import.meta.url), 'utf8');
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
    const bundled =
      file === 'vvx-config-params.tsv'
        ? await import('./vvx-config-params.tsv?raw')
        : await import('./client-params.tsv?raw');
    return bundled.default;
  }
}

let shared: Promise<ParameterCatalog> | null = null;

/** The process's catalogue, read from the data files once and kept. */
export function loadParameterCatalog(): Promise<ParameterCatalog> {
  shared ??= Promise.all(
    DATA_FILES.map(async (file) => parseDataFile(file, await readDataFile(file))),
  ).then((tables) => new ParameterCatalog([...tables.flat(), ...VALUE_RULES]));
  return shared;
}
