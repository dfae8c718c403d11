/**
 * A native notification for each incoming call: clicking it brings the window forward; Answer
 * and Reject buttons where the OS offers notification actions (macOS, Windows). The caller's
 * name comes from the caller: on Linux, where notification servers read the body as markup
 * (links, images, formatting), it is escaped to show as the text it is.
 */
import { Notification } from 'electron';

import type { EventPayloads } from '../../shared/contract/events';
import type { AppSettings } from '../../shared/settings';
import type { Call } from '../../shared/domain';
import type { ContractCore } from '../ipc/contract-core';
import type { Dispatcher } from '../ipc/dispatcher';

/** Text as Linux notification servers show it literally (their body markup is XML-like). */
function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function describeCaller(call: Call): string {
  const name = call.remoteName.trim();
  const number = call.remoteNumber.trim();
  if (name !== '' && number !== '' && name !== number) return `${name} (${number})`;
  return name || number || 'Unknown caller';
}

/** Shows notifications for incoming calls while enabled in settings; returns an unsubscribe. */
export function notifyIncomingCalls(options: {
  core: Pick<ContractCore, 'subscribe'>;
  dispatcher: Dispatcher;
  settings: () => AppSettings;
  showWindow: () => void;
  /** The OS (tests pass one); decides whether the body is markup. */
  platform?: NodeJS.Platform;
}): () => void {
  const { core, dispatcher, settings, showWindow, platform = process.platform } = options;
  // Keyed by phone and call handle; kept referenced so notifications are not garbage-collected.
  const shown = new Map<string, Notification>();

  function onPhoneEvent(event: EventPayloads['phone']): void {
    if (
      event.type === 'call-removed' ||
      (event.type === 'call-changed' && event.call.state !== 'Offering')
    ) {
      const key = `${event.phoneId}/${event.call.handle}`;
      shown.get(key)?.close();
      shown.delete(key);
      return;
    }
    if (
      event.type !== 'incoming-call' ||
      !settings().notifications ||
      !Notification.isSupported()
    ) {
      return;
    }
    const target = { phoneId: event.phoneId, handle: event.call.handle };
    const notification = new Notification({
      title: 'Incoming call',
      body:
        platform === 'linux'
          ? escapeMarkup(describeCaller(event.call))
          : describeCaller(event.call),
      urgency: 'critical',
      actions: [
        { type: 'button', text: 'Answer' },
        { type: 'button', text: 'Reject' },
      ],
    });
    notification.on('click', showWindow);
    notification.on('action', (details) => {
      void dispatcher.call(details.actionIndex === 0 ? 'calls.answer' : 'calls.reject', target);
    });
    shown.set(`${event.phoneId}/${event.call.handle}`, notification);
    notification.show();
  }

  const unsubscribe = core.subscribe('phone', onPhoneEvent);
  return () => {
    unsubscribe();
    shown.forEach((notification) => notification.close());
    shown.clear();
  };
}
