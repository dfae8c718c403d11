import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator';
import { call, control, data, firstPhone, statusOf, waitForCallState } from './support';

/** Every field the reference lists for each GET endpoint (object answers). */
const OBJECT_FIELDS: Record<string, string[]> = {
  '/api/v1/mgmt/network/info': [
    'DHCP',
    'DHCPServer',
    'DHCPBootServerUseOption',
    'DHCPBootServerOption',
    'DHCPBootServerOptionType',
    'DHCPOption60Format',
    'IPV4Address',
    'IPV6Address',
    'DefaultGateway',
    'DNSServer',
    'AlternateDNSServer',
    'DNSDomain',
    'SNTPAddress',
    'SubnetMask',
    'LANPortStatus',
    'LANSpeed',
    'VLANID',
    'LLDP',
    'CDPCompability',
    'VLANDiscoveryMode',
    'VLANIDOption',
    'ProvServerAddress',
    'ProvServerUser',
    'ProvServerType',
    'UpgradeServer',
    'ZTPStatus',
  ],
  '/api/v1/mgmt/device/info': [
    'ModelNumber',
    'FirmwareRelease',
    'DeviceType',
    'DeviceVendor',
    'UpTimeSinceLastReboot',
    'IPV4Address',
    'IPV6Address',
    'MACAddress',
    'AttachedHardware',
  ],
  '/api/v2/mgmt/device/info': [
    'ModelNumber',
    'DeviceVendor',
    'DeviceType',
    'MACAddress',
    'Firmware',
    'IPAddress',
    'IPStack',
    'PreferredNetwork',
    'IPv6Address',
    'IPv6LinkAddress',
    'IPv6ULAAddress',
    'UpTime',
    'AttachedHardware',
    'CanApplyShutdownRequest',
    'IntendToShutdown',
    'AppState',
    'ReadyToUse',
  ],
  '/api/v1/mgmt/network/stats': ['UpTime', 'RxPackets', 'TxPackets'],
  '/api/v1/mgmt/pollForStatus': ['State', 'StateData'],
  '/api/v1/mgmt/transferType/get': ['Type'],
  '/api/v1/mgmt/device/stats': ['CPU', 'dbs', 'ec', 'pgui', 'brow', 'osd', 'em', 'RAMDiskSize'],
  '/api/v1/mgmt/device/runningConfig': [
    'Network',
    'DHCP',
    'DNS',
    'Provisioning',
    'Syslog',
    'SNTP',
    'TR069',
  ],
  '/api/v1/mgmt/media/communicationInfo': [
    'CommunicationType',
    'FarEndMuteState',
    'PhoneMuteState',
  ],
  '/api/v1/mgmt/location/info': [
    'Country',
    'House Number',
    'Zip Code',
    'Road Post Modifier',
    'Seat',
  ],
  '/api/v1/webCallControl/sipStatus': ['User', 'TotalUser'],
  '/api/v1/mgmt/callLogs': ['missed', 'received', 'placed'],
  '/api/v1/webCallControl/callStatus': [
    'CallHandle',
    'Type',
    'Protocol',
    'CallState',
    'LineID',
    'RemotePartyName',
    'RemotePartyNumber',
    'DurationInSeconds',
  ],
};

const CALL_V2_FIELDS = [
  'CallHandle',
  'Type',
  'RemotePartyName',
  'RemotePartyNumber',
  'CallState',
  'Protocol',
  'StartTime',
  'DurationSeconds',
  'LineID',
  'CallSequence',
  'UIAppearanceIndex',
  'Ringing',
  'Muted',
  'RTPPort',
  'RTCPPort',
];
const LINE_V1_FIELDS = [
  'LineNumber',
  'Protocol',
  'SIPAddress',
  'ProxyAddress',
  'UserID',
  'Label',
  'LineType',
  'RegistrationStatus',
  'Port',
];
const LINE_V2_FIELDS = [
  'ID',
  'Label',
  'Username',
  'Assigned',
  'RegistrationStatus',
  'Type',
  'Active',
  'DoNotDisturb',
  'CallAppearances',
  'CallServers',
  'ForwardingConfig',
];
const AUDIO_FIELDS = [
  'Ref',
  'Category',
  'PacketsReceived',
  'PacketsSent',
  'OctetsReceived',
  'OctetsSent',
  'PacketsExpected',
  'PacketsLost',
  'Jitter',
  'MaxJitter',
  'Latency',
  'RxPayloadSize',
  'TxPayloadSize',
  'RxCodec',
  'TxCodec',
  'RxMOSCQ',
  'TxMOSCQ',
  'RxMOSLQ',
  'TxMOSLQ',
];

function expectFields(value: unknown, fields: string[]): void {
  expect(typeof value).toBe('object');
  for (const field of fields) expect(value, `field ${field}`).toHaveProperty([field]);
}

describe('every endpoint of the reference', () => {
  let sim: Simulator;
  let uploads: Server;
  let uploadUrl = '';
  beforeAll(async () => {
    sim = await startSimulator({ farEndAnswerMs: 50, model: 'VVX1500' });
    uploads = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.end('ok'));
    });
    await new Promise<void>((resolve) => uploads.listen(0, '127.0.0.1', resolve));
    uploadUrl = `http://127.0.0.1:${(uploads.address() as AddressInfo).port}/upload`;
  });
  afterAll(async () => {
    await sim.close();
    await new Promise((resolve) => uploads.close(resolve));
  });

  it('answers every GET with every field the reference lists, during a connected call', async () => {
    const phone = firstPhone(sim);
    await data(phone, 'POST', '/api/v1/callctrl/dial', { data: { Dest: '5551234' } });
    await waitForCallState(phone, 'Connected');
    for (const [path, fields] of Object.entries(OBJECT_FIELDS)) {
      expectFields(await data(phone, 'GET', path), fields);
    }
    const calls = await data<unknown[]>(phone, 'GET', '/api/v2/webCallControl/callStatus');
    expectFields(calls[0], CALL_V2_FIELDS);
    expectFields((await data<unknown[]>(phone, 'GET', '/api/v1/mgmt/lineInfo'))[0], LINE_V1_FIELDS);
    expectFields((await data<unknown[]>(phone, 'GET', '/api/v2/mgmt/lineInfo'))[0], LINE_V2_FIELDS);
    const sessions = await data<{ Streams: unknown[] }[]>(
      phone,
      'GET',
      '/api/v1/mgmt/media/sessionStats',
    );
    expectFields(sessions[0], ['Ref', 'SRTPCall', 'H235Call', 'H235DHKey', 'Streams']);
    expectFields(sessions[0]?.Streams[0], AUDIO_FIELDS);
    expectFields(sessions[0]?.Streams[1], [
      'VideoRxFramerate',
      'VideoTxActBitrateKbps',
      'Category',
    ]);
    for (const kind of ['missed', 'received', 'placed']) {
      expect(await data(phone, 'GET', `/api/v1/mgmt/callLogs/${kind}`)).toHaveProperty([kind]);
    }
    expect(await data<string>(phone, 'GET', '/api/v1/mgmt/uixml')).toContain('<Screen');
    expect(await statusOf(phone, 'GET', '/api/v1/mgmt/getPresence')).toBe('4004');
  });

  it('serves every POST path of the table with its method', async () => {
    const phone = firstPhone(sim);
    const calls = await data<{ CallHandle: string }[]>(
      phone,
      'GET',
      '/api/v2/webCallControl/callStatus',
    );
    const ref = calls[0]?.CallHandle ?? '';
    await control(sim, phone, 'POST', 'config', {
      params: { 'diags.pcap.enabled': '1', 'diags.pcap.background.enabled': '1' },
    });
    const posts: [string, unknown, string][] = [
      ['/api/v1/callctrl/sendDTMF', { Digits: '12#' }, '2000'],
      ['/api/v1/callctrl/mute', { state: '1' }, '2000'],
      ['/api/v1/callctrl/holdCall', { Ref: ref }, '2000'],
      ['/api/v1/callctrl/resumeCall', { Ref: ref }, '2000'],
      ['/api/v1/callctrl/answerCall', undefined, '4007'],
      ['/api/v1/callctrl/ignoreCall', undefined, '4007'],
      ['/api/v1/callctrl/rejectCall', undefined, '4007'],
      ['/api/v1/callctrl/transferCall', { Ref: ref, TransferDest: '2000' }, '2000'],
      ['/api/v1/callctrl/dial', { Dest: '5550000', Line: '1', Type: 'SIP' }, '2000'],
      ['/api/v1/callctrl/endCall', { Ref: 'deadbeef' }, '4007'],
      ['/api/v1/mgmt/config/set', { 'reg.1.label': 'Front desk' }, '2000'],
      ['/api/v1/mgmt/config/get', ['reg.1.label'], '2000'],
      ['/api/v1/mgmt/config/export', { Url: uploadUrl, ConfigType: 'All' }, '2000'],
      ['/api/v1/mgmt/network/uploadBgCapture', { url: uploadUrl }, '2000'],
      ['/api/v1/mgmt/transferType/set', { Type: 'Blind' }, '2000'],
      ['/api/v1/mgmt/simulateTouch', { Type: 'Tap', Positions: [{ X: '1', Y: '1' }] }, '2000'],
      [
        '/api/v1/mgmt/skype/signIn',
        { Address: 'a@b.c', User: 'a', Password: 'p', Domain: '' },
        '4004',
      ],
      ['/api/v1/mgmt/skype/signOut', undefined, '4004'],
      ['/api/v1/mgmt/configReset/local', undefined, '2000'],
      ['/api/v1/mgmt/configReset/web', undefined, '2000'],
      ['/api/v1/mgmt/configReset', undefined, '2000'],
    ];
    for (const [path, body, expected] of posts) {
      expect(await statusOf(phone, 'POST', path, { data: body }), path).toBe(expected);
    }
    // configReset emptied DEVICE: the admin password is the factory default again.
    expect(
      await statusOf(phone, 'POST', '/api/v1/mgmt/configReset/device', {
        auth: { user: 'Polycom', password: '456' },
      }),
    ).toBe('4010');
    await control(sim, phone, 'POST', 'reset');
    for (const path of [
      '/api/v1/mgmt/safeRestart',
      '/api/v1/mgmt/safeReboot',
      '/api/v1/mgmt/factoryReset',
    ]) {
      expect(await statusOf(phone, 'POST', path), path).toBe('2000');
      const stats = await control<{ requests: Record<string, number> }>(sim, phone, 'GET', 'stats');
      expect(stats.requests[path]).toBe(1);
      await control(sim, phone, 'POST', 'reset');
    }
  });

  it('answers 404 on a GET-only path used with POST and on the reference misprints', async () => {
    const phone = firstPhone(sim);
    expect((await call(phone, 'POST', '/api/v1/mgmt/device/info', { data: {} })).http).toBe(404);
    expect((await call(phone, 'POST', '/api/v1/mgmt./skype/signIn', { data: {} })).http).toBe(404);
    expect((await call(phone, 'GET', '/api/v1/mgmt/simulateKeyEvent')).http).toBe(404);
    expect((await call(phone, 'GET', '/captureScreen/mainScreen')).http).toBe(404);
    expect(
      (await call(phone, 'POST', '/api/v1/mgmt/simulateKeyEvent', { data: { KeyName: 'Home' } }))
        .http,
    ).toBe(404);
  });
});
