import type Conf from 'conf';
import { z } from 'zod';

// The contract's schema, so the settings file and `settings.set` accept the same values.
import { appSettingsSchema } from '../../shared/contract/settings';
import { DEFAULT_SETTINGS, type AppSettings } from '../../shared/settings';
import { openConfFile, toConfSchema, type ConfOpener } from '../ground/conf-file';
import {
  pendingRestoreSchema,
  storedPhoneSchema,
  type PendingRestore,
  type StoredPhone,
} from './settings-schema';

/** Preferences as stored: files written before a preference existed lack it (defaults fill in). */
type StoredAppSettings = Omit<AppSettings, 'pushPort'> & Partial<Pick<AppSettings, 'pushPort'>>;

/** A type, not an interface: conf wants a plain record type. */
type SettingsFile = {
  phones: StoredPhone[];
  app: StoredAppSettings;
  pushRestores: PendingRestore[];
};

/**
 * Phones and app preferences, persisted with conf in `<dataDir>/settings.json` (atomic writes,
 * validated against the schema on every read and write). Passwords are never stored here.
 * A file that cannot be read is moved aside (never silently wiped) and named in `warnings`.
 */
export class SettingsStore {
  /** Problems found while loading, in words (e.g. a damaged file that was set aside). */
  readonly warnings: string[] = [];
  private readonly conf: Conf<SettingsFile>;

  /** `open`: how the file is opened (default: conf; electron-store inside the Electron shell). */
  constructor(dataDir: string, open?: ConfOpener) {
    this.conf = openConfFile<SettingsFile>({
      open,
      dataDir,
      configName: 'settings',
      schema: {
        phones: toConfSchema(z.array(storedPhoneSchema)),
        app: toConfSchema(appSettingsSchema.partial({ pushPort: true })),
        pushRestores: toConfSchema(z.array(pendingRestoreSchema).max(100)),
      },
      defaults: { phones: [], app: DEFAULT_SETTINGS, pushRestores: [] },
      freshStart: 'fresh settings were started',
      warnings: this.warnings,
    });
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

  /** Removed phones whose previous event settings still need putting back. */
  pushRestores(): PendingRestore[] {
    return this.conf.get('pushRestores');
  }

  /** Replaces the list of removed phones still to be restored. */
  savePushRestores(restores: PendingRestore[]): void {
    this.conf.set('pushRestores', restores);
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
}
