/**
 * A native notification for each incoming call: clicking it brings the window forward; Answer
 * and Reject buttons where the OS offers notification actions (macOS, Windows).
 */
import { Notification } from 'electron';

import type { EventPayloads } from '../../shared/contract/events';
import type { AppSettings } from '../../shared/settings';
import type { Call } from '../../shared/domain';
import type { ContractCore } from '../ipc/contract-core';
import type { Dispatcher } from '../ipc/dispatcher';

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
}): () => void {
  const { core, dispatcher, settings, showWindow } = options;
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
      body: describeCaller(event.call),
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
