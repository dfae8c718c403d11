/**
 * Phone passwords encrypted with the operating system's keychain (Electron safeStorage: Keychain,
 * DPAPI, libsecret/kwallet), kept as base64 ciphertext in a 0600 JSON file in the data directory.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { safeStorage } from 'electron';
import { z } from 'zod';

import { CoreError } from '../core/core-error';
import type { SecretStore } from '../settings/secret-store';

const fileSchema = z.record(z.string(), z.string());

/** A SecretStore whose file holds only ciphertext the OS keychain can decrypt. */
export class SafeStorageSecretStore implements SecretStore {
  private writes: Promise<void> = Promise.resolve();

  constructor(private readonly filePath: string) {}

  /** Whether the OS offers real encryption here (not Linux's plain-text fallback). */
  static available(): boolean {
    return (
      safeStorage.isEncryptionAvailable() &&
      (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text')
    );
  }

  async get(key: string): Promise<string | null> {
    await this.writes.catch(() => undefined);
    const sealed = (await this.read()).get(key);
    return sealed === undefined ? null : safeStorage.decryptString(Buffer.from(sealed, 'base64'));
  }

  set(key: string, secret: string): Promise<void> {
    return this.update((entries) =>
      entries.set(key, safeStorage.encryptString(secret).toString('base64')),
    );
  }

  delete(key: string): Promise<void> {
    return this.update((entries) => entries.delete(key));
  }

  private async read(): Promise<Map<string, string>> {
    let raw: string;
    try {
      raw = await readFile(this.filePath, 'utf8');
    } catch {
      return new Map();
    }
    let parsed;
    try {
      parsed = fileSchema.safeParse(JSON.parse(raw));
    } catch {
      parsed = null;
    }
    if (parsed === null || !parsed.success) {
      // Never start afresh over a damaged file: the next write would erase every password.
      throw new CoreError(
        'internal',
        `The password file ${this.filePath} is damaged; move it aside and enter the passwords again.`,
      );
    }
    return new Map(Object.entries(parsed.data));
  }

  /** Serialises read-modify-write cycles so concurrent sets never lose an entry. */
  private update(change: (entries: Map<string, string>) => unknown): Promise<void> {
    // A failed write is reported to its caller only; later writes still run.
    this.writes = this.writes
      .catch(() => undefined)
      .then(async () => {
        const entries = await this.read();
        change(entries);
        const temporary = `${this.filePath}.tmp`;
        await writeFile(temporary, JSON.stringify(Object.fromEntries(entries)), { mode: 0o600 });
        await rename(temporary, this.filePath);
      });
    return this.writes;
  }
}
