import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator';
import { call, control, firstPhone, statusOf } from './support';

const POST_PATHS = [
  '/api/v1/callctrl/dial',
  '/api/v1/callctrl/endCall',
  '/api/v1/callctrl/mute',
  '/api/v1/callctrl/transferCall',
  '/api/v1/callctrl/sendDTMF',
  '/api/v1/callctrl/holdCall',
  '/api/v1/callctrl/resumeCall',
  '/api/v1/callctrl/answerCall',
  '/api/v1/callctrl/ignoreCall',
  '/api/v1/callctrl/rejectCall',
  '/api/v1/mgmt/config/set',
  '/api/v1/mgmt/config/get',
  '/api/v1/mgmt/config/export',
  '/api/v1/mgmt/network/uploadBgCapture',
  '/api/v1/mgmt/transferType/set',
  '/api/v1/mgmt/simulateTouch',
  '/api/v1/mgmt/simulateKeyEvent',
  '/api/v1/mgmt/simulateTextInput',
  '/api/v1/mgmt/skype/signIn',
];

/** Bodies a careless or hostile client might send. */
const ODD_BODIES = [
  '',
  'null',
  '[]',
  '"text"',
  '42',
  '{"data": null}',
  '{"data": "x"}',
  '{"data": 7}',
  '{"data": []}',
  '{"data": [null, 1, {}]}',
  '{"data": {"Dest": {}, "Ref": [], "state": null, "Digits": 5, "Positions": "x", "Type": 1}}',
  '{"data": {"Type": "Swipe", "Positions": [{"X": "-1", "Y": "1e3"}, {"X": null}]}}',
  '{"data": {"Url": "not a url", "ConfigType": "All", "url": 5}}',
  '{"data": {"__proto__": {"polluted": true}, "constructor": "x"}}',
  `{"data": {"Dest": "${'9'.repeat(5000)}"}}`,
];

describe('odd input', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ laterFirmware: true });
    // With capture off uploadBgCapture answers HTTP 404 before reading input; turn it on.
    await control(sim, firstPhone(sim), 'POST', 'config', {
      params: { 'diags.pcap.enabled': '1', 'diags.pcap.background.enabled': '1' },
    });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('answers every odd body on every POST with a status, never a crash', async () => {
    const phone = firstPhone(sim);
    for (const path of POST_PATHS) {
      for (const body of ODD_BODIES) {
        const reply = await call(phone, 'POST', path, { body });
        const what = `${path} with ${body.slice(0, 60)}`;
        expect(reply.http, what).toBe(200);
        expect(reply.json?.Status, what).toMatch(/^[245]\d{3}$/);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await statusOf(phone, 'GET', '/api/v1/mgmt/pollForStatus')).toBe('2000');
  });

  it('answers odd query strings on callStatus and lineInfo with 4000 or data', async () => {
    const phone = firstPhone(sim);
    for (const query of [
      '?line=x',
      '?line=-1',
      '?sequence=1',
      '?handle=',
      '?line=1&line=2',
      '?a=b',
      '?line=99999999999999999999',
    ]) {
      for (const path of ['/api/v2/webCallControl/callStatus', '/api/v2/mgmt/lineInfo']) {
        const reply = await call(phone, 'GET', `${path}${query}`);
        expect(reply.http, `${path}${query}`).toBe(200);
        expect(reply.json?.Status, `${path}${query}`).toMatch(/^(2000|4000|4005|4007)$/);
      }
    }
  });
});
