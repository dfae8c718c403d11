/** Which URLs the app may hand to the operating system's browser. */

/** Documentation sites the UI links to. */
const EXTERNAL_HOSTS: readonly string[] = [
  'github.com',
  'www.hp.com',
  'support.hp.com',
  'docs.poly.com',
];

/**
 * Whether `raw` may be opened with shell.openExternal: an https URL on an allow-listed host, or
 * the web page of a configured phone (same origin as its address). Everything else — file:,
 * custom schemes, look-alike hosts, credentials in the URL — is refused.
 */
export function isAllowedExternalUrl(raw: string, phoneUrls: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  if (url.protocol === 'https:' && EXTERNAL_HOSTS.includes(url.hostname)) return true;
  return phoneUrls.some((phoneUrl) => {
    try {
      return new URL(phoneUrl).origin === url.origin;
    } catch {
      return false;
    }
  });
}
