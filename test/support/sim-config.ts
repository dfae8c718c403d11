/**
 * A simulated phone's configuration as the phone itself holds it: read over its REST API with
 * its own admin password and an HTTP client of the test's (undici), never through Deskpilot, so
 * a test can check what Deskpilot changed — or did not change — on the phone.
 */
import type { SimulatedPhoneInfo } from '../../src/simulator';
// The simulator's own client: it trusts exactly the certificate the simulator reported.
import { pinnedRequest } from '../../src/simulator/control/pinned-request';

/** The value and source of each named parameter on the phone (at most 20 names, as it takes). */
export async function simConfig(
  phone: SimulatedPhoneInfo,
  names: string[],
): Promise<Record<string, { Value: string; Source: string }>> {
  const credentials = Buffer.from(`${phone.username}:${phone.adminPassword}`).toString('base64');
  // The phone answers one request at a time: a 403 while Deskpilot talks to it means "again".
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const { status, text } = await pinnedRequest({
      method: 'POST',
      url: new URL('/api/v1/mgmt/config/get', phone.url),
      fingerprint: phone.fingerprint,
      headers: { authorization: `Basic ${credentials}`, 'content-type': 'application/json' },
      body: JSON.stringify({ data: names }),
      timeoutMs: 10_000,
      maxAnswerBytes: 20 * 1024,
    });
    if (status === 403) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      continue;
    }
    const answer = JSON.parse(text) as { Status: string; data: Record<string, unknown> };
    if (status !== 200 || answer.Status !== '2000') {
      throw new Error(`config/get answered HTTP ${status}: ${text.slice(0, 200)}`);
    }
    return answer.data as Record<string, { Value: string; Source: string }>;
  }
  throw new Error('the phone stayed busy');
}

/** One parameter's value on the phone. */
export async function simValue(phone: SimulatedPhoneInfo, name: string): Promise<string> {
  const value = (await simConfig(phone, [name]))[name]?.Value;
  if (value === undefined) throw new Error(`the phone does not know ${name}`);
  return value;
}
