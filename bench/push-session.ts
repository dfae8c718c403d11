import { randomBytes } from 'node:crypto';

import type { PushReceiver } from '../src/main/push/push-receiver';
import type { PhoneSession } from '../src/main/session/phone-session';
import type { SimulatedPhoneInfo } from '../src/simulator';
import { startSession, waitOnline } from './bench-session';

/**
 * A session with the phone's instant call events on and trusted, as after a restart of the app
 * once they have been proven (the phone points at `receiver`, events slow the poller tenfold).
 */
export async function startPushSession(
  phone: SimulatedPhoneInfo,
  receiver: PushReceiver,
): Promise<PhoneSession> {
  const session = startSession(phone);
  await waitOnline(session, 120_000);
  const subscription = {
    inbox: receiver,
    token: randomBytes(24).toString('base64url'),
    proven: true,
  };
  await session.push.turnOn(await session.push.prepare(subscription), subscription);
  await session.push.checked();
  if (session.push.status().phase !== 'working') {
    throw new Error(`events are not trusted on ${phone.url}: ${session.push.status().message}`);
  }
  return session;
}
