import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedUpload {
  method: string;
  path: string;
  contentType: string;
  body: Buffer;
}

/** A local HTTP server that records what the phone uploads; answers `status` (200 by default). */
export interface UploadServer {
  url: string;
  host: string;
  received: ReceivedUpload[];
  status: number;
  close(): Promise<void>;
}

export async function startUploadServer(): Promise<UploadServer> {
  const received: ReceivedUpload[] = [];
  const state = { status: 200 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        path: req.url ?? '',
        contentType: req.headers['content-type'] ?? '',
        body: Buffer.concat(chunks),
      });
      res.statusCode = state.status;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `http://${host}/upload`,
    host,
    received,
    get status() {
      return state.status;
    },
    set status(value: number) {
      state.status = value;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
