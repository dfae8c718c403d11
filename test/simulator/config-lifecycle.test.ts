import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator';
import {
  call,
  callsOf,
  control,
  data,
  firstPhone,
  statusOf,
  waitFor,
  waitForCallState,
} from './support';
import { startUploadServer, type UploadServer } from './upload-server';

type ConfigAnswer = Record<string, { Value: string; Source: string }> & {
  InvalidParams?: string[];
};

describe('configuration, resets, reboots and uploads', () => {
  let sim: Simulator;
  let uploads: UploadServer;
  const phone = (): ReturnType<typeof firstPhone> => firstPhone(sim);
  const getConfig = (...names: string[]): Promise<ConfigAnswer> =>
    data<ConfigAnswer>(phone(), 'POST', '/api/v1/mgmt/config/get', { data: names });
  const setConfig = (values: Record<string, string>): Promise<string> =>
    statusOf(phone(), 'POST', '/api/v1/mgmt/config/set', { data: values });
  const reachable = async (): Promise<boolean> => {
    try {
      await call(phone(), 'GET', '/api/v1/mgmt/pollForStatus');
      return true;
    } catch {
      return false;
    }
  };

  beforeAll(async () => {
    sim = await startSimulator({ phones: 2, rebootMs: 1500, farEndAnswerMs: 20 });
    uploads = await startUploadServer();
  });
  afterAll(async () => {
    await sim.close();
    await uploads.close();
  });
  beforeEach(async () => {
    await control(sim, phone(), 'POST', 'reset');
    uploads.received.length = 0;
    uploads.status = 200;
  });

  it('reads values with their source and names unknown parameters', async () => {
    const answer = await getConfig(
      'log.level.change.restapi',
      'apps.restapi.enabled',
      'no.such.param',
      'device.auth.localAdminPassword',
    );
    expect(answer['log.level.change.restapi']).toEqual({ Value: '4', Source: 'DEFAULT' });
    expect(answer['apps.restapi.enabled']).toEqual({ Value: '1', Source: 'CONFIG' });
    expect(answer['device.auth.localAdminPassword']).toEqual({
      Value: '********',
      Source: 'DEVICE',
    });
    expect(answer.InvalidParams).toEqual(['no.such.param']);
  });

  it('sets values all-or-nothing into LOCAL, and device.* only with the device.set flags', async () => {
    expect(await setConfig({ 'reg.1.label': 'Reception', 'log.level.change.restapi': '9' })).toBe(
      '4000',
    );
    expect(await setConfig({ 'reg.1.label': 'Reception', 'no.such.param': '1' })).toBe('4000');
    expect((await getConfig('reg.1.label'))['reg.1.label']?.Value).toBe('1011');
    expect(
      await setConfig({ 'reg.1.label': 'Reception', 'device.dns.domain': 'ignored.test' }),
    ).toBe('2000');
    expect(await getConfig('reg.1.label', 'device.dns.domain')).toMatchObject({
      'reg.1.label': { Value: 'Reception', Source: 'LOCAL' },
      'device.dns.domain': { Value: 'deskpilot.test', Source: 'DEFAULT' },
    });
    expect(
      await setConfig({
        'device.set': '1',
        'device.dns.domain': 'office.test',
        'device.dns.domain.set': '1',
      }),
    ).toBe('2000');
    expect((await getConfig('device.dns.domain'))['device.dns.domain']).toEqual({
      Value: 'office.test',
      Source: 'DEVICE',
    });
    const running = await data<{ DNS: { Domain: string } }>(
      phone(),
      'GET',
      '/api/v1/mgmt/device/runningConfig',
    );
    expect(running.DNS.Domain).toBe('office.test');
    const network = await data<{ DNSDomain: string }>(phone(), 'GET', '/api/v1/mgmt/network/info');
    expect(network.DNSDomain).toBe('office.test');
    const lines = await data<{ Label: string }[]>(phone(), 'GET', '/api/v1/mgmt/lineInfo');
    expect(lines[0]?.Label).toBe('Reception');
  });

  it('adds a line from configuration, registered once it has a server', async () => {
    const line3 = async (): Promise<string | undefined> => {
      const lines = await data<{ LineNumber: string; RegistrationStatus: string }[]>(
        phone(),
        'GET',
        '/api/v1/mgmt/lineInfo',
      );
      return lines.find((l) => l.LineNumber === '3')?.RegistrationStatus;
    };
    expect(await line3()).toBeUndefined();
    expect(await setConfig({ 'reg.3.address': '3003' })).toBe('2000');
    expect(await line3()).toBe('Unregistered');
    expect(
      await statusOf(phone(), 'POST', '/api/v1/callctrl/dial', { data: { Dest: '1', Line: '3' } }),
    ).toBe('4002');
    expect(await setConfig({ 'reg.3.server.1.address': 'pbx.test' })).toBe('2000');
    expect(await line3()).toBe('Registered');
    expect(
      await statusOf(phone(), 'POST', '/api/v1/callctrl/dial', { data: { Dest: '1', Line: '3' } }),
    ).toBe('2000');
  });

  it('resets one layer at a time and falls back to the layer below', async () => {
    await control(sim, phone(), 'POST', 'config', {
      params: { 'reg.1.label': 'FromWeb' },
      source: 'WEB',
    });
    await setConfig({ 'reg.1.label': 'FromLocal' });
    expect((await getConfig('reg.1.label'))['reg.1.label']).toEqual({
      Value: 'FromLocal',
      Source: 'LOCAL',
    });
    await statusOf(phone(), 'POST', '/api/v1/mgmt/configReset/local');
    expect((await getConfig('reg.1.label'))['reg.1.label']).toEqual({
      Value: 'FromWeb',
      Source: 'WEB',
    });
    await statusOf(phone(), 'POST', '/api/v1/mgmt/configReset/web');
    expect((await getConfig('reg.1.label'))['reg.1.label']).toEqual({
      Value: '1011',
      Source: 'CONFIG',
    });
    await statusOf(phone(), 'POST', '/api/v1/mgmt/configReset/device');
    expect(
      await statusOf(phone(), 'GET', '/api/v1/mgmt/device/info', {
        auth: { user: 'Polycom', password: '456' },
      }),
    ).toBe('4010');
    expect(phone().adminPassword).toBe('456');
  });

  it('really disables the API when apps.restapi.enabled is set to 0', async () => {
    expect(await setConfig({ 'apps.restapi.enabled': '0' })).toBe('2000');
    expect((await call(phone(), 'GET', '/api/v1/mgmt/pollForStatus')).http).toBe(404);
  });

  it('ends calls on safeReboot, is unreachable for rebootMs, then restarts its uptime', async () => {
    await waitFor(async () => {
      const info = await data<{ UpTime: { Seconds: string } }>(
        phone(),
        'GET',
        '/api/v2/mgmt/device/info',
      );
      return Number(info.UpTime.Seconds) >= 2;
    }, 'two seconds of uptime');
    await statusOf(phone(), 'POST', '/api/v1/callctrl/dial', { data: { Dest: '123' } });
    await waitForCallState(phone(), 'Connected');
    expect(await statusOf(phone(), 'POST', '/api/v1/mgmt/safeReboot')).toBe('2000');
    expect(await reachable()).toBe(false);
    await waitFor(reachable, 'the phone to come back', 10_000);
    const info = await data<{
      UpTime: { Days: string; Hours: string; Minutes: string; Seconds: string };
    }>(phone(), 'GET', '/api/v2/mgmt/device/info');
    expect(info.UpTime).toMatchObject({ Days: '0', Hours: '0', Minutes: '0' });
    expect(Number(info.UpTime.Seconds)).toBeLessThan(2);
    expect(await callsOf(phone())).toEqual([]);
    const logs = await data<{ placed: { RemotePartyNumber: string }[] }>(
      phone(),
      'GET',
      '/api/v1/mgmt/callLogs/placed',
    );
    expect(logs.placed.map((e) => e.RemotePartyNumber)).toEqual(['123']);
  });

  it('factory-resets to the disabled API and the default password, as a real phone', async () => {
    await setConfig({ 'reg.1.label': 'Gone soon' });
    expect(await statusOf(phone(), 'POST', '/api/v1/mgmt/factoryReset')).toBe('2000');
    await waitFor(reachable, 'the phone to come back', 10_000);
    expect((await call(phone(), 'GET', '/api/v1/mgmt/pollForStatus')).http).toBe(404);
    await control(sim, phone(), 'POST', 'config', { params: { 'apps.restapi.enabled': '1' } });
    expect(
      await statusOf(phone(), 'GET', '/api/v1/mgmt/pollForStatus', {
        auth: { user: 'Polycom', password: '456' },
      }),
    ).toBe('4010');
    await control(sim, phone(), 'POST', 'config', {
      params: { 'device.auth.localAdminPassword': 'again' },
    });
    expect(
      await data(phone(), 'GET', '/api/v1/mgmt/lineInfo', {
        auth: { user: 'Polycom', password: 'again' },
      }),
    ).toEqual([]);
  });

  it('keeps the transfer type', async () => {
    expect(
      await statusOf(phone(), 'POST', '/api/v1/mgmt/transferType/set', {
        data: { Type: 'Sideways' },
      }),
    ).toBe('4000');
    expect(
      await statusOf(phone(), 'POST', '/api/v1/mgmt/transferType/set', { data: { Type: 'Blind' } }),
    ).toBe('2000');
    expect(await data(phone(), 'GET', '/api/v1/mgmt/transferType/get', { auth: 'user' })).toEqual({
      Type: 'Blind',
    });
  });

  it('exports the configuration by uploading it to the URL, without passwords', async () => {
    await setConfig({ 'reg.1.label': 'Exported <label>' });
    const exportTo = (ConfigType: string, Url = uploads.url): Promise<string> =>
      statusOf(phone(), 'POST', '/api/v1/mgmt/config/export', { data: { Url, ConfigType } });
    expect(await exportTo('Local')).toBe('2000');
    expect(await exportTo('All')).toBe('2000');
    expect(await exportTo('Device')).toBe('2000');
    const [local, all, device] = uploads.received.map((u) => u.body.toString('utf8'));
    expect(uploads.received[0]).toMatchObject({
      method: 'PUT',
      path: '/upload',
      contentType: 'application/xml',
    });
    expect(local).toContain('reg.1.label="Exported &lt;label&gt;"');
    expect(local).not.toContain('reg.1.address');
    expect(all).toContain('reg.1.address="1011"');
    expect(all).toContain('apps.restapi.enabled="1"');
    expect(device).not.toContain('deskpilot');
    expect(await exportTo('Everything')).toBe('4000');
    expect(await exportTo('All', 'ftp://example.test/x')).toBe('4000');
    uploads.status = 500;
    expect(await exportTo('All')).toBe('4008');
  });

  it('uploads a background capture, refusing when capture is off and within 10 seconds', async () => {
    const upload = (body?: unknown): ReturnType<typeof call> =>
      call(phone(), 'POST', '/api/v1/mgmt/network/uploadBgCapture', { data: body, auth: 'user' });
    expect((await upload({ url: uploads.url })).http).toBe(404);
    await control(sim, phone(), 'POST', 'config', { params: { 'diags.pcap.enabled': '1' } });
    expect((await upload({ url: uploads.url })).http).toBe(404);
    await control(sim, phone(), 'POST', 'config', {
      params: { 'diags.pcap.background.enabled': '1' },
    });
    expect((await upload()).json?.Status).toBe('4000');
    expect((await upload({ url: uploads.url })).json?.Status).toBe('2000');
    expect((await upload({ url: uploads.url })).json?.Status).toBe('4001');
    const [capture] = uploads.received;
    expect(capture?.contentType).toBe('application/vnd.tcpdump.pcap');
    expect(capture?.body.readUInt32LE(0)).toBe(0xa1b2c3d4);

    const second = sim.phones[1];
    if (!second) throw new Error('no second phone');
    await control(sim, second, 'POST', 'config', {
      params: {
        'diags.pcap.enabled': '1',
        'diags.pcap.background.enabled': '1',
        'device.prov.serverName': uploads.host,
      },
    });
    expect(await statusOf(second, 'POST', '/api/v1/mgmt/network/uploadBgCapture')).toBe('2000');
    expect(uploads.received[1]?.path).toBe(`/${second.macAddress}-bgcapture.pcap`);
  });
});
