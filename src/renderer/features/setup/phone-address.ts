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

/** Splits a stored phone URL back into the form's scheme and address fields. */
export function splitPhoneUrl(url: string): { scheme: PhoneScheme; address: string } {
  try {
    const parsed = new URL(url);
    return { scheme: parsed.protocol === 'http:' ? 'http' : 'https', address: parsed.host };
  } catch {
    return { scheme: 'https', address: url };
  }
}
