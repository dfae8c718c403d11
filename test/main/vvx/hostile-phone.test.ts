/**
 * A peer that is not a well-behaved phone (broken firmware, or a stranger at the phone's address)
 * sending answers no phone sends. It runs on 127.0.0.1 and ignores the request's credentials.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { MAX_ANSWER_BYTES } from '../../../src/main/vvx/vvx-transport';
import { VvxClient } from '../../../src/main/vvx/vvx-client';

const CHUNK = Buffer.alloc(64 * 1024, 'x');

let server: Server;
let url: string;
/** Bytes the peer managed to write into the connection of its last answer before it closed. */
let written = 0;

/** Writes `total` bytes of a JSON string as fast as the connection takes them. */
function stream(response: ServerResponse, total: number, end: boolean): void {
  written = 0;
  response.writeHead(200, { 'content-type': 'application/json' });
  response.write('{"Status":"2000","data":"');
  const pump = (): void => {
    while (written < total && !response.destroyed) {
      written += CHUNK.length;
      if (!response.write(CHUNK)) return void response.once('drain', pump);
    }
    if (end && !response.destroyed) response.end('"}');
  };
  pump();
}

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/api/v1/mgmt/uixml') {
      // An answer that never ends (within what the test allows itself).
      stream(response, 256 * 1024 * 1024, false);
    } else {
      // A complete, well-formed answer of 50 MB.
      stream(response, 50 * 1024 * 1024, true);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function client(): VvxClient {
  return new VvxClient({
    url,
    username: 'Polycom',
    password: 'secret',
    pinnedFingerprint: null,
    timeouts: { read: 20_000 },
  });
}

describe('answers too large for any phone', () => {
  it('cuts off an endless answer and says the answer was unusable', async () => {
    const phone = client();
    try {
      const outcome = await phone.uixml().then(
        () => null,
        (error: unknown) => error,
      );
      expect(outcome).toMatchObject({
        code: 'invalid-response',
        message: expect.stringMatching(/larger than 4 MB/),
      });
      // The connection was dropped near the bound, not read on until a timeout.
      expect(written).toBeLessThan(MAX_ANSWER_BYTES * 8);
    } finally {
      await phone.close();
    }
  });

  it('refuses a complete 50 MB answer instead of using it', async () => {
    const phone = client();
    try {
      await expect(phone.networkInfo()).rejects.toMatchObject({ code: 'invalid-response' });
    } finally {
      await phone.close();
    }
  });
});
