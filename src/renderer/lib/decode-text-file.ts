/**
 * Decodes an imported file's bytes the way the exporting program wrote them: a byte-order mark
 * says UTF-8 or UTF-16 (Google's and Outlook's "Unicode" CSV exports are UTF-16), otherwise UTF-8,
 * and bytes that are not valid UTF-8 are read as Windows-1252 (Outlook's default CSV encoding) so
 * accented names arrive intact instead of as replacement characters.
 */
export function decodeTextFile(bytes: Uint8Array): string {
  const [first, second, third] = bytes;
  if (first === 0xff && second === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (first === 0xfe && second === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const utf8 = first === 0xef && second === 0xbb && third === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(utf8);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
