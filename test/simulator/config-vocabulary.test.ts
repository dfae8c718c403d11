import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator';
import { control, data, firstPhone, statusOf } from './support';
import { startUploadServer } from './upload-server';

type ConfigAnswer = Record<string, { Value: string; Source: string }> & {
  InvalidParams?: string[];
};

/** The rows of the simulator's parameter table (the data file it loads). */
function tableRows(): { name: string; defaultValue: string }[] {
  const text = readFileSync(
    new URL('../../src/simulator/config/vvx-config-params.tsv', import.meta.url),
    'utf8',
  );
  return text
    .split('\n')
    .filter((row) => row !== '' && !row.startsWith('#') && !row.startsWith('name\t'))
    .map((row) => {
      const [name = '', defaultValue = ''] = row.split('\t');
      return { name, defaultValue };
    });
}

/** A concrete name for a table name: every `x` index becomes 1. */
const concrete = (name: string): string => name.replace(/(^|\.)x(?=\.|$)/g, '$11');

describe('the real parameter vocabulary', () => {
  let sim: Simulator;
  const phone = (): ReturnType<typeof firstPhone> => firstPhone(sim);
  const getConfig = (names: string[]): Promise<ConfigAnswer> =>
    data<ConfigAnswer>(phone(), 'POST', '/api/v1/mgmt/config/get', { data: names });

  beforeAll(async () => {
    sim = await startSimulator({ phones: 1 });
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await control(sim, phone(), 'POST', 'reset');
  });

  it('knows every one of the 1,547 names of the table', async () => {
    const names = tableRows().map((row) => concrete(row.name));
    expect(names).toHaveLength(1547);
    const unknown: string[] = [];
    for (let start = 0; start < names.length; start += 20) {
      const answer = await getConfig(names.slice(start, start + 20));
      unknown.push(...(answer.InvalidParams ?? []));
    }
    expect(unknown).toEqual([]);
  });

  it("reads a table name's template default unless the simulator sets it up", async () => {
    const rows = tableRows();
    const defaultOf = (name: string): string | undefined =>
      rows.find((row) => row.name === name)?.defaultValue;
    const answer = await getConfig([
      'tcpIpApp.sntp.resyncPeriod',
      'apps.push.messageType',
      'reg.3.lineKeys',
      'divert.noanswer.2.timeout',
    ]);
    expect(answer).toEqual({
      'tcpIpApp.sntp.resyncPeriod': {
        Value: defaultOf('tcpIpApp.sntp.resyncPeriod'),
        Source: 'DEFAULT',
      },
      'apps.push.messageType': { Value: defaultOf('apps.push.messageType'), Source: 'DEFAULT' },
      'reg.3.lineKeys': { Value: defaultOf('reg.x.lineKeys'), Source: 'DEFAULT' },
      'divert.noanswer.2.timeout': {
        Value: defaultOf('divert.noanswer.x.timeout'),
        Source: 'DEFAULT',
      },
    });
    expect(answer['tcpIpApp.sntp.resyncPeriod']?.Value).toBe('86400');
  });

  it('knows the names public clients use that the templates lack, and the usual ones', async () => {
    const names = [
      'SCEP.enable',
      'reg.1.broadsoft.userId',
      'up.screenCapture.value',
      'device.sec.TLS.prov.strictCertCommonNameValidation',
      'tcpIpApp.sntp.address',
      'softkey.1.enable',
      'apps.telNotification.URL',
      'apps.telNotification.2.URL',
      'apps.telNotification.callStateChangeEvent',
      'reg.2.server.2.address',
    ];
    const answer = await getConfig(names);
    expect(answer.InvalidParams).toBeUndefined();
    expect(answer['softkey.1.enable']).toEqual({ Value: '1', Source: 'DEFAULT' });
    expect(answer['apps.telNotification.callStateChangeEvent']?.Value).toBe('0');
  });

  it('bounds an index: a line beyond the model, an index past 99, a leading zero are unknown', async () => {
    const answer = await getConfig([
      'reg.16.address',
      'reg.17.address',
      'divert.busy.17.contact',
      'softkey.99.enable',
      'softkey.100.enable',
      'reg.01.address',
      'reg.0.address',
    ]);
    expect(answer.InvalidParams).toEqual([
      'reg.17.address',
      'divert.busy.17.contact',
      'softkey.100.enable',
      'reg.01.address',
      'reg.0.address',
    ]);
    const small = await startSimulator({ phones: 1, model: 'VVX101' });
    try {
      const one = await data<ConfigAnswer>(firstPhone(small), 'POST', '/api/v1/mgmt/config/get', {
        data: ['reg.1.address', 'reg.2.address', 'softkey.2.enable'],
      });
      expect(one.InvalidParams).toEqual(['reg.2.address']);
    } finally {
      await small.close();
    }
  });

  it('sets and exports a table parameter, reads .set flags as 0 and keeps table passwords secret', async () => {
    const set = (values: Record<string, string>): Promise<string> =>
      statusOf(phone(), 'POST', '/api/v1/mgmt/config/set', { data: values });
    expect(
      await set({
        'tcpIpApp.sntp.address': 'ntp.deskpilot.test',
        'apps.push.password': 'push-secret',
        'SCEP.enable': '1',
      }),
    ).toBe('2000');
    const answer = await getConfig([
      'tcpIpApp.sntp.address',
      'apps.push.password',
      'SCEP.enable',
      'device.baseProfile.set',
    ]);
    expect(answer).toMatchObject({
      'tcpIpApp.sntp.address': { Value: 'ntp.deskpilot.test', Source: 'LOCAL' },
      'apps.push.password': { Value: '********', Source: 'LOCAL' },
      'SCEP.enable': { Value: '1', Source: 'LOCAL' },
      'device.baseProfile.set': { Value: '0', Source: 'DEFAULT' },
    });
    const uploads = await startUploadServer();
    try {
      expect(
        await statusOf(phone(), 'POST', '/api/v1/mgmt/config/export', {
          data: { Url: `${uploads.url}/export.cfg`, ConfigType: 'Local' },
        }),
      ).toBe('2000');
    } finally {
      await uploads.close();
    }
    const file = uploads.received.at(-1)?.body.toString('utf8') ?? '';
    expect(file).toContain('tcpIpApp.sntp.address="ntp.deskpilot.test"');
    expect(file).toContain('SCEP.enable="1"');
    expect(file).not.toContain('push-secret');
  });
});
