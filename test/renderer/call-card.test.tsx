// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallList } from '../../src/renderer/features/calls/call-list';
import { createTestCore, makeCall, makeSnapshot, startupAnswers } from './support/test-core';
import { renderWithStores } from './support/render-app';

describe('live call card', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'setTimeout', 'Date'] });
    vi.setSystemTime(new Date('2026-11-27T10:00:00Z'));
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  async function showCalls(calls: ReturnType<typeof makeCall>[]) {
    const core = createTestCore(startupAnswers([makeSnapshot({ calls })]));
    const rendered = renderWithStores(core, <CallList />);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1);
    });
    return { core, ...rendered };
  }

  it('ticks the duration every second between polls', async () => {
    await showCalls([makeCall({ durationSeconds: 5, observedAt: Date.now() })]);
    const card = screen.getByRole('article', { name: 'Call with Ada Lovelace' });
    expect(within(card).getByText('0:05')).toBeTruthy();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(3000);
    });
    expect(within(card).getByText('0:08')).toBeTruthy();
  });

  it('restarts from the phone figure when a poll brings news', async () => {
    const { core } = await showCalls([makeCall({ durationSeconds: 5, observedAt: Date.now() })]);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2000);
      core.emit('phone', {
        type: 'call-changed',
        phoneId: 'p1',
        previousState: 'Connected',
        call: makeCall({ state: 'Hold', durationSeconds: 20, observedAt: Date.now() }),
      });
    });
    const card = screen.getByRole('article', { name: 'Call with Ada Lovelace' });
    expect(within(card).getByText('0:20')).toBeTruthy();
    expect(within(card).getByText('On hold')).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Resume' })).toBeTruthy();
    expect(within(card).queryByRole('button', { name: 'Hold' })).toBeNull();
  });

  it('says when the other side holds the call', async () => {
    await showCalls([makeCall({ heldByFarEnd: true })]);
    const card = screen.getByRole('article', { name: 'Call with Ada Lovelace' });
    expect(within(card).getByText('Held by the other side')).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Hold' })).toBeTruthy();
  });

  it('offers exactly the actions of an incoming ringing call', async () => {
    await showCalls([
      makeCall({ state: 'Offering', direction: 'Incoming', remoteName: 'Alan Turing' }),
    ]);
    const group = screen.getByRole('group', { name: 'Actions for the call with Alan Turing' });
    const names = within(group)
      .getAllByRole('button')
      .map((button) => button.textContent);
    expect(names).toEqual(['Answer', 'Reject', 'Ignore']);
  });

  it('sends a tone for each key of the in-call keypad', async () => {
    const { core } = await showCalls([makeCall()]);
    core.answer('calls.sendDtmf', () => null);
    fireEvent.click(screen.getByRole('button', { name: 'Keypad' }));
    const keypad = screen.getByRole('group', { name: 'Tones for the call with Ada Lovelace' });
    fireEvent.click(within(keypad).getByRole('button', { name: '5 JKL' }));
    fireEvent.click(within(keypad).getByRole('button', { name: '#' }));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1);
    });
    const tones = core.requests
      .filter((request) => request.channel === 'calls.sendDtmf')
      .map((request) => request.args);
    expect(tones).toEqual([
      { phoneId: 'p1', digits: '5' },
      { phoneId: 'p1', digits: '#' },
    ]);
  });

  it("shows the phone's refusal in words", async () => {
    const { core, stores } = await showCalls([makeCall()]);
    core.answer('calls.hold', () => ({
      code: 'phone-error',
      vvxStatus: 4003,
      message: 'Operation not allowed while on hold',
    }));
    fireEvent.click(screen.getByRole('button', { name: 'Hold' }));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1);
    });
    expect(stores.notices.getState().notices.map((notice) => notice.text)).toEqual([
      'Hold failed: Operation not allowed while on hold',
    ]);
  });
});
