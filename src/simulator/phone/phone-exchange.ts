import type { CallPeer, SimCall } from '../calls/call-types';
import type { FarEndBehaviour } from '../calls/dial-plan';
import type { SimulatedPhone } from './phone';

interface Member {
  phone: SimulatedPhone;
  port: number;
}

interface Target {
  phone: SimulatedPhone;
  line: number;
}

/** `sip:1021@sip.deskpilot.test`, `tel:1021`, `1021`, `127.0.0.1:8081`… as user and host. */
function parseDestination(destination: string): { user: string; host: string } {
  const bare = destination.trim().replace(/^(sips?|tel):/i, '');
  const at = bare.lastIndexOf('@');
  if (at >= 0) return { user: bare.slice(0, at), host: bare.slice(at + 1).toLowerCase() };
  if (/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i.test(bare)) return { user: '', host: bare };
  return { user: bare, host: '' };
}

/** A dialled number as digits and letters only (`+1 (555) 010-0` → `+15550100`). */
const plain = (user: string): string => user.replace(/[\s().-]/g, '');

/**
 * The SIP server of one simulator process: every phone it started, reachable from the others by
 * a line's number (its `reg.N.address`, optionally `@` its server) or by the phone's own address
 * (`127.0.0.1:<port>`, optionally `<number>@` it). A dial that names none of them goes to the
 * dial plan instead.
 */
export class PhoneExchange {
  private readonly members: Member[] = [];

  /** Makes a phone reachable; `port` is where it listens. */
  join(phone: SimulatedPhone, port: number): void {
    this.members.push({ phone, port });
  }

  /**
   * Offers `call`, just dialled on `caller`, to the simulated phone it names: that phone rings
   * (the caller's peer is returned), or refuses as a phone would — busy when it is the caller
   * itself, in do-not-disturb or full of calls (it logs a missed call), unreachable when it is
   * rebooting or its line is not registered. Null when no simulated phone has the number.
   */
  place(caller: SimulatedPhone, call: SimCall, now: number): CallPeer | FarEndBehaviour | null {
    const target = this.resolve(call.remoteNumber);
    if (!target) return null;
    const { phone: callee, line } = target;
    if (callee === caller) return 'busy';
    if (callee.unreachable(now) || callee.lineCheck(line) !== 'registered') return 'not-found';
    const from = caller.lines().find((l) => l.line === call.line);
    callee.settle(now);
    const rung = callee.calls.ring(
      {
        from: from?.address ?? '',
        name: from?.displayName || from?.label || '',
        line,
        dnd: callee.dnd,
        peer: caller.calls.peerOf(call),
      },
      now,
    );
    if (rung === null) return 'busy';
    return rung.ok ? callee.calls.peerOf(rung.call) : 'not-found';
  }

  private resolve(destination: string): Target | null {
    const { user, host } = parseDestination(destination);
    const number = plain(user);
    const port = /:(\d+)$/.exec(host)?.[1];
    if (port !== undefined) {
      const member = this.members.find((m) => String(m.port) === port);
      if (!member) return null;
      const lines = member.phone.lines();
      const line = number === '' ? lines[0] : lines.find((l) => l.address === number);
      return line ? { phone: member.phone, line: line.line } : null;
    }
    if (number === '') return null;
    for (const { phone } of this.members) {
      const line = phone
        .lines()
        .find((l) => l.address === number && (host === '' || host === l.server.toLowerCase()));
      if (line) return { phone, line: line.line };
    }
    return null;
  }
}
