/**
 * A plain-HTTP relay in front of a simulated phone that records what crosses the network, as a
 * listener on the LAN would see it. `offerBasic` adds a Basic challenge beside the phone's Digest
 * one, as a phone offering both would send.
 */
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordingProxy {
  url: string;
  /** The Authorization header of each request relayed, in order ('' when there was none). */
  authorizations: string[];
  close(): Promise<void>;
}

/** Starts the relay on 127.0.0.1 in front of `target` (an http:// origin). */
export async function startRecordingProxy(
  target: string,
  options: { offerBasic?: boolean } = {},
): Promise<RecordingProxy> {
  const authorizations: string[] = [];
  const { hostname, port } = new URL(target);
  const server: Server = createServer((incoming, outgoing) => {
    authorizations.push(incoming.headers.authorization ?? '');
    const relay = request(
      {
        host: hostname,
        port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        const headers: IncomingHttpHeaders = { ...answer.headers };
        const challenge = answer.headers['www-authenticate'];
        if (options.offerBasic && typeof challenge === 'string') {
          headers['www-authenticate'] = ['Basic realm="Polycom VVX REST API"', challenge].join(
            ', ',
          );
        }
        outgoing.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(outgoing);
      },
    );
    relay.on('error', () => outgoing.destroy());
    incoming.pipe(relay);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    authorizations,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
