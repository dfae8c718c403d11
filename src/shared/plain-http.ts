/**
 * What reaching a phone over plain HTTP exposes, in the words every UI (the phone form, the
 * phone's page, the command line) uses.
 */

/** Whether a phone address is plain HTTP (unencrypted). */
export function isPlainHttp(url: string): boolean {
  return /^\s*http:/i.test(url);
}

export const PLAIN_HTTP_WARNING =
  'Plain HTTP is not encrypted: anyone on the network between this computer and the phone can read everything Deskpilot and the phone say to each other (numbers dialled, callers, configuration), and can change it on the way. If the phone does not accept Digest authentication, they also see its password, which goes with every request, every few seconds. Use HTTPS unless the phone cannot.';
