import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createCore, type Core } from '../../src/main/core/create-core';
import { createDispatcher, type Dispatcher } from '../../src/main/ipc/dispatcher';

let dataDir: string;
let core: Core;
let dispatcher: Dispatcher;
let demoPhoneId: string;
const logged: string[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'deskpilot-dispatcher-'));
  core = await createCore({ dataDir, demo: true });
  dispatcher = createDispatcher(core, (line) => logged.push(line));
  const phones = await core.handlers['phones.list']({});
  demoPhoneId = phones[0]?.id ?? '';
});

afterAll(async () => {
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function expectError(channel: unknown, args: unknown, code: string) {
  const outcome = await dispatcher.invoke(channel, args, 'test');
  expect(outcome.ok).toBe(false);
  if (outcome.ok) throw new Error('unreachable');
  expect(outcome.error.code).toBe(code);
  return outcome.error;
}

describe('the contract dispatcher', () => {
  it('answers a valid call with the core value', async () => {
    const outcome = await dispatcher.invoke('phones.list', {}, 'test');
    expect(outcome).toMatchObject({ ok: true, value: [{ name: 'Demo phone', demo: true }] });
  });

  it.each([['phones.nuke'], ['__proto__'], ['toString'], ['constructor'], [42], [null], [{}]])(
    'refuses the unknown channel %j',
    async (channel) => {
      const error = await expectError(channel, {}, 'unknown-channel');
      expect(error.message).toMatch(/no request channel/);
    },
  );

  it('names the field and the problem of a wrongly typed argument', async () => {
    const error = await expectError(
      'calls.dial',
      { phoneId: 7, destination: '1234' },
      'invalid-argument',
    );
    expect(error.field).toBe('phoneId');
    expect(error.message).toMatch(/^phoneId: .*string/);
  });

  it('refuses huge strings without handing them to the core', async () => {
    const error = await expectError(
      'calls.dial',
      { phoneId: demoPhoneId, destination: '5'.repeat(1_000_000) },
      'invalid-argument',
    );
    expect(error.field).toBe('destination');
    expect(error.message.length).toBeLessThan(300);
  });

  it('refuses unknown fields, naming them', async () => {
    const error = await expectError('phones.list', { admin: true }, 'invalid-argument');
    expect(error.field).toBe('admin');
  });

  it.each([
    ['a non-object argument', 'calls.logs', 'phone'],
    ['an array argument', 'calls.logs', [demoPhoneId]],
    ['a negative line number', 'calls.dial', { phoneId: 'x', destination: '1', line: -1 }],
    ['a non-hex call handle', 'calls.end', { phoneId: 'x', handle: '$(reboot)' }],
    ['an unconfirmed factory reset', 'device.factoryReset', { phoneId: 'x', confirmation: 'yes' }],
  ])('refuses %s', async (_name, channel, args) => {
    await expectError(channel, args, 'invalid-argument');
  });

  it.each([
    ['__proto__ at the top', '{"__proto__": {"polluted": true}}', 'phones.list'],
    ['constructor.prototype', '{"constructor": {"prototype": {"polluted": true}}}', 'phones.list'],
    [
      '__proto__ inside a value map',
      '{"phoneId": "p", "values": {"__proto__": {"polluted": "yes"}}}',
      'config.set',
    ],
  ])('refuses prototype-pollution keys (%s) and pollutes nothing', async (_name, json, channel) => {
    const error = await expectError(channel, JSON.parse(json), 'invalid-argument');
    expect(error.message).toMatch(/forbidden key/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses absurdly nested arguments', async () => {
    let nested: Record<string, unknown> = {};
    for (let depth = 0; depth < 10_000; depth++) nested = { next: nested };
    const error = await expectError('phones.list', nested, 'invalid-argument');
    expect(error.message).toMatch(/nested too deeply/);
  });

  it('refuses an argument with more values than any argument holds, naming the bound', async () => {
    const numbers = Array.from({ length: 1_000_000 }, () => ({ label: '', number: '1' }));
    const error = await expectError('contacts.add', { name: 'Flood', numbers }, 'invalid-argument');
    expect(error.message).toMatch(/more than 10,000 values/);
    expect(error.field).toBe('numbers');
    expect((await dispatcher.invoke('contacts.list', {}, 'test')).ok).toBe(true);
  });

  it.each([
    ['phones.add', { name: 'Desk', username: 'Polycom', password: 'x' }],
    ['phones.test', { username: 'Polycom', password: 'x' }],
    ['phones.update', { phoneId: 'any' }],
  ])(
    'refuses a phone address with credentials in it (%s), without echoing them',
    async (channel, args) => {
      const error = await expectError(
        channel,
        { ...args, url: 'https://admin:hunter2@192.168.1.20' },
        'invalid-argument',
      );
      expect(error.field).toBe('url');
      expect(error.message).toMatch(/cannot hold a user name or password/);
      expect(error.message).not.toContain('hunter2');
    },
  );

  it.each([
    ['', /group name cannot be empty/],
    ['x'.repeat(41), /at most 40 characters/],
    ['Sales\u0007', /control characters/],
  ])('refuses the group name %j in words', async (group, problem) => {
    const error = await expectError(
      'phones.update',
      { phoneId: demoPhoneId, group },
      'invalid-argument',
    );
    expect(error.field).toBe('group');
    expect(error.message).toMatch(problem);
  });

  it('trims a group name and keeps it on the phone', async () => {
    const outcome = await dispatcher.invoke(
      'phones.update',
      { phoneId: demoPhoneId, group: '  Reception ' },
      'test',
    );
    expect(outcome).toMatchObject({ ok: true, value: { group: 'Reception' } });
  });

  it.each([
    ['config.export', 'file:///etc/passwd', { type: 'All' }],
    ['config.export', 'javascript:alert(1)', { type: 'All' }],
    ['config.export', 'https://user:secret@127.0.0.1/upload', { type: 'All' }],
    ['device.uploadCapture', 'file:///tmp/capture', {}],
    ['device.uploadCapture', 'ftp://user:secret@127.0.0.1/capture', {}],
  ])('refuses %s to %s: only the phone’s protocols, no credentials', async (channel, url, args) => {
    const error = await expectError(
      channel,
      { phoneId: demoPhoneId, url, ...args },
      'invalid-argument',
    );
    expect(error.field).toBe('url');
    expect(error.message).not.toContain('secret');
  });

  it('reports an unknown phone id as unknown-phone', async () => {
    const error = await expectError(
      'calls.dial',
      { phoneId: 'no-such-phone', destination: '1234' },
      'unknown-phone',
    );
    expect(error.message.length).toBeGreaterThan(0);
  });

  it('keeps the core error message for an undialable destination', async () => {
    const error = await expectError(
      'calls.dial',
      { phoneId: demoPhoneId, destination: 'javascript:alert(1)' },
      'invalid-argument',
    );
    expect(error.message).not.toMatch(/internal/);
  });

  it('turns unexpected failures into a generic internal error and logs no secrets', async () => {
    const buggy = createDispatcher(
      {
        ...core,
        handlers: {
          ...core.handlers,
          'settings.get': () => Promise.reject(new TypeError('password hunter2 leaked')),
        },
      },
      (line) => logged.push(line),
    );
    const outcome = await buggy.invoke('settings.get', {}, 'test');
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe('internal');
    expect(outcome.error.message).not.toContain('hunter2');
    expect(logged.join('\n')).toContain('settings.get');
    expect(logged.join('\n')).not.toContain('hunter2');
  });

  it('still serves the phone after all the hostile input', async () => {
    const outcome = await dispatcher.invoke(
      'calls.dial',
      { phoneId: demoPhoneId, destination: '1234' },
      'test',
    );
    expect(outcome).toMatchObject({ ok: true });
  });
});
