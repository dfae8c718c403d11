// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createScreenStore } from '../../../src/renderer/features/screen/screen-store';
import { ScreenView } from '../../../src/renderer/features/screen/screen-view';
import type { ContractError } from '../../../src/shared/contract/errors';
import type { CaptureState, ScreenStructure } from '../../../src/shared/contract/screen';
import { renderWithStores } from '../support/render-app';
import { createTestCore, type TestCore } from '../support/test-core';

const IDLE = `<Screen width="480" height="252">
  <StatusBar x="0" y="0" width="480" height="24" text="Line 1: 1001"/>
  <LineKey x="0" y="30" width="160" height="40" text="1001" selected="true"/>
  <SoftKey x="0" y="220" width="120" height="32" text="New Call"/>
  <SoftKey x="120" y="220" width="120" height="32" text="Forward"/>
</Screen>`;

let phone: TestCore;

/** A 1×1 PNG: what the picture's bytes are does not matter to the view. */
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYGAAAAAEAAH2FzhVAAAAAElFTkSuQmCC';

const CAPTURE_OFF: CaptureState = {
  state: 'off',
  offer: {
    reason: 'The phone’s screen capture is off.',
    changes: [{ name: 'up.screenCapture.enabled', label: 'Screen capture', from: '0', to: '1' }],
    atThePhone: null,
    blocked: null,
  },
};

const CAPTURE_ON: CaptureState = {
  state: 'on',
  pictures: [{ screen: 'mainScreen', width: 480, height: 252, id: 'pic-1', png: PNG }],
  touchScale: 1,
  changed: [],
};

/** A phone whose screen shows `structure` (unless `refusal` says why not), taking touches and keys. */
function screenPhone(
  structure: Partial<ScreenStructure> = {},
  refusal: () => ContractError | null = () => null,
  capture: () => CaptureState = () => CAPTURE_OFF,
): TestCore {
  const shown: ScreenStructure = {
    xml: IDLE,
    model: 'VVX601',
    width: 480,
    height: 252,
    touch: true,
    keys: false,
    unavailableReason: null,
    ...structure,
  };
  return createTestCore({
    'screen.get': () => refusal() ?? { structure: { ...shown }, capture: capture(), readAt: 0 },
    'screen.enableCapture': () => CAPTURE_ON,
    'screen.hold': () => null,
    'screen.release': () => null,
    'screen.touch': () => null,
    'screen.key': () => null,
  });
}

function showPhone(structure: Partial<ScreenStructure> = {}) {
  phone = screenPhone(structure);
  renderWithStores(phone, <ScreenView phoneId="p1" />, { start: false });
}

/** Pretends the drawn screen is laid out at `width`×`height` CSS pixels at (left, top). */
async function layOut(left: number, top: number, width: number, height: number) {
  const canvas = await screen.findByTestId('phone-screen');
  canvas.getBoundingClientRect = () => new DOMRect(left, top, width, height);
  return canvas;
}

beforeEach(() => {
  Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
});
afterEach(cleanup);

describe('remote screen view', () => {
  it('draws the elements of the phone screen and lists them as text', async () => {
    showPhone();
    const canvas = await screen.findByTestId('phone-screen');
    const newCall = within(canvas).getByText('New Call').parentElement;
    expect(newCall?.className).toContain('kind-softkey');
    expect(newCall?.style.left).toBe('0%');
    expect(newCall?.style.top).toBe(`${(220 / 252) * 100}%`);
    expect(within(canvas).getByText('1001').parentElement?.className).toContain('is-selected');
    const text = screen.getByRole('list', { name: 'Screen text' });
    expect(within(text).getByText('Line key: 1001 (selected)')).toBeTruthy();
    expect(screen.getByText('Raw XML')).toBeTruthy();
  });

  it('taps the exact phone pixel under a click at any drawn size, then reads the screen again', async () => {
    showPhone();
    const canvas = await layOut(100, 50, 960, 504); // drawn at twice the phone's size
    const readsBefore = phone.callsTo('screen.get').length;
    fireEvent.pointerDown(canvas, {
      pointerId: 1,
      button: 0,
      clientX: 100 + 241,
      clientY: 50 + 451,
    });
    fireEvent.pointerUp(canvas, { pointerId: 1, button: 0, clientX: 100 + 241, clientY: 50 + 451 });
    await waitFor(() => expect(phone.callsTo('screen.touch')).toHaveLength(1));
    expect(phone.callsTo('screen.touch')[0]).toEqual({
      phoneId: 'p1',
      type: 'Tap',
      positions: [{ x: 120, y: 225 }],
    });
    await waitFor(() => expect(phone.callsTo('screen.get').length).toBeGreaterThan(readsBefore));
    // The picture following is the answer; no message per tap.
    expect(screen.queryByText(/Tapped at/)).toBeNull();
  });

  it('turns a drag into a swipe of at most five positions with its duration', async () => {
    showPhone();
    const canvas = await layOut(0, 0, 480, 252);
    fireEvent.pointerDown(canvas, {
      pointerId: 2,
      button: 0,
      clientX: 400,
      clientY: 100,
      timeStamp: 0,
    });
    for (let x = 390; x >= 100; x -= 10) {
      fireEvent.pointerMove(canvas, { pointerId: 2, clientX: x, clientY: 100 });
    }
    fireEvent.pointerUp(canvas, { pointerId: 2, button: 0, clientX: 80, clientY: 100 });
    await waitFor(() => expect(phone.callsTo('screen.touch')).toHaveLength(1));
    const swipe = phone.callsTo('screen.touch')[0] as {
      type: string;
      positions: { x: number; y: number }[];
      durationMs: number;
    };
    expect(swipe.type).toBe('Swipe');
    expect(swipe.positions.length).toBeGreaterThanOrEqual(2);
    expect(swipe.positions.length).toBeLessThanOrEqual(5);
    expect(swipe.positions[0]).toEqual({ x: 400, y: 100 });
    expect(swipe.positions.at(-1)).toEqual({ x: 80, y: 100 });
    expect(swipe.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('sends Press while held still and Release on let go', async () => {
    showPhone();
    const canvas = await layOut(0, 0, 240, 126); // drawn at half size
    fireEvent.pointerDown(canvas, { pointerId: 3, button: 0, clientX: 30, clientY: 115 });
    await waitFor(() => expect(phone.callsTo('screen.touch')).toHaveLength(1), { timeout: 3000 });
    expect(phone.callsTo('screen.touch')[0]).toMatchObject({
      type: 'Press',
      positions: [{ x: 60, y: 230 }],
    });
    fireEvent.pointerUp(canvas, { pointerId: 3, button: 0, clientX: 30, clientY: 115 });
    await waitFor(() => expect(phone.callsTo('screen.touch')).toHaveLength(2));
    expect(phone.callsTo('screen.touch')[1]).toMatchObject({
      type: 'Release',
      positions: [{ x: 60, y: 230 }],
    });
  });

  it('offers keyboard buttons that tap a key at its centre', async () => {
    showPhone();
    fireEvent.click(await screen.findByRole('button', { name: 'Soft key: Forward' }));
    await waitFor(() => expect(phone.callsTo('screen.touch')).toHaveLength(1));
    expect(phone.callsTo('screen.touch')[0]).toMatchObject({
      type: 'Tap',
      positions: [{ x: 180, y: 236 }],
    });
  });

  it('offers swipes from the keyboard for people who cannot drag', async () => {
    showPhone();
    fireEvent.click(await screen.findByRole('button', { name: 'Swipe up' }));
    await waitFor(() => expect(phone.callsTo('screen.touch')).toHaveLength(1));
    expect(phone.callsTo('screen.touch')[0]).toEqual({
      phoneId: 'p1',
      type: 'Swipe',
      positions: [
        { x: 240, y: 202 },
        { x: 240, y: 164 },
        { x: 240, y: 126 },
        { x: 240, y: 88 },
        { x: 240, y: 50 },
      ],
      durationMs: 300,
    });
  });

  it('says why touch is unavailable and takes no touches then', async () => {
    showPhone({
      touch: false,
      unavailableReason: 'Touch simulation is off: set httpd.ta.enabled to 1.',
    });
    expect(
      await screen.findByText('Touch simulation is off: set httpd.ta.enabled to 1.'),
    ).toBeTruthy();
    const canvas = await layOut(0, 0, 480, 252);
    fireEvent.pointerDown(canvas, { pointerId: 4, button: 0, clientX: 10, clientY: 10 });
    fireEvent.pointerUp(canvas, { pointerId: 4, button: 0, clientX: 10, clientY: 10 });
    expect(screen.queryByRole('button', { name: 'Soft key: Forward' })).toBeNull();
    expect(screen.queryByRole('group', { name: 'Swipe the screen' })).toBeNull();
    expect(phone.callsTo('screen.touch')).toHaveLength(0);
  });

  it('shows hardware keys only where the firmware has them', async () => {
    showPhone({ keys: true });
    fireEvent.click(await screen.findByRole('button', { name: '5' }));
    await waitFor(() =>
      expect(phone.callsTo('screen.key')).toEqual([{ phoneId: 'p1', key: 'Dialpad5' }]),
    );
    cleanup();
    showPhone({ keys: false });
    await screen.findByTestId('phone-screen');
    expect(screen.queryByRole('group', { name: 'Phone keys' })).toBeNull();
  });

  it('renders the texts of an unknown document in order', async () => {
    showPhone({ xml: '<ui><panel><t>Hello</t><t>Menu</t></panel>loose</ui>' });
    const canvas = await screen.findByTestId('phone-screen');
    expect(canvas.textContent).toBe('HelloMenuloose');
    expect(screen.getByRole('list', { name: 'Screen text' }).textContent).toBe('HelloMenuloose');
  });

  it('copies the screen as text, one element per line in reading order', async () => {
    showPhone();
    fireEvent.click(await screen.findByRole('button', { name: 'Copy screen text' }));
    expect(await screen.findByText('Copied 4 lines of screen text.')).toBeTruthy();
    expect(await navigator.clipboard.readText()).toBe(
      [
        'Title: Line 1: 1001',
        'Line key: 1001 (selected)',
        'Soft key: New Call',
        'Soft key: Forward',
      ].join('\n'),
    );
  });

  it('explains a failed read and recovers on retry', async () => {
    let refused = true;
    phone = screenPhone({}, () =>
      refused
        ? { code: 'insufficient-access', message: 'The remote screen needs the admin login.' }
        : null,
    );
    renderWithStores(phone, <ScreenView phoneId="p1" />, { start: false });
    expect(await screen.findByText(/needs the admin login/)).toBeTruthy();
    expect(screen.getByText(/shows its screen only to its admin login/)).toBeTruthy();
    refused = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('phone-screen')).toBeTruthy();
  });

  it('offers to turn the capture on, saying what it changes, then shows the real picture with its structure on top', async () => {
    let on = false;
    phone = screenPhone(
      {},
      () => null,
      () => (on ? CAPTURE_ON : CAPTURE_OFF),
    );
    renderWithStores(phone, <ScreenView phoneId="p1" />, { start: false });
    expect(await screen.findByText(/Reconstruction from the phone’s description/)).toBeTruthy();
    expect(screen.getByText(/up\.screenCapture\.enabled/).closest('li')?.textContent).toContain(
      '0 → 1',
    );
    on = true;
    fireEvent.click(screen.getByRole('button', { name: 'Turn on screen capture' }));
    const picture = await screen.findByTestId('phone-picture');
    expect(picture.querySelector('img')?.getAttribute('src')).toBe(`data:image/png;base64,${PNG}`);
    expect(phone.callsTo('screen.enableCapture')).toHaveLength(1);
    expect(screen.queryByText(/Reconstruction/)).toBeNull();
    expect(screen.getByRole('link', { name: 'Save as PNG' }).getAttribute('download')).toMatch(
      /^VVX601-screen-.*\.png$/,
    );

    // The structure: its keys are buttons over the picture, tapped at their centre by keyboard.
    const forward = within(picture).getByRole('button', { name: 'Soft key: Forward' });
    fireEvent.click(forward, { detail: 0 });
    await waitFor(() => expect(phone.callsTo('screen.touch')).toHaveLength(1));
    expect(phone.callsTo('screen.touch')[0]).toMatchObject({
      type: 'Tap',
      positions: [{ x: 180, y: 236 }],
    });
    expect(within(picture).getByText('Line 1: 1001')).toBeTruthy();

    cleanup();
    await waitFor(() => expect(phone.callsTo('screen.release')).toHaveLength(1));
  });

  it('reads at once after a touch, every second while the user interacts, slower when idle', async () => {
    phone = screenPhone(
      {},
      () => null,
      () => CAPTURE_ON,
    );
    const store = createScreenStore(phone.api, 'p1');
    await store.getState().refresh();
    const idle = store.getState().nextReadIn(Date.now());
    const reads = phone.callsTo('screen.get').length;
    await store.getState().touch({ type: 'Tap', position: { x: 1, y: 1 } });
    expect(phone.callsTo('screen.get')).toHaveLength(reads + 1);
    const interacting = store.getState().nextReadIn(Date.now());
    expect(interacting).toBeLessThanOrEqual(1000);
    expect(idle).toBeGreaterThan(interacting);
    expect(store.getState().nextReadIn(Date.now() + 60_000)).toBe(idle);
  });
});
