/**
 * Phone passwords encrypted with the operating system's keychain (Electron safeStorage: Keychain,
 * DPAPI, libsecret/kwallet), kept as base64 ciphertext in a 0600 JSON file in the data directory.
 */
import { safeStorage } from 'electron';

import { FileSecretStore, type SecretStore } from '../settings/secret-store';

/**
 * A SecretStore whose file holds only ciphertext the OS keychain can decrypt. The file itself is
 * a FileSecretStore, so it gets the same atomic 0600 writes and the same refusal to start afresh
 * over a damaged or unreadable file (which would erase every password on the next write).
 */
export class SafeStorageSecretStore implements SecretStore {
  private readonly sealed: FileSecretStore;

  constructor(filePath: string) {
    this.sealed = new FileSecretStore(filePath);
  }

  /** Whether the OS offers real encryption here (not Linux's plain-text fallback). */
  static available(): boolean {
    return (
      safeStorage.isEncryptionAvailable() &&
      (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text')
    );
  }

  /**
   * The decrypted secret for `key`, or null: also when the keychain can no longer decrypt it (a
   * reset keychain, another OS account), so that phone asks for its password again instead of
   * the whole app failing to start. The ciphertext stays until a new password replaces it.
   */
  async get(key: string): Promise<string | null> {
    const sealed = await this.sealed.get(key);
    if (sealed === null) return null;
    try {
      return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
    } catch {
      return null;
    }
  }

  /** Encrypts `secret` and stores it under `key`, replacing any previous one. */
  async set(key: string, secret: string): Promise<void> {
    await this.sealed.set(key, safeStorage.encryptString(secret).toString('base64'));
  }

  /** Forgets `key`; no error when it was never stored. */
  delete(key: string): Promise<void> {
    return this.sealed.delete(key);
  }
}
