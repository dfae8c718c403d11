import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DIALECT_NAMES,
  startSimulator,
  type DialectName,
  type SimulatedPhoneInfo,
  type Simulator,
} from '../../src/simulator';
import { call, control, firstPhone, waitFor, type Auth, type PhoneJson } from './support';

/** What each dialect answers (README.md, "Dialects", gives the evidence for each). */
interface Expected {
  anyCasePaths: boolean;
  server: string | undefined;
  notFoundType: string;
  challenge: RegExp;
  auth: Auth;
  modelNumber: string;
  vendor: string;
  deviceType: string;
  lowerMac: boolean;
  /** UpTimeSinceLastReboot of a phone up less than a minute. */
  uptime: RegExp;
  /** lineInfo v1 entries for two lines of two keys each, and their registration text. */
  lineEntries: number;
  registered: string;
  networkInfo: Record<string, string>;
  source: string;
  invalidBeside: boolean;
  partialSet: boolean;
  presenceBeside: boolean;
  trimmedHandles: boolean;
  /** RemotePartyNumber of a call rung from 5550100, then dialled as TEL and as a SIP URI. */
  rungFrom: string;
  telDial: string | null;
  sipDial: string | null;
  mediaDirection: boolean;
  bothDurations: boolean;
  heldV1: string | null;
  activePoll: RegExp;
  idlePoll: string;
  logKeys: string[];
  unansweredDuration: string;
  callControl: boolean;
  mgmt6x: boolean;
  keyEvents: boolean;
}

const REAL = {
  anyCasePaths: true,
  notFoundType: 'text/html; charset=utf-8',
  lowerMac: true,
  lineEntries: 4,
  registered: 'registered',
  networkInfo: {
    DHCP: 'enabled',
    LANPortStatus: 'active',
    LANSpeed: '1000Mbps',
    CDPCompatibility: 'enabled',
  },
  source: 'config',
  invalidBeside: true,
  partialSet: true,
  presenceBeside: true,
  trimmedHandles: true,
  activePoll: /^Active call duration \d+ secs?$/,
  idlePoll: '',
  logKeys: ['Missed', 'Received', 'Placed'],
  unansweredDuration: '',
} satisfies Partial<Expected>;

const VVX = {
  ...REAL,
  server: 'Polycom SoundPoint IP Telephone HTTPd',
  challenge: /^Basic /,
  auth: 'admin',
  modelNumber: 'VVX 601',
  vendor: 'Polycom',
  deviceType: 'HardwareEndpoint',
  telDial: '5551234',
  sipDial: 'sip:5551234@pbx.test',
  bothDurations: false,
  heldV1: 'CallHold',
  callControl: true,
} satisfies Partial<Expected>;

const EXPECTED: Record<DialectName, Expected> = {
  reference: {
    anyCasePaths: false,
    server: undefined,
    notFoundType: 'text/plain',
    challenge: /^Basic /,
    auth: 'admin',
    modelNumber: 'VVX601',
    vendor: 'Polycom',
    deviceType: 'HardwareEndPoint',
    lowerMac: false,
    uptime: /^0 Days 00:00:\d\d$/,
    lineEntries: 2,
    registered: 'Registered',
    networkInfo: { DHCP: 'Enabled', LANPortStatus: 'Active', CDPCompability: 'Enabled' },
    source: 'CONFIG',
    invalidBeside: false,
    partialSet: false,
    presenceBeside: false,
    trimmedHandles: false,
    rungFrom: '5550100',
    telDial: '5551234',
    sipDial: '5551234@pbx.test',
    mediaDirection: false,
    bothDurations: true,
    heldV1: 'Hold',
    activePoll: /^\d\d:\d\d:\d\d$/,
    idlePoll: 'No calls',
    logKeys: ['missed', 'received', 'placed'],
    unansweredDuration: '0',
    callControl: true,
    mgmt6x: false,
    keyEvents: false,
  },
  'vvx-5': {
    ...VVX,
    uptime: /^0 day 0:00:\d\d$/,
    rungFrom: 'tel:5550100',
    mediaDirection: false,
    mgmt6x: false,
    keyEvents: false,
  },
  'vvx-6': {
    ...VVX,
    uptime: /^0\.00:00:\d\d$/,
    rungFrom: '5550100',
    mediaDirection: true,
    mgmt6x: true,
    keyEvents: true,
  },
  edge: {
    ...REAL,
    server: 'Poly Edge Telephone HTTPd',
    challenge: /^Digest .*algorithm=MD5/,
    auth: 'digest',
    modelNumber: 'Edge E350',
    vendor: 'Poly',
    deviceType: 'hardwareEndpoint',
    uptime: /^0 Day 0:00:\d\d$/,
    rungFrom: '5550100',
    telDial: null,
    sipDial: null,
    mediaDirection: true,
    bothDurations: false,
    heldV1: null,
    callControl: false,
    mgmt6x: false,
    keyEvents: false,
  },
};

type Fields = Record<string, string>;

describe.each(DIALECT_NAMES)('the %s dialect', (dialect) => {
  const expected = EXPECTED[dialect];
  let sim: Simulator;
  const phone = (): SimulatedPhoneInfo => firstPhone(sim);
  const ask = (method: 'GET' | 'POST', path: string, data?: unknown) =>
    call(phone(), method, path, { auth: expected.auth, ...(data === undefined ? {} : { data }) });
  const answer = async (
    method: 'GET' | 'POST',
    path: string,
    data?: unknown,
  ): Promise<PhoneJson> => {
    const reply = await ask(method, path, data);
    expect(reply.http, `${path}: ${reply.text}`).toBe(200);
    return reply.json ?? {};
  };
  const ring = async (from: string): Promise<void> => {
    await control(sim, phone(), 'POST', 'ring', { from });
  };
  const calls = async (): Promise<Fields[]> =>
    (await answer('GET', '/api/v2/webCallControl/callStatus')).data as Fields[];

  beforeAll(async () => {
    sim = await startSimulator({ dialect, farEndAnswerMs: 100 });
  });
  afterAll(async () => {
    await sim.close();
  });
  beforeEach(async () => {
    await control(sim, phone(), 'POST', 'reset');
  });

  it('answers HTTP as its firmware family does: path case, Server, 404 page, challenge', async () => {
    const info = await ask('GET', '/api/v1/mgmt/DEVICE/Info');
    expect(info.http).toBe(expected.anyCasePaths ? 200 : 404);
    expect(info.headers.server).toBe(expected.server);
    const challenge = await call(phone(), 'GET', '/api/v1/mgmt/lineInfo', { auth: 'none' });
    expect(challenge.http).toBe(401);
    expect(String(challenge.headers['www-authenticate'])).toMatch(expected.challenge);
    await control(sim, phone(), 'POST', 'config', { params: { 'apps.restapi.enabled': '0' } });
    const off = await call(phone(), 'GET', '/api/v1/mgmt/device/info', { auth: 'none' });
    expect(off.http).toBe(404);
    expect(off.headers['content-type']).toBe(expected.notFoundType);
    expect(off.headers.server).toBe(expected.server);
    if (expected.notFoundType.startsWith('text/html')) {
      expect(off.text).toContain('<title>404 Not Found</title>');
    }
  });

  it('describes the device in its words: model, vendor, type, MAC, uptime, lines, network', async () => {
    const info = (await answer('GET', '/api/v1/mgmt/device/info')).data as Fields;
    expect(info).toMatchObject({
      ModelNumber: expected.modelNumber,
      DeviceVendor: expected.vendor,
      DeviceType: expected.deviceType,
      MACAddress: expected.lowerMac ? phone().macAddress.toLowerCase() : phone().macAddress,
    });
    expect(info.UpTimeSinceLastReboot).toMatch(expected.uptime);
    const lines = (await answer('GET', '/api/v1/mgmt/lineInfo')).data as Fields[];
    expect(lines).toHaveLength(expected.lineEntries);
    expect(new Set(lines.map((l) => l.RegistrationStatus))).toEqual(new Set([expected.registered]));
    expect((await answer('GET', '/api/v1/mgmt/network/info')).data).toMatchObject(
      expected.networkInfo,
    );
  });

  it('lists a placeholder line, or none, when no line is configured', async () => {
    await control(sim, phone(), 'POST', 'config', {
      params: { 'reg.1.address': '', 'reg.2.address': '' },
    });
    const lines = (await answer('GET', '/api/v1/mgmt/lineInfo')).data as Fields[];
    if (dialect === 'reference') {
      expect(lines).toEqual([]);
      return;
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      RegistrationStatus: 'unregistered',
      Label: expected.modelNumber,
      SIPAddress: expected.modelNumber.replace(/ /g, ''),
    });
  });

  it('reads and sets configuration with its sources and unknown names where it puts them', async () => {
    const get = await answer('POST', '/api/v1/mgmt/config/get', ['reg.1.address', 'no.such.name']);
    const values = get.data as Record<string, unknown>;
    expect(values['reg.1.address']).toEqual({ Value: '1011', Source: expected.source });
    const beside = (get as Record<string, unknown>).InvalidParams;
    expect(expected.invalidBeside ? beside : values.InvalidParams).toEqual(['no.such.name']);
    const set = await answer('POST', '/api/v1/mgmt/config/set', {
      'reg.1.label': 'Reception',
      'no.such.name': '1',
    });
    expect(set.Status).toBe(expected.partialSet ? '2000' : '4000');
    const label = (await answer('POST', '/api/v1/mgmt/config/get', ['reg.1.label'])).data;
    expect(label).toMatchObject({
      'reg.1.label': { Value: expected.partialSet ? 'Reception' : '1011' },
    });
  });

  it('puts Presence where its firmware does', async () => {
    await control(sim, phone(), 'POST', 'config', { params: { 'device.baseProfile': 'Lync' } });
    const reply = (await answer('GET', '/api/v1/mgmt/getPresence')) as Record<string, unknown>;
    const presence = expected.presenceBeside
      ? reply.Presence
      : (reply.data as Fields | undefined)?.Presence;
    expect(presence).toBe('Offline');
  });

  it('prints call handles, remote numbers and media fields in its forms', async () => {
    await ring('5550100');
    await ring('5550100');
    const [first, second] = await calls();
    if (!first || !second) throw new Error('the phone shows fewer than two calls');
    for (const c of [first, second]) {
      expect(c.CallHandle).toMatch(
        expected.trimmedHandles ? /^[1-9a-f][0-9a-f]{6,7}$/ : /^[0-9a-f]{8}$/,
      );
      expect(c.RemotePartyNumber).toBe(expected.rungFrom);
      expect('Media Direction' in c).toBe(expected.mediaDirection);
      expect('DurationInSeconds' in c).toBe(expected.bothDurations);
    }
    // Every other handle starts with a zero digit, which real phones leave out.
    expect(first.CallHandle).toHaveLength(8);
    expect(second.CallHandle).toHaveLength(expected.trimmedHandles ? 7 : 8);
    if (expected.mediaDirection) expect(first['Media Direction']).toBe('sendonly');
    const v1 = (await answer('GET', '/api/v1/webCallControl/callStatus')).data as Fields;
    expect(v1.CallHandle).toBe(
      expected.trimmedHandles ? `0x${first.CallHandle}` : first.CallHandle,
    );
    const withPrefix = await answer(
      'GET',
      `/api/v2/webCallControl/callStatus?handle=0x${first.CallHandle}`,
    );
    expect(withPrefix.Status).toBe(expected.trimmedHandles ? '4007' : '2000');
  });

  it('serves call control, or answers 404 to every callctrl path while device info works', async () => {
    const dial = await ask('POST', '/api/v1/callctrl/dial', { Dest: '5551234', Type: 'Tel' });
    if (!expected.callControl) {
      for (const verb of ['dial', 'endCall', 'answerCall', 'holdCall', 'sendDTMF']) {
        expect((await ask('POST', `/api/v1/callctrl/${verb}`, {})).http).toBe(404);
      }
      expect((await ask('GET', '/api/v1/mgmt/device/info')).http).toBe(200);
      return;
    }
    expect(dial.json?.Status).toBe('2000');
    const connected = await waitFor(
      async () => (await calls()).find((c) => c.CallState === 'Connected'),
      'the far end to answer',
    );
    expect(connected.RemotePartyNumber).toBe(expected.telDial);
    const held = await answer('POST', '/api/v1/callctrl/holdCall', {});
    expect(held.Status).toBe('2000');
    const v1 = (await answer('GET', '/api/v1/webCallControl/callStatus')).data as Fields;
    expect(v1.CallState).toBe(expected.heldV1);
    await answer('POST', '/api/v1/callctrl/resumeCall', {});
    const poll = (await answer('GET', '/api/v1/mgmt/pollForStatus')).data as Fields;
    expect(poll.StateData).toMatch(expected.activePoll);
    await answer('POST', '/api/v1/callctrl/endCall', { Ref: connected.CallHandle });
    await answer('POST', '/api/v1/callctrl/dial', { Dest: '5551234@pbx.test', Type: 'SIP' });
    expect((await calls())[0]?.RemotePartyNumber).toBe(expected.sipDial);
  });

  it('keeps call lists under its names, with its durations', async () => {
    expect(((await answer('GET', '/api/v1/mgmt/pollForStatus')).data as Fields).StateData).toBe(
      expected.idlePoll,
    );
    await ring('5550100');
    const [rung] = await calls();
    await control(sim, phone(), 'POST', 'remote', { handle: rung?.CallHandle, action: 'hangup' });
    const logs = (await answer('GET', '/api/v1/mgmt/callLogs')).data as Record<string, Fields[]>;
    expect(Object.keys(logs)).toEqual(expected.logKeys);
    const missed = logs[expected.logKeys[0] ?? ''] ?? [];
    expect(missed[0]?.Duration).toBe(expected.unansweredDuration);
    const one = (await answer('GET', '/api/v1/mgmt/callLogs/missed')).data;
    expect(Array.isArray(one) ? one : (one as Record<string, Fields[]>).missed).toHaveLength(1);
  });

  it('serves the endpoints its firmware has', async () => {
    const served = async (method: 'GET' | 'POST', path: string, data?: unknown): Promise<boolean> =>
      (await ask(method, path, data)).http === 200;
    expect(await served('POST', '/api/v1/mgmt/updateConfiguration', {})).toBe(expected.mgmt6x);
    expect(await served('POST', '/api/v1/mgmt/configReset/cloud', {})).toBe(expected.mgmt6x);
    expect(
      await served('POST', '/api/v1/mgmt/simulateKeyEvent', { Type: 'Tap', KeyName: 'Home' }),
    ).toBe(expected.keyEvents);
  });
});

describe('a dialect set through the control API', () => {
  it('changes how a running phone answers, until the phone is reset', async () => {
    const sim = await startSimulator({});
    try {
      const phone = firstPhone(sim);
      const model = async (): Promise<string | undefined> =>
        ((await call(phone, 'GET', '/api/v1/mgmt/device/info')).json?.data as Fields)?.ModelNumber;
      expect(await model()).toBe('VVX601');
      await control(sim, phone, 'POST', 'config', { dialect: 'vvx-5' });
      expect(phone.dialect).toBe('vvx-5');
      expect(await model()).toBe('VVX 601');
      expect((await call(phone, 'GET', '/api/v1/WebCallControl/callStatus')).json?.Status).toBe(
        '4007',
      );
      await control(sim, phone, 'POST', 'reset');
      expect(await model()).toBe('VVX601');
      const refused = await call(phone, 'GET', '/api/v1/mgmt/device/info', { auth: 'none' });
      expect(refused.http).toBe(401);
    } finally {
      await sim.close();
    }
  });

  it('is refused by name when it does not exist, from the options as from the control API', async () => {
    await expect(startSimulator({ dialect: 'vvx-7' })).rejects.toThrow(
      /unknown dialect "vvx-7"; choose one of reference, vvx-5, vvx-6, edge/,
    );
    const sim = await startSimulator({});
    try {
      await expect(
        control(sim, firstPhone(sim), 'POST', 'config', { dialect: 'vvx-7' }),
      ).rejects.toThrow(/dialect/);
    } finally {
      await sim.close();
    }
  });
});
