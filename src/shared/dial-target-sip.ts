/**
 * SIP addresses for dial-target.ts: `sip:` / `sips:` URIs and typed "alice@example.com".
 * Only a user, a host, a port and the transport parameter survive; everything else a SIP URI may
 * carry (passwords, other parameters, ?headers) is either refused or dropped so that nothing
 * unvetted reaches the phone's INVITE. Pure: no I/O.
 */
import type { ParsedLink } from './parsed-link';
import { DialTargetRefusal, describeCharacter, percentDecode } from './dial-target-text';

const MAX_USER_LENGTH = 64;
const TRANSPORTS = new Set(['udp', 'tcp', 'tls', 'sctp', 'ws', 'wss']);
const HOST_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** The user part: letters, digits and the few marks real SIP users have ("+", ".", "-", "*"). */
function parseUser(raw: string): string {
  if (raw.includes(':')) {
    throw new DialTargetRefusal(
      'The SIP address carries a password ("user:password@host"); remove it before dialling.',
    );
  }
  const user = percentDecode(raw);
  if (user === '') {
    throw new DialTargetRefusal('The SIP address has no user before the "@".');
  }
  if (user.length > MAX_USER_LENGTH) {
    throw new DialTargetRefusal(
      `The SIP user is ${user.length} characters long; at most ${MAX_USER_LENGTH} are accepted.`,
    );
  }
  const foreign = [...user].find((character) => !/[A-Za-z0-9._~+*-]/.test(character));
  if (foreign !== undefined) {
    throw new DialTargetRefusal(
      `The SIP user "${user}" contains ${describeCharacter(foreign)}, which is not accepted in a SIP address.`,
    );
  }
  return user;
}

function isIpv4(host: string): boolean {
  const octets = host.split('.');
  return (
    octets.length === 4 && octets.every((octet) => /^\d{1,3}$/.test(octet) && Number(octet) <= 255)
  );
}

function isHostname(host: string): boolean {
  const labels = host.split('.');
  const topLevel = labels[labels.length - 1] ?? '';
  // An all-numeric last label means a mistyped IPv4 address, not a name.
  return (
    host.length <= 253 && labels.every((label) => HOST_LABEL.test(label)) && !/^\d+$/.test(topLevel)
  );
}

function isIpv6Literal(host: string): boolean {
  return /^\[[0-9a-f:.]+\]$/.test(host) && (host.match(/:/g) ?? []).length >= 2;
}

/**
 * Internationalised names ("bücher.example") in their punycode form, which is what DNS resolves.
 * Only non-ASCII names go through URL: it would also "repair" ASCII oddities such as "1.2".
 */
function toAsciiHost(host: string): string {
  if (/^[\x20-\x7e]*$/.test(host)) return host;
  try {
    return new URL(`http://${host}/`).hostname;
  } catch {
    return host;
  }
}

/** host[:port], lower-cased; refuses anything that is not a hostname, IPv4 or [IPv6]. */
function parseHostPort(raw: string): { host: string; port: string } {
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d{1,5}))?$/.exec(raw.toLowerCase());
  const host = toAsciiHost(match?.[1] ?? '');
  const port = match?.[2] ?? '';
  const validHost = isIpv6Literal(host) || isIpv4(host) || isHostname(host);
  if (!match || host === '' || !validHost) {
    throw new DialTargetRefusal(
      `"${raw}" is not a valid SIP host: give a name like pbx.example.com or an IP address.`,
    );
  }
  if (port !== '' && (Number(port) < 1 || Number(port) > 65535)) {
    throw new DialTargetRefusal(`The SIP port ${port} is outside 1-65535.`);
  }
  return { host, port };
}

/** The transport parameter, if given and known; other URI parameters are dropped. */
function parseTransport(parameters: string[]): string {
  let transport = '';
  for (const parameter of parameters) {
    if (parameter === '') continue;
    if (!/^[A-Za-z0-9-]{1,32}(=[A-Za-z0-9._~+-]{0,64})?$/.test(parameter)) {
      throw new DialTargetRefusal(`The SIP address has a malformed parameter "${parameter}".`);
    }
    const [name = '', value = ''] = parameter.toLowerCase().split('=');
    if (name !== 'transport') continue;
    if (!TRANSPORTS.has(value)) {
      throw new DialTargetRefusal(`The SIP transport "${value}" is not one of udp, tcp, tls, ws.`);
    }
    transport = value;
  }
  return transport;
}

/**
 * Parses a SIP address after its scheme ("alice@example.com:5061;transport=tls?subject=x").
 * Headers after "?" are dropped: they would be copied into the phone's INVITE.
 */
export function parseSipBody(scheme: 'sip' | 'sips', body: string): ParsedLink {
  const [uri = ''] = body.split('?');
  const [address = '', ...parameters] = uri.split(';');
  const at = address.lastIndexOf('@');
  if (at < 0) {
    throw new DialTargetRefusal(
      `"${scheme}:${address}" has no host: a SIP address looks like sip:alice@example.com.`,
    );
  }
  const user = parseUser(address.slice(0, at));
  const { host, port } = parseHostPort(address.slice(at + 1));
  const transport = parseTransport(parameters);
  const hostPort = port === '' ? host : `${host}:${port}`;
  return {
    destination: `${scheme}:${user}@${hostPort}${transport === '' ? '' : `;transport=${transport}`}`,
    type: 'SIP',
    display: `${user}@${hostPort}`,
  };
}
