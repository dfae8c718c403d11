/** Raw HTTP and WebSocket clients for the browser host tests (any Host/Origin/Cookie header). */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import WebSocket from 'ws';

import { controlRequest as control } from '../../src/simulator';
import type { Simulator } from '../../src/simulator';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Sends one request to 127.0.0.1:port with exactly the given path and headers. */
export function rawGet(
  port: number,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    request.on('error', reject);
    request.end();
  });
}

/** Exchanges the token in `url` for the session cookie, as a browser does on first visit. */
export async function signIn(url: string): Promise<string> {
  const parsed = new URL(url);
  const response = await rawGet(Number(parsed.port), `${parsed.pathname}${parsed.search}`);
  const setCookie = response.headers['set-cookie']?.[0] ?? '';
  return setCookie.split(';')[0] ?? '';
}

/** Opens the contract socket; resolves with the socket or the HTTP status it was refused with. */
export function openSocket(
  port: number,
  headers: Record<string, string>,
): Promise<{ socket: WebSocket } | { refused: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/contract`, { headers });
    socket.once('open', () => resolve({ socket }));
    socket.once('unexpected-response', (_request, response) => {
      resolve({ refused: response.statusCode ?? 0 });
      socket.terminate();
    });
    socket.once('error', reject);
  });
}

/** Calls the first simulated phone's control API (what a person would do at the phone). */
export function simulatorControl(
  simulator: Simulator,
  path: string,
  body: unknown,
): Promise<unknown> {
  const phone = simulator.phones[0];
  if (phone === undefined) throw new Error('the simulator has no phone');
  return control(phone, simulator.controlToken, 'POST', path, body);
}
