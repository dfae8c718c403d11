/** What the dial-target parser makes of a destination, typed or linked. */

export interface ParsedLink {
  /** What will be dialled: digits (with optional leading +) or a SIP URI. */
  destination: string;
  type: 'TEL' | 'SIP';
  /** Human form for confirmation dialogs. */
  display: string;
  /**
   * Keypad digits to send as DTMF once the call connects (from ";ext=", ";postd=", "ext. 89" or
   * pauses like "+15551234567,89"); the phone's dial request has no room for them.
   */
  postDial?: string;
}

/**
 * The text that dials `link` again, extension included (redial): parseDialTarget reads
 * `destination,postDial` as the same link, which its display form does not always survive.
 */
export function dialTextOf(link: ParsedLink): string {
  return link.postDial ? `${link.destination},${link.postDial}` : link.destination;
}
