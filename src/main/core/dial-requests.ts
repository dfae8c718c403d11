/**
 * Click-to-dial from outside the window (links, `--dial`, the shortcut). The link is parsed once,
 * here; when it must be confirmed the parsed request is held by id until the window confirms or
 * dismisses that id, so the window never turns it back into text for the core to parse again.
 */
import { randomUUID } from 'node:crypto';

import type { DialRequest, DialRequestSource } from '../../shared/contract/links';
import type { ParsedLink } from '../../shared/dial-target';
import type { PhoneInfo } from '../../shared/domain';
import type { AppSettings } from '../../shared/settings';
import { DeskpilotError } from '../ground/deskpilot-error';
import { chooseDialPhone } from './dial-phone';
import { parseDestination } from '../ground/dial-destination';
import { mustConfirmDial } from './dial-safety';

/** Requests waiting for an answer; a window shows one at a time, so a few are plenty. */
const MAX_HELD_REQUESTS = 8;

export interface DialRequestsDeps {
  phones: () => readonly PhoneInfo[];
  settings: () => AppSettings;
  /** Tells the windows a request waits for confirmation. */
  announce: (request: DialRequest) => void;
  dial: (phoneId: string, link: ParsedLink) => Promise<{ handle: string | null }>;
}

/** The dial requests from outside the window; see the module comment. */
export class DialRequests {
  private readonly held = new Map<string, DialRequest>();

  constructor(private readonly deps: DialRequestsDeps) {}

  /**
   * Dials `raw` on the default phone at once, or holds it and announces it when it must be
   * confirmed: with `clickToDial: 'confirm'`, and always for an emergency or very short number
   * (a stray click must not call for help). Junk is refused before anything reaches a phone.
   */
  async request(
    source: DialRequestSource,
    raw: string,
  ): Promise<{ handle: string | null } | 'confirm'> {
    const link = parseDestination(raw);
    const settings = this.deps.settings();
    if (settings.clickToDial === 'confirm' || mustConfirmDial(link)) {
      const request: DialRequest = { id: randomUUID(), source, link };
      this.held.set(request.id, request);
      for (const id of [...this.held.keys()].slice(0, -MAX_HELD_REQUESTS)) this.held.delete(id);
      this.deps.announce(request);
      return 'confirm';
    }
    return this.deps.dial(chooseDialPhone(this.deps.phones(), settings.defaultPhoneId), link);
  }

  /** Dials a held request; `shownPhoneId` is the phone the window showed when the user confirmed. */
  async confirm(id: string, shownPhoneId?: string): Promise<{ handle: string | null }> {
    const request = this.held.get(id);
    if (request === undefined) {
      throw new DeskpilotError(
        'not-found',
        'That dial request is no longer waiting (it was answered elsewhere or replaced by newer ones); use the link again.',
      );
    }
    const { defaultPhoneId } = this.deps.settings();
    const phoneId = chooseDialPhone(this.deps.phones(), defaultPhoneId, shownPhoneId);
    this.held.delete(id);
    return this.deps.dial(phoneId, request.link);
  }

  /** Forgets a request the user declined. */
  dismiss(id: string): void {
    this.held.delete(id);
  }
}
