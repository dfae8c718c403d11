/**
 * The soak's browser windows, in a child process of the soak so that their memory is not the
 * host's: clients that sign in with a link the soak hands over, open the contract socket with
 * their key, send a mixed stream of requests (reads, calls dialled and ended, incoming calls
 * answered or rejected, configuration, the screen, contacts, and requests that must be refused),
 * and after a while close or drop their socket and sign in again. Every request is accounted for
 * at the wire: answered once, ended by its socket closing, answered twice, or never.
 */
import { request as httpRequest } from 'node:http';

import WebSocket from 'ws';

import type { ChildMessage, ClientsReport, ParentMessage } from './soak-protocol';

const report: ClientsReport = {
  sessions: 0,
  sent: 0,
  answeredOk: 0,
  answeredError: {},
  endedByClose: 0,
  duplicates: 0,
  hung: 0,
};

let stopping = false;
const waitingLinks: ((link: string) => void)[] = [];

function ask(message: ChildMessage): void {
  process.send?.(message);
}

function signInLink(): Promise<string> {
  return new Promise((resolve) => {
    waitingLinks.push(resolve);
    ask({ type: 'want-link' });
  });
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function pick<T>(items: readonly T[]): T {
  const item = items[Math.floor(Math.random() * items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
}

/** Uses a sign-in link as a browser does: the session cookie and the page's key. */
function signIn(link: string): Promise<{ cookie: string; key: string }> {
  const url = new URL(link);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: url.hostname, port: url.port, path: `${url.pathname}${url.search}` },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () =>
          resolve({
            cookie: (response.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '',
            key: /url=\/#key=([\w.-]+)"/.exec(body)?.[1] ?? '',
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** One window: its socket and the requests it waits on. */
class Window {
  private nextId = 1;
  private readonly pending = new Map<number, (outcome: unknown) => void>();
  private readonly ended = new Set<number>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => this.receive(data.toString()));
    socket.on('close', () => {
      for (const [id, settle] of this.pending) {
        report.endedByClose += 1;
        this.ended.add(id);
        settle(null);
      }
      this.pending.clear();
    });
    socket.on('error', () => undefined);
  }

  static async open(port: number): Promise<Window | null> {
    const { cookie, key } = await signIn(await signInLink());
    const socket = new WebSocket(
      `ws://127.0.0.1:${port}/contract`,
      ['deskpilot', `deskpilot.key.${key}`],
      { headers: { cookie, origin: `http://127.0.0.1:${port}` } },
    );
    const opened = await new Promise<boolean>((resolve) => {
      socket.once('open', () => resolve(true));
      socket.once('error', () => resolve(false));
      socket.once('unexpected-response', () => resolve(false));
    });
    if (!opened) return null;
    report.sessions += 1;
    return new Window(socket);
  }

  get open(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  get waiting(): number {
    return this.pending.size;
  }

  /** Sends one request; resolves with its outcome, or null when the socket closed first. */
  call(channel: string, args: unknown): Promise<{ ok: boolean; value?: unknown } | null> {
    if (!this.open) return Promise.resolve(null);
    const id = this.nextId++;
    report.sent += 1;
    return new Promise((resolve) => {
      this.pending.set(id, (outcome) => resolve(outcome as { ok: boolean; value?: unknown }));
      this.socket.send(JSON.stringify({ id, channel, args }));
    });
  }

  /** Gives up on the requests still waiting (counted as hung by the caller). */
  abandon(): number {
    const count = this.pending.size;
    this.pending.clear();
    return count;
  }

  close(abruptly: boolean): void {
    if (abruptly) this.socket.terminate();
    else this.socket.close();
  }

  private receive(text: string): void {
    const message = JSON.parse(text) as {
      kind: string;
      id: number;
      outcome: { ok: boolean; error?: { code: string } };
    };
    if (message.kind !== 'result') return;
    const settle = this.pending.get(message.id);
    if (settle === undefined) {
      if (this.ended.has(message.id)) report.duplicates += 1;
      return;
    }
    this.pending.delete(message.id);
    this.ended.add(message.id);
    if (message.outcome.ok) report.answeredOk += 1;
    else {
      const code = message.outcome.error?.code ?? 'unknown';
      report.answeredError[code] = (report.answeredError[code] ?? 0) + 1;
    }
    settle(message.outcome);
  }
}

/** One user's habits: a random request, sometimes following up on what came back. */
async function act(window: Window, phoneIds: readonly string[]): Promise<void> {
  const phoneId = pick(phoneIds);
  const roll = Math.random();
  if (roll < 0.25) {
    const snapshots = await window.call('phones.snapshots', {});
    const value = (snapshots?.value ?? []) as { calls: { handle: string; state: string }[] }[];
    const ringing = value
      .flatMap((snapshot, index) => snapshot.calls.map((call) => ({ call, index })))
      .find(({ call }) => call.state === 'Offering');
    if (ringing !== undefined) {
      const verb = Math.random() < 0.5 ? 'calls.answer' : 'calls.reject';
      await window.call(verb, { phoneId: phoneIds[ringing.index], handle: ringing.call.handle });
    }
  } else if (roll < 0.35) {
    const dialled = await window.call('calls.dial', { phoneId, destination: '2005550100' });
    const handle = (dialled?.value as { handle?: string | null } | undefined)?.handle;
    if (handle) await window.call('calls.end', { phoneId, handle });
  } else if (roll < 0.45) {
    const added = await window.call('contacts.add', {
      name: `Soak ${Math.random().toString(36).slice(2, 8)}`,
      numbers: [{ label: 'work', number: '+1 555 010 0199' }],
    });
    const id = (added?.value as { id?: string } | undefined)?.id;
    if (id) await window.call('contacts.remove', { id });
  } else if (roll < 0.55) {
    await window.call('config.get', { phoneId, names: ['voice.volume.persist.handset'] });
  } else if (roll < 0.62) {
    await window.call('config.setTransferType', { phoneId, type: pick(['Blind', 'Consultative']) });
  } else if (roll < 0.7) {
    await window.call('screen.get', { phoneId });
  } else if (roll < 0.76) {
    await window.call('device.details', { phoneId });
  } else if (roll < 0.84) {
    await window.call('calls.logs', { phoneId, kind: 'received' });
  } else if (roll < 0.92) {
    await window.call(pick(['settings.get', 'contacts.list', 'phones.list']), {});
  } else {
    // What a broken or hostile page sends: refused in words, nothing else happens.
    await window.call(pick(['calls.dial', 'no.such.channel']), { phoneId, destination: '' });
  }
}

/** One window after another: sign in, act for a while, close or drop, again. */
async function user(port: number, phoneIds: readonly string[], lifetimeMs: number): Promise<void> {
  while (!stopping) {
    const window = await Window.open(port).catch(() => null);
    if (window === null) {
      await pause(500);
      continue;
    }
    // The window goes when its time is up, whatever it still waits for (closed, or dropped).
    const leave = setTimeout(
      () => window.close(Math.random() < 0.5),
      lifetimeMs * (0.5 + Math.random()),
    );
    await Promise.all(
      [0, 1].map(async () => {
        while (!stopping && window.open) {
          await act(window, phoneIds);
          await pause(50 + Math.random() * 250);
        }
      }),
    );
    clearTimeout(leave);
    if (stopping && window.open) {
      // Let what is still on its way arrive, however slow the phones are now.
      for (let waited = 0; window.waiting > 0 && waited < 30_000; waited += 100) await pause(100);
      report.hung += window.abandon();
      window.close(false);
    }
  }
}

let users: Promise<void>[] = [];

process.on('message', (message: ParentMessage) => {
  if (message.type === 'start') {
    users = Array.from({ length: message.users }, () =>
      user(message.port, message.phoneIds, message.lifetimeMs),
    );
  } else if (message.type === 'link') {
    waitingLinks.shift()?.(message.link);
  } else if (message.type === 'stop') {
    stopping = true;
    void Promise.all(users).then(() => ask({ type: 'report', report }));
  }
});
process.once('disconnect', () => process.exit(0));
