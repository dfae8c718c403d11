import type { PhoneScheme } from '../../../shared/domain';

/**
 * The phone URL from what people type: a bare host or IP ("192.168.1.20"), host:port, or a
 * full URL. A scheme typed in the address wins over the radio buttons.
 */
export function buildPhoneUrl(scheme: PhoneScheme, address: string): string {
  const trimmed = address.trim().replace(/\/+$/, '');
  if (/^https?:\/\//i.test(trimmed)) return trimmed;
  return `${scheme}://${trimmed}`;
}

/** The scheme typed at the start of an address ("http://…"), if any. */
export function typedScheme(address: string): PhoneScheme | null {
  const match = /^\s*(https?):\/\//i.exec(address);
  return match?.[1] ? (match[1].toLowerCase() as PhoneScheme) : null;
}

/** The address with its typed scheme (if it has one) replaced by `scheme`. */
export function withScheme(address: string, scheme: PhoneScheme): string {
  return typedScheme(address) === null
    ? address
    : address.replace(/^\s*https?:\/\//i, `${scheme}://`);
}

/**
 * Why an address cannot be a phone's, in words, or null when it can: it must read as a host
 * name or IP address, optionally with a port, or as a full http(s) URL.
 */
export function addressProblem(address: string): string | null {
  const trimmed = address.trim();
  if (trimmed === '') return null;
  const example =
    'type its IP address (192.168.1.20), its host name, or a full address such as https://192.168.1.20';
  try {
    const url = new URL(buildPhoneUrl('https', trimmed));
    if (url.hostname !== '' && !/\s/.test(trimmed)) return null;
  } catch {
    // Said below, in the same words as an address with no host.
  }
  return `"${trimmed.slice(0, 60)}" is not a phone's address: ${example}.`;
}

/** Splits a stored phone URL back into the form's scheme and address fields. */
export function splitPhoneUrl(url: string): { scheme: PhoneScheme; address: string } {
  try {
    const parsed = new URL(url);
    return { scheme: parsed.protocol === 'http:' ? 'http' : 'https', address: parsed.host };
  } catch {
    return { scheme: 'https', address: url };
  }
}
