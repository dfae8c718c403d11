/**
 * Click-to-dial from outside the window: OS links (tel:, callto:, sip:), `--dial`, a second
 * launch and the clipboard shortcut all end here and go to the core's `links.request`, which
 * parses the text and refuses anything that is not a number or SIP URI.
 */
import type { DialRequestSource } from '../../shared/contract/links';
import type { Dispatcher } from '../ipc/dispatcher';

/** How the shell shows the outcome of a dial request. */
export interface DialFeedback {
  /** Bring the window forward (the UI shows the confirmation prompt or the call). */
  showWindow(): void;
  /** Tell the user in words why nothing was dialled. */
  notify(title: string, body: string): void;
}

/** Hands one dial request to the core and reports what happened. */
export async function handleDialRequest(
  dispatcher: Pick<Dispatcher, 'call'>,
  source: DialRequestSource,
  raw: string,
  feedback: DialFeedback,
): Promise<void> {
  const outcome = await dispatcher.call('links.request', { source, link: raw });
  if (!outcome.ok) {
    feedback.notify('Deskpilot did not dial', outcome.error.message);
    return;
  }
  feedback.showWindow();
}
