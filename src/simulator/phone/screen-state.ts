/**
 * What the phone's UI remembers between requests: the line-key page, text being typed, a press,
 * and the user's own "Screen Capture" setting (Settings → Basic → Preferences), which the phone
 * forgets when it restarts.
 */
export class ScreenState {
  lineKeyPage = 0;
  /** Digits typed on the dialling screen (the Dialtone call's number so far). */
  dialBuffer = '';
  /** While a blind transfer is being dialled: the call being transferred. */
  transferHandle: string | null = null;
  /** Where a Press event went down, so the matching Release activates the same element. */
  pressedAt: { x: number; y: number } | null = null;
  /** Speaker volume 0–15, changed by VolUp/VolDown. */
  volume = 8;
  /** The user switched Screen Capture on in the phone's preferences since it started. */
  captureSetting = false;

  /** Idle screen, first page, the capture setting off (after a reboot). */
  reset(): void {
    this.captureSetting = false;
    this.lineKeyPage = 0;
    this.dialBuffer = '';
    this.transferHandle = null;
    this.pressedAt = null;
  }
}
