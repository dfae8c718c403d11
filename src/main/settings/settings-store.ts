import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';

import Conf from 'conf';

import { DEFAULT_SETTINGS, type AppSettings } from '../../shared/settings';
import { CoreError } from '../core/core-error';
import {
  appSettingsSchema,
  storedPhoneSchema,
  toConfSchema,
  type StoredPhone,
} from './settings-schema';
import { z } from 'zod';

interface SettingsFile {
  phones: StoredPhone[];
  app: AppSettings;
}

const CONFIG_NAME = 'settings';

/**
 * Phones and app preferences, persisted with conf in `<dataDir>/settings.json` (atomic writes,
 * validated against the schema on every read and write). Passwords are never stored here.
 * A file that cannot be read is moved aside (never silently wiped) and named in `warnings`.
 */
export class SettingsStore {
  /** Problems found while loading, in words (e.g. a damaged file that was set aside). */
  readonly warnings: string[] = [];
  private readonly conf: Conf<SettingsFile>;

  constructor(dataDir: string) {
    this.conf = this.open(dataDir);
  }

  /** Every configured phone, in the order they were added. */
  phones(): StoredPhone[] {
    return this.conf.get('phones');
  }

  /** The phone with `id`, or undefined. */
  phone(id: string): StoredPhone | undefined {
    return this.phones().find((phone) => phone.id === id);
  }

  /** Adds `phone`, or replaces the stored phone with the same id. */
  savePhone(phone: StoredPhone): void {
    const phones = this.phones();
    const index = phones.findIndex((existing) => existing.id === phone.id);
    if (index === -1) phones.push(phone);
    else phones[index] = phone;
    this.conf.set('phones', phones);
  }

  /** Removes the phone with `id`; no error if it does not exist. */
  removePhone(id: string): void {
    this.conf.set(
      'phones',
      this.phones().filter((phone) => phone.id !== id),
    );
  }

  /** The app preferences, defaults filled in. */
  appSettings(): AppSettings {
    return { ...DEFAULT_SETTINGS, ...this.conf.get('app') };
  }

  /** Merges `patch` into the app preferences and returns the result. */
  updateAppSettings(patch: Partial<AppSettings>): AppSettings {
    const next = { ...this.appSettings(), ...patch };
    this.conf.set('app', next);
    return next;
  }

  private open(dataDir: string): Conf<SettingsFile> {
    const options = {
      cwd: dataDir,
      configName: CONFIG_NAME,
      schema: {
        phones: toConfSchema(z.array(storedPhoneSchema)),
        app: toConfSchema(appSettingsSchema),
      },
      defaults: { phones: [], app: DEFAULT_SETTINGS },
      // The file only ever holds non-secret data, but it is nobody else's business either.
      configFileMode: 0o600,
    };
    try {
      return new Conf<SettingsFile>(options);
    } catch (error) {
      const file = join(dataDir, `${CONFIG_NAME}.json`);
      if (!existsSync(file)) {
        throw new CoreError(
          'internal',
          `Cannot create the settings in ${dataDir}: ${describe(error)}`,
        );
      }
      const aside = join(dataDir, `${CONFIG_NAME}.damaged-${Date.now()}.json`);
      renameSync(file, aside);
      this.warnings.push(
        `The settings file ${file} could not be read (${describe(error)}); it was kept as ${aside} and fresh settings were started.`,
      );
      return new Conf<SettingsFile>(options);
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
