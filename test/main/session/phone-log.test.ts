import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { PhoneSession } from '../../../src/main/session/phone-session';
import { MAX_FRAGMENT } from '../../../src/main/vvx/read-notes';
import { waitFor } from '../../support/wait-for';

/** A firmware no capture shows: words nobody wrote, lists under new names, odd sentences. */
const STRANGE_DURATION = `${'fortnight '.repeat(40)}secs`;
const ANSWERS: Record<string, unknown> = {
  '/api/v2/mgmt/device/info': {
    ModelNumber: 'VVX 9000',
    Firmware: { Application: '9.9.9.9' },
    MACAddress: '0004f2000009',
    UpTime: 'since Tuesday',
  },
  '/api/v2/mgmt/lineInfo': [{ ID: '1', Label: '1001', RegistrationStatus: 'registered' }],
  '/api/v1/mgmt/pollForStatus': { State: 'Idle', StateData: 'Resting since 10:35' },
  '/api/v1/mgmt/callLogs': {
    Placed: [
      { RemotePartyNumber: 'sip:1001@pbx.example', Duration: STRANGE_DURATION },
      { RemotePartyNumber: 'sip:1002@pbx.example', Duration: '3 secs' },
      { RemotePartyNumber: 'sip:1003@pbx.example', Duration: STRANGE_DURATION },
    ],
    Forwarded: [{ RemotePartyNumber: '1004' }],
  },
};

let server: Server;
let url: string;
let requests = 0;

beforeAll(async () => {
  // A stand-in for a phone (127.0.0.1 only), since the simulator speaks only captured dialects.
  server = createServer((request, response) => {
    requests += 1;
    const path = (request.url ?? '').split('?')[0] ?? '';
    const data = ANSWERS[path];
    response.setHeader('content-type', 'application/json');
    response.end(
      JSON.stringify(data === undefined ? { Status: '4004' } : { Status: '2000', data }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("a phone's log", () => {
  it('keeps what an answer held that could not be read, once per kind, and the rest of it', async () => {
    const written: string[] = [];
    const session = new PhoneSession({
      phoneId: 'strange',
      url,
      username: 'Polycom',
      password: 'x',
      pinnedFingerprint: null,
      pollIntervalIdleMs: 20,
      pollIntervalActiveMs: 20,
      log: (line) => written.push(line),
    });
    session.start();
    try {
      await waitFor(() => session.snapshot().status.health === 'online', 'online');
      const pollsBefore = requests;
      await waitFor(() => requests > pollsBefore + 10, 'more polls');
      const logs = await session.calls.logs({});
      await session.calls.logs({});
      expect(logs.map((entry) => [entry.remoteNumber, entry.durationSeconds])).toEqual([
        ['1001', 0],
        ['1002', 3],
        ['1003', 0],
      ]);
      expect(session.snapshot().status).toMatchObject({ model: 'VVX 9000', health: 'online' });

      const log = await session.device.log();
      const texts = log.map((entry) => entry.text);
      expect(texts).toHaveLength(4);
      expect(texts).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /^The phone's answer to deviceInfo v2 .* at UpTime: "since Tuesday"/,
          ),
          expect.stringMatching(/answer to pollForStatus .* at StateData: "Resting since 10:35"/),
          expect.stringMatching(/answer to callLogs .* at Placed\.0\.Duration: "fortnight/),
          expect.stringMatching(/answer to callLogs .* at Forwarded: \[\{"RemotePartyNumber"/),
        ]),
      );
      const duration = texts.find((text) => text.includes('Placed.0.Duration')) ?? '';
      const fragment = /Duration: (.*)\. It was left out/.exec(duration)?.[1] ?? '';
      expect(fragment.length).toBe(MAX_FRAGMENT);
      expect(fragment.endsWith('…')).toBe(true);
      expect(written).toEqual(texts);
    } finally {
      await session.stop();
    }
  });
});
