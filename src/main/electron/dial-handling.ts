/**
 * Click-to-dial from outside the window: OS links (tel:, callto:, sip:), `--dial`, a second
 * launch and the clipboard shortcut all end here and go through the core's `requestDial`, which
 * parses the text and refuses anything that is not a number or SIP URI.
 */
import type { DialRequest } from '../../shared/contract/links';
import type { Core } from '../core/create-core';

/** How the shell shows the outcome of a dial request. */
export interface DialFeedback {
  /** Bring the window forward (the UI shows the confirmation prompt or the call). */
  showWindow(): void;
  /** Tell the user in words why nothing was dialled. */
  notify(title: string, body: string): void;
}

/** Hands one dial request to the core and reports what happened. */
export async function handleDialRequest(
  core: Pick<Core, 'requestDial'>,
  source: DialRequest['source'],
  raw: string,
  feedback: DialFeedback,
): Promise<void> {
  const outcome = await core.requestDial(source, raw);
  if (!outcome.ok) {
    feedback.notify('Deskpilot did not dial', outcome.error.message);
    return;
  }
  feedback.showWindow();
}
