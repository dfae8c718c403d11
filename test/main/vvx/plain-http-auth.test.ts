/**
 * What a listener on the network sees of the password when a phone is reached over plain HTTP:
 * nothing when the phone takes Digest (whether it offers Digest alone or beside Basic); Basic
 * only when the phone offers nothing better.
 */
import { afterEach, describe, expect, it } from 'vitest';

import { VvxClient } from '../../../src/main/vvx/vvx-client';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { phoneAt } from '../../support/sim-phone';
import { startRecordingProxy, type RecordingProxy } from './recording-proxy';

let sim: Simulator | null = null;
let proxy: RecordingProxy | null = null;
let client: VvxClient | null = null;

afterEach(async () => {
  await client?.close();
  await proxy?.close();
  await sim?.close();
  client = null;
  proxy = null;
  sim = null;
});

/** A simulated HTTP phone behind the recording relay, and a client polling it five times. */
async function pollThroughProxy(digest: boolean, offerBasic: boolean): Promise<string[]> {
  sim = await startSimulator({ digest });
  const phone = phoneAt(sim);
  proxy = await startRecordingProxy(phone.url, { offerBasic });
  client = new VvxClient({
    url: proxy.url,
    username: phone.username,
    password: phone.adminPassword,
    pinnedFingerprint: null,
  });
  for (let poll = 0; poll < 5; poll++) expect((await client.pollForStatus()).state).toBe('Idle');
  return proxy.authorizations;
}

describe('authentication over plain HTTP', () => {
  it('never sends the password to a phone that takes Digest', async () => {
    const seen = await pollThroughProxy(true, false);
    expect(seen.some((header) => header.startsWith('Basic'))).toBe(false);
    // One challenge, then Digest on every poll without asking again.
    expect(seen).toHaveLength(6);
    expect(seen.slice(1).every((header) => header.startsWith('Digest'))).toBe(true);
  });

  it('prefers Digest when the phone offers Basic as well', async () => {
    const seen = await pollThroughProxy(true, true);
    expect(seen.some((header) => header.startsWith('Basic'))).toBe(false);
    expect(seen.slice(1).every((header) => header.startsWith('Digest'))).toBe(true);
  });

  it('uses Basic only with a phone that offers nothing else, asking once', async () => {
    const seen = await pollThroughProxy(false, false);
    expect(seen[0]).toBe('');
    expect(seen.slice(1)).toHaveLength(5);
    expect(seen.slice(1).every((header) => header.startsWith('Basic'))).toBe(true);
  });
});
