import { describe, expect, it } from 'vitest';

import { EventBus } from '../../../src/main/core/event-bus';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';

describe('EventBus', () => {
  it('keeps delivering to other listeners when one throws, and stops after unsubscribe', () => {
    const failures: unknown[] = [];
    const bus = new EventBus((error) => failures.push(error));
    const received: string[] = [];
    bus.subscribe('settings-changed', () => {
      throw new Error('a broken window');
    });
    const off = bus.subscribe('settings-changed', (settings) => received.push(settings.theme));
    bus.subscribe('contacts-changed', () => received.push('contacts'));

    bus.emit('settings-changed', { ...DEFAULT_SETTINGS, theme: 'dark' });
    off();
    bus.emit('settings-changed', { ...DEFAULT_SETTINGS, theme: 'light' });

    expect(received).toEqual(['dark']);
    expect(failures).toHaveLength(2);
  });
});
