/** Raw HTTP and WebSocket clients for the browser host tests (any Host/Origin/Cookie header). */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect, type Socket } from 'node:net';
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

/** What a signed-in browser holds: the session cookie (as a Cookie header) and the page's key. */
export interface SignedIn {
  cookie: string;
  key: string;
}

/** Uses a sign-in link as a browser does on first visit. */
export async function signIn(link: string): Promise<SignedIn> {
  const parsed = new URL(link);
  const response = await rawGet(Number(parsed.port), `${parsed.pathname}${parsed.search}`);
  const setCookie = response.headers['set-cookie']?.[0] ?? '';
  const key = /url=\/#key=([\w.-]+)"/.exec(response.body)?.[1] ?? '';
  return { cookie: setCookie.split(';')[0] ?? '', key };
}

/** The subprotocols a page offers when it opens the contract socket with its key. */
export function keyProtocols(key: string): string[] {
  return ['deskpilot', `deskpilot.key.${key}`];
}

/**
 * Opens the contract socket, offering `key` as the page does (none when absent); resolves with
 * the socket or the HTTP status it was refused with.
 */
export function openSocket(
  port: number,
  headers: Record<string, string>,
  key?: string,
): Promise<{ socket: WebSocket } | { refused: number }> {
  return new Promise((resolve, reject) => {
    const protocols = key === undefined ? [] : keyProtocols(key);
    const socket = new WebSocket(`ws://127.0.0.1:${port}/contract`, protocols, { headers });
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

/** One masked WebSocket text frame, as a client sends it (RFC 6455 5.2). */
export function clientTextFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([0x81, 0x80 | length])
      : Buffer.from([0x81, 0x80 | 126, length >> 8, length & 0xff]);
  const mask = Buffer.from([1, 2, 3, 4]);
  const masked = Buffer.from(payload.map((byte, index) => byte ^ (mask[index % 4] ?? 0)));
  return Buffer.concat([header, mask, masked]);
}

/**
 * Opens the contract socket over a bare TCP connection and stops reading once the handshake is
 * answered: a client that sends but never takes its answers.
 */
export function openDeafSocket(port: number, headers: Record<string, string>): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      const lines = Object.entries({
        host: `127.0.0.1:${port}`,
        upgrade: 'websocket',
        connection: 'Upgrade',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        'sec-websocket-version': '13',
        ...headers,
      }).map(([name, value]) => `${name}: ${value}\r\n`);
      socket.write(`GET /contract HTTP/1.1\r\n${lines.join('')}\r\n`);
    });
    let head = '';
    const onData = (chunk: Buffer): void => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      socket.pause();
      if (head.startsWith('HTTP/1.1 101')) resolve(socket);
      else reject(new Error(head.split('\r\n')[0]));
    };
    socket.on('data', onData);
    socket.once('error', reject);
  });
}
