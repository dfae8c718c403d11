import { afterEach, describe, expect, it } from 'vitest';
import {
  startSimulator,
  type SimulatedPhoneInfo,
  type Simulator,
  type SimulatorOptions,
} from '../../src/simulator';
import { call, control, data, firstPhone, overlapping, statusOf, type Reply } from './support';

let sim: Simulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

async function start(options: SimulatorOptions): Promise<SimulatedPhoneInfo> {
  sim = await startSimulator({ farEndAnswerMs: 20, ...options });
  return firstPhone(sim);
}

function running(): Simulator {
  if (!sim) throw new Error('no simulator');
  return sim;
}

const MAIN = '/captureScreen/mainScreen';

/** The capture request, with Basic admin credentials unless a session cookie is given. */
function capture(phone: SimulatedPhoneInfo, cookie?: string, path = MAIN): Promise<Reply> {
  return call(phone, 'GET', path, cookie ? { auth: 'none', headers: { cookie } } : {});
}

/** Logs in to the web UI with Basic credentials (the admin's unless given). */
function login(
  phone: SimulatedPhoneInfo,
  password = phone.adminPassword,
  cookie?: string,
): Promise<Reply> {
  return call(phone, 'POST', '/form-submit/auth.htm', {
    body: '',
    contentType: null,
    auth: { user: phone.username, password },
    ...(cookie ? { headers: { cookie } } : {}),
  });
}

/** The `session=…` part of a login answer's cookie. */
function sessionOf(reply: Reply): string {
  const cookie = String(reply.headers['set-cookie'] ?? '');
  const session = /^(session=[0-9a-f]+);/.exec(cookie)?.[1];
  if (!session) throw new Error(`no session cookie in ${cookie}`);
  return session;
}

function setConfig(phone: SimulatedPhoneInfo, values: Record<string, string>): Promise<Reply> {
  return call(phone, 'POST', '/api/v1/mgmt/config/set', { data: values });
}

async function getConfig(phone: SimulatedPhoneInfo, names: string[]): Promise<Reply> {
  return call(phone, 'POST', '/api/v1/mgmt/config/get', { data: names });
}

interface BmpHeader {
  width: number;
  height: number;
  bits: number;
  compression: number;
  offset: number;
}

function bmpHeader(file: Buffer): BmpHeader {
  expect(file.subarray(0, 2).toString('ascii')).toBe('BM');
  return {
    width: file.readInt32LE(18),
    height: file.readInt32LE(22),
    bits: file.readUInt16LE(28),
    compression: file.readUInt32LE(30),
    offset: file.readUInt32LE(10),
  };
}

describe('screen capture on a VVX (the reference, 5.8)', () => {
  it('is off as phones leave the factory, and on with the admin switch and the user setting', async () => {
    const phone = await start({ model: 'VVX410' });
    expect((await capture(phone)).http).toBe(404);
    await control(running(), phone, 'POST', 'config', {
      params: { 'up.screenCapture.enabled': '1' },
    });
    // The admin's switch alone only shows the user the Screen Capture setting.
    expect((await capture(phone)).http).toBe(404);
    expect((await setConfig(phone, { 'up.screenCapture.value': '1' })).json?.Status).toBe('2000');
    const on = await capture(phone);
    expect(on.http).toBe(200);
    expect(on.headers['content-type']).toBe('image/bmp');
    expect(bmpHeader(on.body)).toMatchObject({ width: 320, height: 240, bits: 24, offset: 54 });
    expect(on.body.length).toBe(54 + Math.ceil((320 * 3) / 4) * 4 * 240);

    // The softkey the uixml places is drawn at the same pixels.
    const xml = await data<string>(phone, 'GET', '/api/v1/mgmt/uixml');
    const [, x = '0', y = '0', width = '0'] =
      /name="softKey1" text="[^"]*" x="(\d+)" y="(\d+)" width="(\d+)"/.exec(xml) ?? [];
    const rowSize = Math.ceil((320 * 3) / 4) * 4;
    const pixel = (px: number, py: number): number[] => {
      const at = 54 + (239 - py) * rowSize + px * 3;
      return [on.body[at + 2] ?? -1, on.body[at + 1] ?? -1, on.body[at] ?? -1];
    };
    expect(pixel(Number(x) + Number(width) - 4, Number(y) + 3)).not.toEqual(pixel(319, 120));
  });

  it('keeps the remote switch through a restart, and forgets the setting made at the phone', async () => {
    const phone = await start({});
    const sim = running();
    await expect(control(sim, phone, 'POST', 'screen-capture', { on: true })).rejects.toThrow(
      /409.*up\.screenCapture\.enabled is 0/,
    );
    await control(sim, phone, 'POST', 'config', { params: { 'up.screenCapture.enabled': '1' } });
    await control(sim, phone, 'POST', 'screen-capture', { on: true });
    expect((await capture(phone)).http).toBe(200);
    await control(sim, phone, 'POST', 'reboot', { ms: 0 });
    expect((await capture(phone)).http).toBe(404);
    await setConfig(phone, { 'up.screenCapture.value': '1' });
    await control(sim, phone, 'POST', 'reboot', { ms: 0 });
    expect((await capture(phone)).http).toBe(200);
    const state = await control<{ screenCapture: unknown }>(sim, phone, 'GET', 'state');
    expect(state.screenCapture).toEqual({ enabled: true, setting: true, served: true });
  });

  it('answers while the REST API is off, not while the web server is, and shares the one request slot', async () => {
    const phone = await start({ screenCapture: true });
    const sim = running();
    await control(sim, phone, 'POST', 'config', { params: { 'apps.restapi.enabled': '0' } });
    expect((await capture(phone)).http).toBe(200);
    await control(sim, phone, 'POST', 'config', {
      params: { 'apps.restapi.enabled': '1', 'httpd.enabled': '0' },
    });
    expect((await capture(phone)).http).toBe(404);
    await control(sim, phone, 'POST', 'config', { params: { 'httpd.enabled': '1' } });
    await control(sim, phone, 'POST', 'faults', { slowPaths: { '/api/v1/mgmt/uixml': 300 } });
    const [uixml, picture] = await overlapping(
      sim,
      phone,
      () => call(phone, 'GET', '/api/v1/mgmt/uixml'),
      [() => capture(phone)],
    );
    expect([uixml?.http, picture?.http]).toEqual([200, 403]);
  });

  it('asks for credentials, and lists every screen on its HTML page', async () => {
    const phone = await start({ screenCapture: true, expansionModules: 1 });
    const refused = await call(phone, 'GET', MAIN, { auth: 'user' });
    expect(refused.http).toBe(401);
    expect(String(refused.headers['www-authenticate'])).toMatch(/^Basic /);
    const page = await call(phone, 'GET', '/captureScreen');
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('src="/captureScreen/mainScreen"');
    expect(page.text).toContain('src="/captureScreen/em/1"');
  });
});

describe('screen capture in the firmware families', () => {
  it('cannot switch the user setting from afar before 5.7: the name is unknown, the person must', async () => {
    const phone = await start({ dialect: 'vvx-5', firmware: '5.6.1.1234' });
    const sim = running();
    const info = await data<{ FirmwareRelease: string }>(phone, 'GET', '/api/v1/mgmt/device/info');
    expect(info.FirmwareRelease).toBe('5.6.1.1234');
    const read = await getConfig(phone, ['up.screenCapture.enabled', 'up.screenCapture.value']);
    expect((read.json as { InvalidParams?: string[] }).InvalidParams).toEqual([
      'up.screenCapture.value',
    ]);
    const set = await setConfig(phone, {
      'up.screenCapture.enabled': '1',
      'up.screenCapture.value': '1',
    });
    expect(set.json).toMatchObject({ Status: '2000', InvalidParams: ['up.screenCapture.value'] });
    expect((await capture(phone)).http).toBe(404);
    await control(sim, phone, 'POST', 'screen-capture', { on: true });
    const on = await capture(phone);
    expect(on.http).toBe(200);
    // 5.x sends RGB 5-6-5 with its colour masks after the header.
    expect(bmpHeader(on.body)).toMatchObject({ bits: 16, compression: 3, offset: 66 });
  });

  it('on 6.x serves captures only to the web login session, which locks after wrong passwords', async () => {
    const phone = await start({ dialect: 'vvx-6', screenCapture: true });
    const sim = running();
    const basicOnly = await capture(phone);
    expect(basicOnly.http).toBe(401);
    expect(basicOnly.headers['www-authenticate']).toBeUndefined();
    const signedIn = await login(phone);
    expect([signedIn.http, signedIn.text]).toEqual([200, '0|SUCCESS|0']);
    const session = sessionOf(signedIn);
    const picture = await capture(phone, session);
    expect(picture.http).toBe(200);
    // 32 bits a pixel, rows from the top (a negative height).
    expect(bmpHeader(picture.body)).toMatchObject({ width: 480, height: -252, bits: 32 });
    expect((await login(phone, phone.adminPassword, session)).http).toBe(406);

    const wrong = [];
    for (let attempt = 0; attempt < 5; attempt += 1) wrong.push((await login(phone, 'nope')).text);
    expect(wrong).toEqual([
      '0|INVALID_LOGIN|0',
      '0|INVALID_LOGIN|0',
      '0|INVALID_LOGIN|0',
      '0|ONE_ATTEMPT_LEFT|0',
      '0|LOCKEDFOR|60',
    ]);
    expect((await login(phone)).text).toBe('0|LOCKED|0');
    // A restart ends every session (and the lock).
    await control(sim, phone, 'POST', 'reboot', { ms: 0 });
    expect((await capture(phone, session)).http).toBe(401);
    expect((await login(phone)).text).toBe('0|SUCCESS|0');
  });

  it('on the Edge takes up.screenCapture.allowed (not .value), through its session', async () => {
    const phone = await start({ dialect: 'edge' });
    const sim = running();
    const read = await call(phone, 'POST', '/api/v1/mgmt/config/get', {
      data: ['up.screenCapture.value', 'up.screenCapture.allowed'],
      auth: 'digest',
    });
    expect(read.json).toMatchObject({ InvalidParams: ['up.screenCapture.value'] });
    await control(sim, phone, 'POST', 'config', {
      params: { 'up.screenCapture.enabled': '1', 'up.screenCapture.allowed': '1' },
    });
    const session = sessionOf(await login(phone));
    expect((await capture(phone, session)).http).toBe(200);
    await expect(
      control(sim, phone, 'POST', 'config', { params: { 'up.screenCapture.value': '1' } }),
    ).rejects.toThrow(/Unknown parameter up\.screenCapture\.value/);
  });
});

describe('expansion modules', () => {
  it('captures each module plugged in beside the main screen, and lists them in device info', async () => {
    const phone = await start({ model: 'VVX601', screenCapture: true, expansionModules: 2 });
    for (const module of ['/captureScreen/em/1', '/captureScreen/em/2']) {
      const picture = await capture(phone, undefined, module);
      expect(picture.http).toBe(200);
      expect(bmpHeader(picture.body)).toMatchObject({ width: 272, height: 480 });
    }
    expect((await capture(phone, undefined, '/captureScreen/em/3')).http).toBe(404);
    const v1 = await data<{ AttachedHardware: { EM: unknown[] } }>(
      phone,
      'GET',
      '/api/v1/mgmt/device/info',
    );
    expect(v1.AttachedHardware.EM).toEqual([
      { type: 'LCD', version: '1.2.0.0' },
      { type: 'LCD', version: '1.2.0.0' },
    ]);
  });

  it('refuses modules on a model that takes none', async () => {
    await expect(startSimulator({ model: 'VVX250', expansionModules: 1 })).rejects.toThrow(
      /VVX250 takes no expansion modules/,
    );
    const phone = await start({ model: 'VVX450', expansionModules: 3 });
    expect(await statusOf(phone, 'GET', '/api/v1/mgmt/device/info')).toBe('2000');
  });
});
