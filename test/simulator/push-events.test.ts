/**
 * The simulator's telephony notifications, caught by a bare receiver on 127.0.0.1: events only
 * for switches that are on, in each dialect's documented form, on time without any request,
 * and through every push fault (drop, delay, duplicate, reorder, wrong source).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import {
  phoneControl,
  startSimulator,
  type DialectName,
  type Simulator,
} from '../../src/simulator';
import { call, firstPhone, waitFor } from './support';

interface Received {
  from: string;
  contentType: string;
  body: string;
  /** The event element's name. */
  event: string;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

let server: http.Server;
let received: Received[] = [];
let url = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const parsed = parser.parse(body) as { PolycomIPPhone?: Record<string, unknown> };
      received.push({
        from: req.socket.remoteAddress ?? '',
        contentType: req.headers['content-type'] ?? '',
        body,
        event: Object.keys(parsed.PolycomIPPhone ?? {})[0] ?? '',
      });
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/deskpilot/events/abc`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  received = [];
});

const ALL_SWITCHES = {
  'apps.telNotification.incomingEvent': '1',
  'apps.telNotification.outgoingEvent': '1',
  'apps.telNotification.offhookEvent': '1',
  'apps.telNotification.onhookEvent': '1',
  'apps.telNotification.callStateChangeEvent': '1',
  'apps.telNotification.lineRegistrationEvent': '1',
};

async function withPhone(
  dialect: DialectName,
  run: (sim: Simulator) => Promise<void>,
): Promise<void> {
  const sim = await startSimulator({ dialect, farEndAnswerMs: 300, rebootMs: 300 });
  try {
    await run(sim);
  } finally {
    await sim.close();
  }
}

function events(): string[] {
  return received.map((item) => item.event);
}

function eventBody(name: string, state?: string): Record<string, unknown> {
  const match = received.find((item) => {
    if (item.event !== name) return false;
    return (
      state === undefined || item.body.includes(`${state}<`) || item.body.includes(`"${state}"`)
    );
  });
  if (match === undefined) throw new Error(`no ${name} ${state ?? ''} received`);
  const parsed = parser.parse(match.body) as {
    PolycomIPPhone: Record<string, Record<string, unknown>>;
  };
  const body = parsed.PolycomIPPhone[name];
  if (body === undefined) throw new Error(`${name} missing`);
  return body;
}

describe('pushed events', () => {
  it('sends nothing until the URL is set, then only the events whose switch is on', async () => {
    await withPhone('reference', async (sim) => {
      const phone = phoneControl(firstPhone(sim), sim.controlToken);
      await phone.ring('5550100', 'Ada Lovelace');
      await phone.config({
        params: {
          'apps.telNotification.URL': url,
          'apps.telNotification.incomingEvent': '1',
        },
      });
      const handle = await phone.ring('5550101', 'Grace Hopper');
      await waitFor(() => received.length >= 1, 'the incoming event');
      await phone.remote(handle, 'hangup');
      // A state change with its switch off is never sent: the next switched-on event comes alone.
      await phone.ring('5550102', 'Alan Turing');
      await waitFor(() => received.length >= 2, 'the second incoming event');
      expect(events()).toEqual(['IncomingCallEvent', 'IncomingCallEvent']);
      expect(received[0]?.body).toContain('<CallingPartyName>Grace Hopper</CallingPartyName>');
      expect(received[0]).toMatchObject({ from: '127.0.0.1', contentType: 'text/xml' });
      expect((await phone.stats()).pushes).toMatchObject({ sent: 2, failed: 0, dropped: 0 });
    });
  });

  it('writes the 5.0 guide template in the reference dialect: attributes, LineNumber, declaration', async () => {
    await withPhone('reference', async (sim) => {
      const phone = phoneControl(firstPhone(sim), sim.controlToken);
      await phone.config({ params: { 'apps.telNotification.URL': url, ...ALL_SWITCHES } });
      const handle = await phone.ring('5550100', 'Ada & Co', { line: 2 });
      await waitFor(() => received.length >= 2, 'the ring events');
      expect(events()).toEqual(['IncomingCallEvent', 'CallStateChangeEvent']);
      expect(received[1]?.body.startsWith('<?xml')).toBe(true);
      const state = eventBody('CallStateChangeEvent');
      expect(state).toMatchObject({
        '@CallReference': handle,
        '@CallState': 'Offering',
        LineNumber: 2,
        MACAddress: firstPhone(sim).macAddress.toLowerCase(),
      });
      expect(String(state.TimeStamp)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
      expect(received[1]?.body).toContain('<CallingPartyName>Ada &amp; Co</CallingPartyName>');
    });
  });

  it('writes the 4.1.4 capture form in vvx-5: elements, no LineNumber, sip: party numbers', async () => {
    await withPhone('vvx-5', async (sim) => {
      const phone = phoneControl(firstPhone(sim), sim.controlToken);
      await phone.config({ params: { 'apps.telNotification.URL': url, ...ALL_SWITCHES } });
      await call(firstPhone(sim), 'POST', '/api/v1/callctrl/dial', {
        data: { Dest: '5551234', Line: '1' },
      });
      await waitFor(() => events().includes('CallStateChangeEvent'), 'the state event');
      expect(events().slice(0, 2)).toEqual(['OutgoingCallEvent', 'OffHookEvent']);
      const state = eventBody('CallStateChangeEvent', 'Setup');
      expect(state.CallReference).toMatch(/^[0-9a-f]{8}$/);
      expect(state.CallState).toBe('Setup');
      expect(state).not.toHaveProperty('LineNumber');
      expect(received.find((item) => item.event === 'CallStateChangeEvent')?.body).toContain(
        '<CallingPartyDirNum>sip:1011@sip.deskpilot.test</CallingPartyDirNum>',
      );
      expect(received[0]?.body.startsWith('<?xml')).toBe(false);
    });
  });

  it('follows the far end on its own time: ringback and connected arrive with nobody asking', async () => {
    await withPhone('vvx-6', async (sim) => {
      const phone = phoneControl(firstPhone(sim), sim.controlToken);
      await phone.config({ params: { 'apps.telNotification.URL': url, ...ALL_SWITCHES } });
      await call(firstPhone(sim), 'POST', '/api/v1/callctrl/dial', {
        data: { Dest: '5551234', Line: '1' },
      });
      const requests = (await phone.stats()).totalRequests;
      await waitFor(
        () => received.some((item) => item.body.includes('CallState="Connected"')),
        'connected',
      );
      const states = received
        .filter((item) => item.event === 'CallStateChangeEvent')
        .map((item) => /CallState="(\w+)"/.exec(item.body)?.[1]);
      expect(states).toEqual(['Setup', 'Ringback', 'Connected']);
      expect(events().slice(0, 2)).toEqual(['OutgoingCallEvent', 'OffHookEvent']);
      expect((await phone.stats()).totalRequests).toBe(requests);
    });
  });

  it('tells of lines going down with a reboot and coming back after it', async () => {
    await withPhone('reference', async (sim) => {
      const phone = phoneControl(firstPhone(sim), sim.controlToken);
      await phone.config({ params: { 'apps.telNotification.URL': url, ...ALL_SWITCHES } });
      await phone.reboot(200);
      await waitFor(
        () => events().filter((name) => name === 'LineRegistrationEvent').length === 2,
        'the lines registering again',
      );
      expect(events()).toEqual([
        'LineUnregistrationEvent',
        'LineUnregistrationEvent',
        'LineRegistrationEvent',
        'LineRegistrationEvent',
      ]);
      expect(eventBody('LineRegistrationEvent').LineNumber).toBe(1);
    });
  });

  it('drops, duplicates, reorders and delays events, and sends them from a wrong address', async () => {
    await withPhone('reference', async (sim) => {
      const phone = phoneControl(firstPhone(sim), sim.controlToken);
      await phone.config({
        params: { 'apps.telNotification.URL': url, 'apps.telNotification.incomingEvent': '1' },
      });
      await phone.faults({ pushDrop: { count: 1 } });
      await phone.ring('1', 'one');
      await phone.faults({ pushDuplicate: { count: 1 } });
      await phone.ring('2', 'two');
      await phone.faults({ pushReorder: { count: 1 } });
      await phone.ring('3', 'three');
      await phone.ring('4', 'four');
      await waitFor(() => received.length >= 4, 'four posts');
      expect(received.map((item) => /PartyName>(\w+)</.exec(item.body)?.[1])).toEqual([
        'two',
        'two',
        'four',
        'three',
      ]);
      expect((await phone.stats()).pushes).toMatchObject({ dropped: 1, sent: 4 });

      received = [];
      await phone.faults({ pushDelayMs: 400, pushFrom: '127.0.0.2' });
      const rungAt = Date.now();
      await phone.ring('5', 'five');
      await waitFor(() => received.length >= 1, 'the delayed post');
      expect(Date.now() - rungAt).toBeGreaterThanOrEqual(400);
      expect(received[0]?.from).toBe('127.0.0.2');
    });
  });

  it('takes the URL and switches through the REST API too (config/set)', async () => {
    await withPhone('vvx-5', async (sim) => {
      const reply = await call(firstPhone(sim), 'POST', '/api/v1/mgmt/config/set', {
        data: { 'apps.telNotification.URL': url, 'apps.telNotification.incomingEvent': '1' },
      });
      expect(reply.json?.Status).toBe('2000');
      await phoneControl(firstPhone(sim), sim.controlToken).ring('5550100');
      await waitFor(() => received.length >= 1, 'the incoming event');
      expect(events()).toEqual(['IncomingCallEvent']);
    });
  });
});
