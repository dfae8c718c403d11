import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type SimulatedPhoneInfo, type Simulator } from '../../src/simulator';
import { callsOf, control, data, firstPhone, statusOf, waitForCallState } from './support';

interface Widget {
  class: string;
  name: string;
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  selected: boolean;
  enabled: boolean;
  attributes: Record<string, string>;
}

interface ParsedScreen {
  view: string;
  width: number;
  height: number;
  widgets: Widget[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => name === 'Widget',
});

function flatten(nodes: unknown, out: Widget[]): void {
  if (!Array.isArray(nodes)) return;
  for (const node of nodes as Record<string, unknown>[]) {
    const a = node as Record<string, string>;
    out.push({
      class: a.class ?? '',
      name: a.name ?? '',
      text: String(a.text ?? ''),
      x: Number(a.x),
      y: Number(a.y),
      width: Number(a.width),
      height: Number(a.height),
      selected: a.selected === 'true',
      enabled: a.enabled === 'true',
      attributes: a,
    });
    flatten(node.Widget, out);
  }
}

async function screen(phone: SimulatedPhoneInfo): Promise<ParsedScreen> {
  const xml = await data<string>(phone, 'GET', '/api/v1/mgmt/uixml');
  const root = (parser.parse(xml) as { Screen: Record<string, unknown> & Record<string, string> })
    .Screen;
  const widgets: Widget[] = [];
  flatten(root.Widget, widgets);
  return { view: root.view ?? '', width: Number(root.width), height: Number(root.height), widgets };
}

const softKeys = (s: ParsedScreen): string[] =>
  s.widgets.filter((w) => w.class === 'SoftKey').map((w) => w.text);

function find(s: ParsedScreen, match: (w: Widget) => boolean, what: string): Widget {
  const widget = s.widgets.find(match);
  if (!widget) throw new Error(`no ${what} on the ${s.view} screen`);
  return widget;
}

const centre = (w: Widget): { X: string; Y: string } => ({
  X: String(w.x + Math.floor(w.width / 2)),
  Y: String(w.y + Math.floor(w.height / 2)),
});

function touch(
  phone: SimulatedPhoneInfo,
  Type: string,
  Positions: { X: string; Y: string }[],
  extra: Record<string, string> = {},
): Promise<string> {
  return statusOf(phone, 'POST', '/api/v1/mgmt/simulateTouch', {
    data: { Type, Positions, ...extra },
  });
}

/** Taps the widget whose text (or name) is `label` on the current screen. */
async function tap(phone: SimulatedPhoneInfo, label: string): Promise<void> {
  const s = await screen(phone);
  const target = find(s, (w) => (w.text === label || w.name === label) && w.enabled, `"${label}"`);
  expect(await touch(phone, 'Tap', [centre(target)])).toBe('2000');
}

describe('the screen of a touch phone (VVX 601)', () => {
  let sim: Simulator;
  const phone = (): SimulatedPhoneInfo => firstPhone(sim);
  beforeAll(async () => {
    sim = await startSimulator({ farEndAnswerMs: 20 });
  });
  afterAll(async () => {
    await sim.close();
  });
  beforeEach(async () => {
    await control(sim, phone(), 'POST', 'reset');
  });

  it('shows the idle screen with line keys and softkeys, in the model pixels', async () => {
    const s = await screen(phone());
    expect([s.view, s.width, s.height]).toEqual(['Idle', 480, 252]);
    expect(softKeys(s)).toEqual(['New Call', 'Redial', 'DND']);
    const line1 = find(s, (w) => w.name === 'lineKey1', 'line key 1');
    expect(line1).toMatchObject({
      text: '1011',
      attributes: expect.objectContaining({ state: 'Registered' }),
    });
    for (const w of s.widgets) {
      expect(w.x + w.width, w.name).toBeLessThanOrEqual(480);
      expect(w.y + w.height, w.name).toBeLessThanOrEqual(252);
    }
  });

  it('dials from the touch screen and drives the call with its softkeys', async () => {
    await tap(phone(), 'New Call');
    expect((await screen(phone())).view).toBe('Dialing');
    expect((await callsOf(phone()))[0]?.CallState).toBe('Dialtone');
    for (const digit of ['5', '5', '5', '9']) await tap(phone(), `dialPad${digit}`);
    await tap(phone(), 'Delete');
    expect(find(await screen(phone()), (w) => w.name === 'dialField', 'dial field').text).toBe(
      '555',
    );
    await tap(phone(), 'Send');
    const call = await waitForCallState(phone(), 'Connected');
    expect(call.RemotePartyNumber).toBe('555');
    expect(softKeys(await screen(phone()))).toEqual(['Hold', 'End Call', 'Transfer', 'New Call']);
    await tap(phone(), 'Hold');
    expect((await callsOf(phone()))[0]?.CallState).toBe('Hold');
    expect(softKeys(await screen(phone()))).toContain('Resume');
    await tap(phone(), 'Resume');
    expect((await callsOf(phone()))[0]?.CallState).toBe('Connected');
    await tap(phone(), 'End Call');
    expect(await callsOf(phone())).toEqual([]);
    expect((await screen(phone())).view).toBe('Idle');
    const stats = await control<{ dials: { destination: string }[] }>(sim, phone(), 'GET', 'stats');
    expect(stats.dials.map((d) => d.destination)).toEqual(['555']);
  });

  it('answers an incoming call from its screen and transfers it blind', async () => {
    await control(sim, phone(), 'POST', 'ring', { from: '5550100', name: 'Alice' });
    const ringing = await screen(phone());
    expect(ringing.view).toBe('Incoming');
    expect(softKeys(ringing)).toEqual(['Answer', 'Ignore', 'Reject']);
    expect(find(ringing, (w) => w.name === 'caller', 'caller').text).toBe('Alice 5550100');
    await tap(phone(), 'Answer');
    expect((await callsOf(phone()))[0]?.CallState).toBe('Connected');
    expect(find(await screen(phone()), (w) => w.class === 'CallAppearance', 'call').text).toMatch(
      /^Alice 5550100 Connected/,
    );
    await tap(phone(), 'Transfer');
    expect((await screen(phone())).view).toBe('Transfer');
    await tap(phone(), 'dialPad7');
    await tap(phone(), 'Send');
    expect(await callsOf(phone())).toEqual([]);
    const stats = await control<{ transfers: { destination: string }[] }>(
      sim,
      phone(),
      'GET',
      'stats',
    );
    expect(stats.transfers.map((t) => t.destination)).toEqual(['7']);
  });

  it('pages the line keys with a swipe, and activates on a release only where it was pressed', async () => {
    const lineKeys = (s: ParsedScreen): string[] =>
      s.widgets.filter((w) => w.class === 'LineKey').map((w) => w.name);
    expect(lineKeys(await screen(phone()))[0]).toBe('lineKey1');
    const up = [
      { X: '60', Y: '200' },
      { X: '60', Y: '120' },
      { X: '60', Y: '40' },
    ];
    expect(await touch(phone(), 'Swipe', up, { Duration: '300', Easing: '3' })).toBe('2000');
    const paged = await screen(phone());
    expect(lineKeys(paged)[0]).toBe('lineKey9');
    expect(find(paged, (w) => w.class === 'LineKeyPanel', 'panel').attributes.page).toBe('2');
    expect(await touch(phone(), 'Swipe', [...up].reverse())).toBe('2000');
    expect(lineKeys(await screen(phone()))[0]).toBe('lineKey1');

    const newCall = centre(find(await screen(phone()), (w) => w.text === 'New Call', 'New Call'));
    expect(await touch(phone(), 'Press', [newCall])).toBe('2000');
    expect(await touch(phone(), 'Release', [{ X: '470', Y: '10' }])).toBe('2000');
    expect((await screen(phone())).view).toBe('Idle');
    await touch(phone(), 'Press', [newCall]);
    await touch(phone(), 'Release', [newCall]);
    expect((await screen(phone())).view).toBe('Dialing');
  });

  it('validates touch input as the reference says', async () => {
    const p = { X: '10', Y: '10' };
    expect(await touch(phone(), 'Tap', [p, p])).toBe('4009');
    expect(await touch(phone(), 'Tap', [])).toBe('4000');
    expect(await touch(phone(), 'Swipe', [p])).toBe('4000');
    expect(await touch(phone(), 'Swipe', [p, p, p, p, p, p])).toBe('4009');
    expect(await touch(phone(), 'Tap', [{ X: '480', Y: '10' }])).toBe('4000');
    expect(await touch(phone(), 'Pinch', [p])).toBe('4000');
    expect(await touch(phone(), 'Tap', [p], { Easing: '41' })).toBe('4000');
    await control(sim, phone(), 'POST', 'config', { params: { 'httpd.ta.enabled': '0' } });
    expect(await touch(phone(), 'Tap', [p])).toBe('4003');
  });
});

describe('hardware keys with later firmware (VVX 410, no touch)', () => {
  let sim: Simulator;
  const phone = (): SimulatedPhoneInfo => firstPhone(sim);
  const key = (KeyName: string): Promise<string> =>
    statusOf(phone(), 'POST', '/api/v1/mgmt/simulateKeyEvent', { data: { Type: 'Tap', KeyName } });
  beforeAll(async () => {
    sim = await startSimulator({ model: 'VVX410', laterFirmware: true, farEndAnswerMs: 20 });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('refuses touch, and drives the same screen with keys and text input', async () => {
    expect(
      await statusOf(phone(), 'POST', '/api/v1/mgmt/simulateTouch', {
        data: { Type: 'Tap', Positions: [{ X: '1', Y: '1' }] },
      }),
    ).toBe('4004');
    const idle = await screen(phone());
    expect([idle.width, idle.height]).toEqual([320, 240]);
    expect(idle.widgets.some((w) => w.class === 'DialPad')).toBe(false);
    expect(await key('Dialpad4')).toBe('2000');
    expect(await key('Dialpad2')).toBe('2000');
    const dialing = await screen(phone());
    expect(dialing.view).toBe('Dialing');
    expect(find(dialing, (w) => w.name === 'dialField', 'dial field').text).toBe('42');
    expect(
      await statusOf(phone(), 'POST', '/api/v1/mgmt/simulateTextInput', {
        data: { Value: '5551234', ReplaceText: 'true' },
      }),
    ).toBe('2000');
    expect(await key('Select')).toBe('2000');
    const call = await waitForCallState(phone(), 'Connected');
    expect(call.RemotePartyNumber).toBe('5551234');
    expect(await key('Dialpad9')).toBe('2000');
    expect(await key('MicMute')).toBe('2000');
    expect((await callsOf(phone()))[0]?.Muted).toBe('1');
    expect(
      await statusOf(phone(), 'POST', '/api/v1/mgmt/simulateTextInput', { data: { Value: '1' } }),
    ).toBe('4003');
    expect(await key('SoftKey2')).toBe('2000');
    expect(await callsOf(phone())).toEqual([]);
    const stats = await control<{ dtmf: string[] }>(sim, phone(), 'GET', 'stats');
    expect(stats.dtmf).toEqual(['9']);
    expect(await key('Dialpad10')).toBe('4000');
    expect(await key('VolUp')).toBe('2000');
    expect(
      find(await screen(phone()), (w) => w.class === 'StatusBar', 'status bar').attributes.volume,
    ).toBe('9');
  });
});
