import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

import { DeskpilotError } from '../ground/deskpilot-error';

/**
 * Where phone passwords live. Settings (conf) never hold a password; the core asks this store.
 * Inside Electron the shell supplies a safeStorage-backed store; elsewhere FileSecretStore.
 */
export interface SecretStore {
  get(key: string): Promise<string | null>;
  set(key: string, secret: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Owner read/write only: no other account on the machine may read the passwords. */
const OWNER_ONLY = 0o600;

/**
 * Secrets in a JSON file readable by the user alone (mode 0600), for the CLI, the browser host and
 * tests, which run without Electron's safeStorage. Each write goes to a fresh temporary file created
 * with mode 0600 and is then renamed over the old one, so a crash never leaves a half-written file
 * and the secrets are never briefly readable by others. Writes are serialised within the process.
 */
export class FileSecretStore implements SecretStore {
  private writes: Promise<void> = Promise.resolve();

  constructor(private readonly filePath: string) {}

  /** The stored secret for `key`, or null. */
  async get(key: string): Promise<string | null> {
    await this.writes;
    const secrets = await this.read();
    return secrets.get(key) ?? null;
  }

  /** Stores `secret` under `key`, replacing any previous one. */
  set(key: string, secret: string): Promise<void> {
    return this.update((secrets) => secrets.set(key, secret));
  }

  /** Forgets `key`; no error when it was never stored. */
  delete(key: string): Promise<void> {
    return this.update((secrets) => secrets.delete(key));
  }

  private update(change: (secrets: Map<string, string>) => unknown): Promise<void> {
    const next = this.writes.then(async () => {
      const secrets = await this.read();
      change(secrets);
      await this.write(secrets);
    });
    // Keep the chain alive after a failed write; the caller still sees the failure.
    this.writes = next.catch(() => undefined);
    return next;
  }

  private async read(): Promise<Map<string, string>> {
    let text: string;
    try {
      text = await readFile(this.filePath, 'utf8');
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown';
      if (code === 'ENOENT') return new Map();
      // The code (EACCES, EISDIR…) says what to fix; the file's content is never quoted.
      throw new DeskpilotError(
        'internal',
        `Cannot read the password file ${this.filePath} (${code}).`,
      );
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const entries =
      typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
        ? Object.entries(parsed)
        : null;
    if (entries === null || !entries.every(isStringEntry)) {
      throw new DeskpilotError(
        'internal',
        `The password file ${this.filePath} is damaged; move it aside and enter the phone passwords again.`,
      );
    }
    // A Map, so a key like "__proto__" stays plain data, never a prototype.
    return new Map(entries);
  }

  private async write(secrets: Map<string, string>): Promise<void> {
    await mkdir(dirname(this.filePath), { recursive: true });
    const temporary = `${this.filePath}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, `${JSON.stringify(Object.fromEntries(secrets), null, 2)}\n`, {
        mode: OWNER_ONLY,
        flag: 'wx',
      });
      // The mode given to writeFile is masked by the umask; make it exact.
      await chmod(temporary, OWNER_ONLY);
      await rename(temporary, this.filePath);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }
}

function isStringEntry(entry: [string, unknown]): entry is [string, string] {
  return typeof entry[1] === 'string';
}
