import { describe, expect, it } from 'vitest';

import { lineListSchema } from '../../../src/main/vvx/vvx-line-schemas';
import {
  callListSchema,
  callLogsSchema,
  configValuesSchema,
  deviceInfoSchema,
} from '../../../src/main/vvx/vvx-schemas';

// Shapes taken from the reference and the notes' list of what real phones send.
describe('response schemas tolerate real phones and reject broken answers', () => {
  it('reads calls with numbers or strings, either duration name, and CallHold', () => {
    const calls = callListSchema.parse([
      {
        CallHandle: '0x9577DD30',
        Type: 'Incoming',
        CallState: 'CallHold',
        LineID: 2,
        DurationInSeconds: 7,
        UIAppearanceIndex: '1*',
        Muted: '1',
        Ringing: 0,
        Extra: { Unknown: true },
      },
      {
        CallHandle: 'b5576ff8',
        Type: 'Outgoing',
        CallState: 'Connected',
        LineID: '1',
        DurationSeconds: '25',
      },
    ]);
    expect(calls[0]).toMatchObject({
      handle: '0x9577dd30',
      state: 'Hold',
      line: 2,
      durationSeconds: 7,
      active: true,
      appearance: '1',
      muted: true,
      ringing: false,
    });
    expect(calls[1]).toMatchObject({ handle: '0xb5576ff8', durationSeconds: 25, active: false });
    expect(callListSchema.parse(undefined)).toEqual([]);
  });

  it('names what is wrong in a broken call', () => {
    const unknownState = callListSchema.safeParse([
      { CallHandle: 'ab', CallState: 'Exploded', LineID: '1' },
    ]);
    expect(unknownState.success).toBe(false);
    expect(unknownState.error?.issues[0]?.message).toContain('Exploded');
    const badHandle = callListSchema.safeParse([{ CallHandle: 'not hex', CallState: 'Connected' }]);
    expect(badHandle.error?.issues[0]?.message).toContain('CallHandle');
  });

  it('reads deviceInfo v1 with the misprinted "ModelNumber " key and v2 with nested firmware', () => {
    const v1 = deviceInfoSchema.parse({
      'ModelNumber ': 'VVX 411',
      FirmwareRelease: '5.8.0.1',
      MACAddress: 'x',
    });
    const v2 = deviceInfoSchema.parse({
      ModelNumber: 'VVX411',
      Firmware: { Application: '5.9.1' },
    });
    expect(v1).toMatchObject({ model: 'VVX 411', firmware: '5.8.0.1' });
    expect(v2).toMatchObject({ model: 'VVX411', firmware: '5.9.1' });
  });

  it('reads config values in both capitalisations and marks InvalidParams as unknown', () => {
    const values = configValuesSchema.parse({
      data: {
        a: { Value: '1', Source: 'CONFIG' },
        b: { value: '2', source: 'DEFAULT' },
        InvalidParams: ['c'],
      },
      top: {},
    });
    expect(values).toEqual({
      a: { value: '1', source: 'CONFIG' },
      b: { value: '2', source: 'DEFAULT' },
      c: null,
    });
  });

  it('reads lines from v1 and v2, and call logs with clock durations', () => {
    const lines = lineListSchema.parse([
      {
        LineNumber: '1',
        SIPAddress: '1011@x',
        RegistrationStatus: 'Registered',
        ProxyAddress: 'proxy',
      },
    ]);
    expect(lines[0]).toMatchObject({
      line: 1,
      address: '1011@x',
      registered: true,
      callServers: ['proxy'],
    });
    expect(lineListSchema.safeParse([{ Label: 'no number' }]).success).toBe(false);
    const logs = callLogsSchema.parse({
      placed: [{ LineNumber: '1', RemotePartyNumber: 5551234, Duration: '00:01:05' }],
    });
    expect(logs.placed?.[0]).toMatchObject({ remoteNumber: '5551234', durationSeconds: 65 });
  });
});
