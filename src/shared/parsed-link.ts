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
