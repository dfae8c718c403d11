/**
 * Where the phone can reach this computer: the local address the operating system would use to
 * send to the phone, found by connecting a UDP socket to it (a UDP connect only picks the route;
 * no packet is sent), and the phone's own address, which its events must come from.
 */
import { createSocket } from 'node:dgram';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

import { DeskpilotError } from '../ground/deskpilot-error';

/** An address as sockets report it, without the IPv4-mapped prefix (`::ffff:10.0.0.2`). */
export function plainAddress(address: string): string {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '').toLowerCase();
}

/** The phone's host from its URL (`https://[fe80::1]:443` → `fe80::1`). */
function hostOf(phoneUrl: string): string {
  return new URL(phoneUrl).hostname.replace(/^\[|\]$/g, '');
}

/** The phone's IP address (its URL's host, looked up when it is a name). */
export async function phoneAddress(phoneUrl: string): Promise<string> {
  const host = hostOf(phoneUrl);
  if (isIP(host) !== 0) return plainAddress(host);
  try {
    return plainAddress((await lookup(host)).address);
  } catch {
    throw new DeskpilotError(
      'unreachable',
      `The phone's name "${host}" could not be looked up, so Deskpilot cannot tell where to listen for its events.`,
    );
  }
}

/** The local address this computer uses to reach `address` (an IP). */
export function localAddressFor(address: string): Promise<string> {
  const socket = createSocket(isIP(address) === 6 ? 'udp6' : 'udp4');
  return new Promise<string>((resolve, reject) => {
    socket.once('error', reject);
    // Any port will do: only the route is looked up.
    socket.connect(9, address, () => resolve(plainAddress(socket.address().address)));
  })
    .catch(() => {
      throw new DeskpilotError(
        'unreachable',
        `This computer has no route to the phone at ${address}, so the phone could not send it events.`,
      );
    })
    .finally(() => socket.close());
}

/** `host:port` with IPv6 hosts in brackets, as a URL needs them. */
export function hostPort(address: string, port: number): string {
  return isIP(address) === 6 ? `[${address}]:${port}` : `${address}:${port}`;
}
