/**
 * Opening a conf-backed JSON file the same way for every store: private to this user account,
 * and a file that cannot be read is moved aside and reported, never silently wiped.
 */
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';

import Conf, { type Options } from 'conf';
import { z } from 'zod';

import { DeskpilotError } from './deskpilot-error';

/** The message of a thrown value, for error texts shown to the user. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Opens a conf-backed file: conf itself (the CLI, the browser host, tests), or a subclass of it
 * such as electron-store inside the Electron shell; the stores above see the same Conf either way.
 */
export type ConfOpener = <T extends Record<string, unknown>>(options: Options<T>) => Conf<T>;

/** Opens the file with conf itself. */
export const openWithConf: ConfOpener = (options) => new Conf(options);

export interface ConfFileOptions<T extends Record<string, unknown>> {
  dataDir: string;
  /** File name without `.json`; also names the file in messages ("the settings file"). */
  configName: string;
  schema: NonNullable<Options<T>['schema']>;
  defaults: T;
  /** What replaces an unreadable file, for the warning ("fresh settings were started"). */
  freshStart: string;
  /** Where the warning about a file set aside goes (the store's `warnings`). */
  warnings: string[];
  /** How the file is opened; default: conf. */
  open?: ConfOpener;
}

/**
 * Opens `<dataDir>/<configName>.json` with mode 0600 (its data is nobody else's business). When
 * conf cannot read an existing file it is renamed to `<configName>.damaged-<time>.json`, a
 * warning naming both files is pushed to `warnings`, and a fresh file is started; when the
 * directory itself is unusable a DeskpilotError 'internal' says so.
 */
export function openConfFile<T extends Record<string, unknown>>(
  options: ConfFileOptions<T>,
): Conf<T> {
  const { dataDir, configName, open = openWithConf } = options;
  const confOptions: Options<T> = {
    cwd: dataDir,
    configName,
    schema: options.schema,
    defaults: options.defaults,
    configFileMode: 0o600,
  };
  try {
    return open(confOptions);
  } catch (error) {
    const file = join(dataDir, `${configName}.json`);
    if (!existsSync(file)) {
      throw new DeskpilotError(
        'internal',
        `Cannot create the ${configName} file in ${dataDir}: ${errorText(error)}`,
      );
    }
    const aside = join(dataDir, `${configName}.damaged-${Date.now()}.json`);
    renameSync(file, aside);
    options.warnings.push(
      `The ${configName} file ${file} could not be read (${errorText(error)}); it was kept as ${aside} and ${options.freshStart}.`,
    );
    return open(confOptions);
  }
}

/** JSON Schema (draft 2020-12) for conf, generated from a zod schema so the two never drift. */
export function toConfSchema(schema: z.ZodType): Record<string, unknown> {
  const json: Record<string, unknown> = { ...z.toJSONSchema(schema) };
  // conf's ajv already speaks draft 2020-12 and rejects a nested dialect declaration.
  delete json.$schema;
  return json;
}
