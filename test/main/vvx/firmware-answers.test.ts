import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { collectNotes } from '../../../src/main/vvx/read-notes';
import { lineListSchema } from '../../../src/main/vvx/vvx-line-schemas';
import {
  callListSchema,
  callLogsSchema,
  callSchema,
  configValuesSchema,
  deviceInfoSchema,
  invalidParams,
  pollStatusSchema,
} from '../../../src/main/vvx/vvx-schemas';
import { readableAddress, readDuration, readUptime } from '../../../src/main/vvx/vvx-text-forms';
import { flatten, isRecord, normaliseHandle } from '../../../src/main/vvx/vvx-values';

/** A captured answer (test/fixtures/firmware) as the transport splits it: `data` and the rest. */
function answer(name: string): { data: unknown; top: Record<string, unknown> } {
  const body: unknown = JSON.parse(
    readFileSync(new URL(`../../fixtures/firmware/${name}`, import.meta.url), 'utf8'),
  );
  if (!isRecord(body)) throw new Error(`${name} is not a JSON object`);
  const { data, ...top } = body;
  return { data, top };
}

// Every form below was written by a real phone (test/fixtures/firmware/README.md, and the
// simulator's README, "Dialects", for the inline values).
describe('the readers take every captured firmware answer', () => {
  it.each([
    ['Edge 8.6 device info v1', '0 Day 2:26:00', 8760],
    ['VVX 5.x (Posh-UCS)', '0 day 0:55:11', 3311],
    ['VVX 5.x, days (Posh-UCS)', '2 days 12:44:11', 218_651],
    ['"sometimes happens" (Posh-UCS)', '3.02:24:46', 267_886],
    ['the reference', '0 Days 00:00:07', 7],
    ['Trio 7.2 network stats', '1 day 1:41:50', 92_510],
    ['Edge Wi-Fi duration', '0 days, 3 hours, 8 minutes, 56 seconds', 11_336],
    [
      'v2 UpTime object (VVX 350 5.9.3)',
      { Seconds: '1', Days: '0', Minutes: '3', Hours: '1' },
      3781,
    ],
  ])('reads the uptime of %s', (_source, value, seconds) => {
    expect(readUptime(value)).toBe(seconds);
  });

  it.each([
    ['a call log of Edge 8.6', '39 secs', 39],
    ['a Trio 7.2 call log', '4 mins 49 secs', 289],
    ['pollForStatus, 5.x', '5 mins 25 secs', 325],
    ['a long call, as the words go on', '1 hour 2 mins 3 secs', 3723],
    ['a singular minute', '1 min 1 sec', 61],
    ['an unanswered call', '', 0],
    ['the reference, as a count', '4', 4],
    ['a number', 812, 812],
    ['a clock', '00:01:05', 65],
    ['ISO 8601', 'PT1M2S', 62],
  ])('reads the duration of %s', (_source, value, seconds) => {
    expect(readDuration(value)).toBe(seconds);
  });

  it.each(['forty secs', '5 fortnights', '12:99', '-3', 'PT', true])(
    'says it cannot read the duration %j rather than guess',
    (value) => {
      expect(readDuration(value)).toBeNull();
    },
  );

  it.each([
    ['sip:1234@mindspacecloud.com', '1234'],
    ['tel:1234', '1234'],
    ['tel:+15551234;phone-context=example.com', '+15551234'],
    ['sip:polyx30@video.mividas.com', 'polyx30@video.mividas.com'],
    ['meetup**67564@video.mividas.com', 'meetup**67564@video.mividas.com'],
    ['"Ada" <sip:1001@pbx.example;user=phone>', '1001'],
    ['0702275815', '0702275815'],
    ['hdx9000', 'hdx9000'],
    ['fixture-remote-01', 'fixture-remote-01'],
  ])('shows the party %j as %j', (value, readable) => {
    expect(readableAddress(value)).toBe(readable);
  });

  it('reads Edge 8.6 device info: lower-case MAC, uptime in words, Poly vendor', () => {
    const info = deviceInfoSchema.parse(answer('edge-8.6-device-info.json').data);
    expect(info).toMatchObject({
      model: 'Edge E350',
      firmware: '8.6.0.1321',
      macAddress: '482567139733',
      uptimeSeconds: 8760,
    });
  });

  it('reads VVX 350 5.9.3 device info v2: the version before the build date, uptime object', () => {
    const info = deviceInfoSchema.parse(answer('vvx350-5.9.3-device-info-v2.json').data);
    expect(info).toMatchObject({
      model: 'VVX 350',
      firmware: '5.9.3.2857',
      macAddress: '64167F3959CA',
      uptimeSeconds: 3781,
    });
  });

  it('reads two lines where Edge 8.6 lists four line keys', () => {
    const lines = lineListSchema.parse(answer('edge-8.6-line-info-two-lines-four-keys.json').data);
    expect(
      lines.map(({ line, label, address, registered, registration }) => ({
        line,
        label,
        address,
        registered,
        registration,
      })),
    ).toEqual([
      {
        line: 1,
        label: 'Line 1',
        address: 'line-1@example.test',
        registered: true,
        registration: 'Registered',
      },
      {
        line: 2,
        label: 'Line 2',
        address: 'line-2@example.test',
        registered: true,
        registration: 'Registered',
      },
    ]);
  });

  it.each(['edge-8.6-line-info-factory.json', 'ccx400-7.3-line-info-factory.json'])(
    'shows no line for the factory placeholder of %s',
    (file) => {
      expect(lineListSchema.parse(answer(file).data)).toEqual([]);
    },
  );

  it('keeps a real line whose port reads 0 (VVX 411 6.3.1)', () => {
    const [line] = lineListSchema.parse(answer('vvx411-6.3.1-line-info.json').data);
    expect(line).toMatchObject({
      line: 1,
      label: 'Holly Hunt (myteamslab)',
      address: 'Holly.Hunt@myteamslab.com',
      registered: true,
      callServers: ['myteamslab.com'],
    });
  });

  it('shows network info with keys that hold spaces (Edge on Wi-Fi)', () => {
    const shown = flatten(answer('edge-8.6-network-info-wifi.json').data);
    expect(shown).toMatchObject({
      CDPCompatibility: 'enabled',
      'Wifi.Signal Strength': '0%',
      'Wifi.Duration': '0 days, 3 hours, 8 minutes, 56 seconds',
    });
  });

  it('reads network stats uptime written with a lower-case day (Edge 8.6)', () => {
    const { data } = answer('edge-8.6-network-stats.json');
    expect(isRecord(data) && readUptime(data.UpTime)).toBe(8760);
  });

  it.each([
    ['edge-8.6-config-get.json', 'tcpIpApp.sntp.address', { value: '192.0.2.2', source: 'CONFIG' }],
    ['edge-8.6-config-get.json', 'softkey.1.enable', { value: '0', source: 'DEFAULT' }],
    [
      'trio-7.2.2-config-get.json',
      'reg.1.server.H323.1.address',
      { value: 'video.mividas.com', source: 'WEB' },
    ],
  ])('reads config get of %s: %s', (file, name, value) => {
    expect(configValuesSchema.parse(answer(file))[name]).toEqual(value);
  });

  it.each([
    ['beside data, a list (polylens2otel)', { data: {}, top: { InvalidParams: ['SCEP.x'] } }],
    [
      'beside data, an object of names (Posh-UCS)',
      { data: {}, top: { InvalidParams: { 0: 'SCEP.x' } } },
    ],
    ['inside data (the reference)', { data: { InvalidParams: ['SCEP.x'] }, top: {} }],
    ['beside an absent data', { data: undefined, top: { InvalidParams: 'SCEP.x' } }],
  ])('finds InvalidParams %s', (_where, envelope) => {
    expect(invalidParams(envelope)).toEqual(['SCEP.x']);
    expect(configValuesSchema.parse(envelope)['SCEP.x']).toBeNull();
  });

  it('reads a Trio 7.2.2 connected call with "Media Direction" and a URI for a name', () => {
    const [call] = callListSchema.parse(answer('trio-7.2.2-call-status-v2-connected.json').data);
    expect(call).toMatchObject({
      handle: '0x41c2c008',
      state: 'Connected',
      direction: 'Incoming',
      remoteNumber: 'hdx9000',
      remoteName: 'hdx9000@video.mividas.com',
      durationSeconds: 812,
      muted: true,
      active: true,
      heldByFarEnd: false,
    });
  });

  it('reads a ringing Trio call and an idle phone', () => {
    const [ringing] = callListSchema.parse(answer('trio-7.2.2-call-status-v2-ringing.json').data);
    expect(ringing).toMatchObject({ state: 'Offering', ringing: true, durationSeconds: 0 });
    expect(callListSchema.parse(answer('trio-7.2.2-call-status-v2-idle.json').data)).toEqual([]);
  });

  it('sees a call held by the other side in "Media Direction"', () => {
    const call = callSchema.parse({
      CallHandle: '41c2c008',
      CallState: 'Connected',
      'Media Direction': 'recvonly',
    });
    expect(call.heldByFarEnd).toBe(true);
  });

  it.each([
    ['v1 with 0x and a dropped leading zero (TPx)', '0x3740b48'],
    ['v2 without 0x', '3740b48'],
    ['the reference, eight digits', '03740b48'],
    ['upper case', '0X03740B48'],
  ])('keeps one handle for %s', (_form, handle) => {
    expect(callSchema.parse({ CallHandle: handle, CallState: 'Connected' }).handle).toBe(
      '0x3740b48',
    );
    expect(normaliseHandle(handle)).toBe('0x3740b48');
  });

  it('reads a held call as v1 names it, and a party as a URI', () => {
    const call = callSchema.parse({
      CallHandle: '0x3740b48',
      CallState: 'CallHold',
      RemotePartyNumber: 'sip:5551234@sip.example.test',
      DurationInSeconds: '7',
    });
    expect(call).toMatchObject({ state: 'Hold', remoteNumber: '5551234', durationSeconds: 7 });
  });

  it.each([
    ['an idle phone (Trio, Home Assistant)', 'Idle', 'Time of last call 2025-08-03T10:35:57'],
    ['a call up (Posh-UCS)', 'Active', 'Active call duration 5 mins 25 secs'],
    ['a phone that never called', 'Idle', ''],
    ['the reference, in a call', 'Active', '00:00:58'],
  ])('reads pollForStatus of %s without a note', (_case, State, StateData) => {
    const { value, notes } = collectNotes(() => pollStatusSchema.parse({ State, StateData }));
    expect(value).toEqual({ state: State, stateData: StateData });
    expect(notes).toEqual([]);
  });

  it('reads Edge 8.6 call logs: capitalised lists, durations in words and empty', () => {
    const logs = callLogsSchema.parse(answer('edge-8.6-call-logs.json').data);
    expect(logs.missed).toEqual([]);
    expect(logs.placed?.map((entry) => entry.durationSeconds)).toEqual([0, 39]);
    expect(logs.placed?.[1]).toMatchObject({
      remoteName: 'Fixture Contact 2',
      remoteNumber: 'fixture-remote-02',
      startTime: '2026-08-12T18:20:48',
      line: 1,
    });
    expect(callLogsSchema.parse(answer('edge-8.6-call-logs-empty.json').data)).toEqual({
      missed: [],
      received: [],
      placed: [],
    });
  });

  it('reads one kind of call log, which real phones answer as the list itself', () => {
    const logs = callLogsSchema.parse([
      {
        LineNumber: '1',
        StartTime: '2022-10-11T17:28:46',
        RemotePartyName: 'sip:1234@mindspacecloud.com',
        RemotePartyNumber: 'sip:1234@mindspacecloud.com',
        Duration: '4 mins 49 secs',
      },
    ]);
    expect(logs.unfiled?.[0]).toMatchObject({
      remoteName: '1234',
      remoteNumber: '1234',
      durationSeconds: 289,
    });
  });

  it('notes what it cannot read, with the field and the raw value, and keeps the rest', () => {
    const { value, notes } = collectNotes(() =>
      callLogsSchema.parse({
        Placed: [
          { RemotePartyNumber: '1', Duration: 'forty secs' },
          'not an entry',
          { RemotePartyNumber: '2', Duration: '4 secs' },
        ],
        Forwarded: [],
      }),
    );
    expect(value.placed?.map((entry) => [entry.remoteNumber, entry.durationSeconds])).toEqual([
      ['1', 0],
      ['2', 4],
    ]);
    expect(notes).toEqual([
      { field: 'Placed.0.Duration', fragment: '"forty secs"' },
      { field: 'Placed.1', fragment: '"not an entry"' },
      { field: 'Forwarded', fragment: '[]' },
    ]);
  });
});
