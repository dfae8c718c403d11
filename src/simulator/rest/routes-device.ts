import { macAddress, modelNumber, uptimeText } from './dialect-formats';
import { ok, type Route } from './route-types';
import type { SimulatedPhone } from '../phone/phone';

const IPV4 = '127.0.0.1';
const enabled = (phone: SimulatedPhone, name: string): string =>
  phone.config.enabled(name) ? 'Enabled' : 'Disabled';
const yes = (flag: boolean): string => (flag ? 'True' : 'False');

function uptimeParts(seconds: number): {
  days: number;
  hours: number;
  minutes: number;
  secs: number;
} {
  return {
    days: Math.floor(seconds / 86400),
    hours: Math.floor((seconds % 86400) / 3600),
    minutes: Math.floor((seconds % 3600) / 60),
    secs: seconds % 60,
  };
}

/** The expansion modules' version string (unrecorded: no capture lists a module). */
const MODULE_VERSION = '1.2.0.0';

/**
 * The plugged-in expansion modules, one entry each, as the reference prints them: v1 `type` and
 * `version`, v2 `Type` and `Version`; every simulated module is an LCD one.
 */
function modules(phone: SimulatedPhone, v1: boolean): Record<string, string>[] {
  const [type, version] = v1 ? ['type', 'version'] : ['Type', 'Version'];
  return Array.from({ length: phone.setup.expansionModules }, () => ({
    [type]: 'LCD',
    [version]: MODULE_VERSION,
  }));
}

/**
 * `AttachedHardware`: the reference's `{Camera, EM}` (v1 `true`/`false`, v2 `True`/`False`), a
 * 5.x VVX's and the Edge's `{EM}` alone, or a 6.x VVX's `Camera` `yes`/`no` (the camera port of
 * the touch models).
 */
function attachedHardware(phone: SimulatedPhone, v1: boolean): Record<string, unknown> {
  const { camera, touch } = phone.model;
  const EM = modules(phone, v1);
  switch (phone.dialect.attachedHardware) {
    case 'reference':
      return { Camera: v1 ? String(camera) : yes(camera), EM };
    case 'em-only':
      return { EM };
    case 'camera-yes-no':
      return { EM, Camera: camera || touch ? 'yes' : 'no' };
  }
}

function deviceInfoV1(phone: SimulatedPhone, now: number): Record<string, unknown> {
  const { dialect } = phone;
  return {
    ModelNumber: modelNumber(phone),
    FirmwareRelease: phone.firmware.release,
    DeviceType: dialect.deviceType,
    DeviceVendor: dialect.vendor,
    UpTimeSinceLastReboot: uptimeText(phone.uptimeSeconds(now), dialect.uptime),
    IPV4Address: IPV4,
    IPV6Address: '::',
    MACAddress: macAddress(phone),
    AttachedHardware: attachedHardware(phone, true),
  };
}

function deviceInfoV2(phone: SimulatedPhone, now: number): Record<string, unknown> {
  const up = uptimeParts(phone.uptimeSeconds(now));
  const { firmware } = phone;
  return {
    ModelNumber: modelNumber(phone),
    DeviceVendor: phone.dialect.vendor,
    DeviceType: 'HardwareEndpoint',
    MACAddress: macAddress(phone),
    Firmware: {
      Application: firmware.application,
      Updater: firmware.updater,
      BootBlock: firmware.bootBlock,
    },
    IPAddress: IPV4,
    IPStack: phone.config.get('device.net.ipStack'),
    PreferredNetwork: phone.config.get('device.net.preferredNetwork'),
    IPv6Address: '::',
    IPv6LinkAddress: '::',
    IPv6ULAAddress: '::',
    UpTime: {
      Days: String(up.days),
      Hours: String(up.hours),
      Minutes: String(up.minutes),
      Seconds: String(up.secs),
    },
    AttachedHardware: attachedHardware(phone, false),
    CanApplyShutdownRequest: yes(phone.calls.list().length === 0),
    IntendToShutdown: 'False',
    AppState: phone.calls.list().length > 0 ? 'AppStateCall' : 'AppStateIdle',
    ReadyToUse: 'True',
  };
}

/**
 * Network information: as the reference prints it (`Enabled`, `Active`, the misspelt
 * `CDPCompability`), or as real phones answer (`enabled`, `active`, `CDPCompatibility`).
 */
function networkInfo(phone: SimulatedPhone): Record<string, string> {
  const c = (name: string): string => phone.config.get(name);
  const real = phone.dialect.networkInfo === 'real';
  const onOff = (name: string): string =>
    real ? enabled(phone, name).toLowerCase() : enabled(phone, name);
  return {
    DHCP: onOff('device.dhcp.enabled'),
    DHCPServer: IPV4,
    DHCPBootServerUseOption: c('device.dhcp.bootSrvUseOpt'),
    DHCPBootServerOption: c('device.dhcp.bootSrvOpt'),
    DHCPBootServerOptionType: c('device.dhcp.bootSrvOptType'),
    DHCPOption60Format: c('device.dhcp.option60Type'),
    IPV4Address: IPV4,
    IPV6Address: '::',
    DefaultGateway: c('device.net.IPgateway'),
    DNSServer: c('device.dns.serverAddress'),
    AlternateDNSServer: c('device.dns.altSrvAddress'),
    DNSDomain: c('device.dns.domain'),
    SNTPAddress: c('device.sntp.serverName'),
    SubnetMask: c('device.net.subnetMask'),
    LANPortStatus: real ? 'active' : 'Active',
    LANSpeed: real ? '1000Mbps' : '1000Mbps Full Duplex',
    VLANID: c('device.net.vlanId'),
    LLDP: onOff('device.net.lldpEnabled'),
    [real ? 'CDPCompatibility' : 'CDPCompability']: onOff('device.net.cdpEnabled'),
    VLANDiscoveryMode: c('device.dhcp.dhcpVlanDisc'),
    VLANIDOption: c('device.dhcp.dhcpVlanDiscOpt'),
    ProvServerAddress: c('device.prov.serverName'),
    ProvServerUser: c('device.prov.user'),
    ProvServerType: c('device.prov.serverType'),
    UpgradeServer: c('device.prov.upgradeServer'),
    ZTPStatus: onOff('device.prov.ztpEnabled'),
  };
}

/** Packet counters that grow with uptime (a quiet LAN: ~12 packets/s in, ~9 out). */
function networkStats(phone: SimulatedPhone, now: number): Record<string, string> {
  const up = phone.uptimeSeconds(now);
  return {
    // Real phones write this uptime `0 day 2:26:00` even where device info says `0 Day`.
    UpTime: uptimeText(up, phone.dialect.uptime === 'reference' ? 'reference' : 'day'),
    RxPackets: String(up * 12 + phone.stats.totalRequests * 2),
    TxPackets: String(up * 9 + phone.stats.totalRequests * 2),
  };
}

/** Heap figures of the phone's processes that drift with uptime and call load. */
function deviceStats(phone: SimulatedPhone, now: number): Record<string, unknown> {
  const up = phone.uptimeSeconds(now);
  const calls = phone.calls.list().length;
  const heap = (base: number): Record<string, string> => {
    const used = base + (up % 600) * 64 + calls * 40_960;
    return {
      uordblks: String(used),
      hblkhd: String(Math.floor(base / 4)),
      arena: String(base * 2),
      fordblks: String(base * 2 - used),
    };
  };
  const current = Math.min(95, 6 + calls * 9 + (up % 7));
  return {
    CPU: { Current: String(current), Average: String(Math.min(90, 5 + calls * 6)) },
    dbs: heap(1_048_576),
    ec: heap(2_097_152),
    pgui: heap(8_388_608),
    brow: heap(4_194_304),
    osd: heap(524_288),
    em: heap(262_144),
    RAMDiskSize: '16777216',
  };
}

function runningConfig(phone: SimulatedPhone): Record<string, unknown> {
  const c = (name: string): string => phone.config.get(name);
  const e = (name: string): string => enabled(phone, name);
  const gmt = Number(c('device.sntp.gmtOffset'));
  return {
    Network: {
      IPAddress: IPV4,
      SubnetMask: c('device.net.subnetMask'),
      IPGateway: c('device.net.IPgateway'),
      IPStack: c('device.net.ipStack'),
      IPv6Address: '::',
      IPv6Gateway: c('device.net.ipv6Gateway'),
      IPv6AddressDiscovery: c('device.net.ipv6AddrDisc'),
      IPv6LinkAddress: '::',
      IPv6ULAAddress: '::',
      PreferredNetwork: c('device.net.preferredNetwork'),
      VLAN: c('device.net.vlanId'),
      VLANFiltering: e('device.net.etherVlanFilter'),
      CDP: e('device.net.cdpEnabled'),
      LLDP: e('device.net.lldpEnabled'),
      StormFilterPPS: c('device.net.etherStormFilterPpsValue'),
      StormFiltering: e('device.net.etherStormFilter'),
    },
    DHCP: {
      Feature: e('device.dhcp.enabled'),
      Option60Format: c('device.dhcp.option60Type'),
      BootServerOptionType: c('device.dhcp.bootSrvOptType'),
      BootServerUseOption: c('device.dhcp.bootSrvUseOpt'),
      BootServerOption: c('device.dhcp.bootSrvOpt'),
      OfferTimeout: c('device.dhcp.offerTimeout'),
      VLANDiscovery: c('device.dhcp.dhcpVlanDisc'),
      VLANDiscoveryOption: c('device.dhcp.dhcpVlanDiscOpt'),
    },
    DNS: {
      Feature: e('device.dns.enabled'),
      PrimaryServer: c('device.dns.serverAddress'),
      SecondaryServer: c('device.dns.altSrvAddress'),
      Domain: c('device.dns.domain'),
    },
    Provisioning: {
      Server: c('device.prov.serverName'),
      ServerType: c('device.prov.serverType'),
      User: c('device.prov.user'),
      FileTxTries: c('device.prov.redunAttemptLimit'),
      RetryWait: c('device.prov.redunInterAttemptDelay'),
      MaxServers: c('device.prov.maxRedunServers'),
      NetworkEnv: 'LAN',
      TagSerialNo: e('device.prov.tagSerialNo'),
    },
    Syslog: {
      Server: c('device.syslog.serverName'),
      Transport: c('device.syslog.transport'),
      RenderLevel: c('device.syslog.renderLevel'),
      Facility: c('device.syslog.facility'),
      PrependMAC: e('device.syslog.prependMac'),
    },
    SNTP: {
      Server: c('device.sntp.serverName'),
      GMTOffsetSeconds: String(gmt),
      GMTOffsetHours: String(gmt / 3600),
    },
    TR069: {
      Feature: e('device.tr069.enabled'),
      ACSURL: c('device.tr069.acs.url'),
      ACSUsername: c('device.tr069.acs.username'),
      CPEUsername: c('device.tr069.cpe.username'),
      PeriodicInform: e('device.tr069.periodicInform.enabled'),
      InformInterval: c('device.tr069.periodicInform.interval'),
      UpgradeManagement: e('device.tr069.upgradesManaged.enabled'),
    },
  };
}

const LOCATION_FIELDS = [
  'Country',
  'StreetGroup',
  'House Number',
  'State',
  'Place Type',
  'District',
  'Add. Info',
  'Road SubSection',
  'City',
  'Neighbourhood Block',
  'Landmark',
  'Post Box',
  'Division',
  'Street',
  'Road Section',
  'Street1',
  'Street2',
  'Place Name',
  'House Num. Suff.',
  'Zip Code',
  'Road Pre Modifier',
  'Building',
  'Unit',
  'Floor',
  'Additional Code',
  'Room',
  'Postal Name',
  'Seat',
  'Road',
  'Road Branch',
  'Road Post Modifier',
];

const LOCATION_VALUES: Record<string, string> = {
  Country: 'US',
  State: 'CO',
  City: 'Westminster',
  Street: 'Main Street',
  'House Number': '6001',
  'Zip Code': '80021',
  Building: 'HQ',
  Floor: '2',
  'Place Type': 'office',
};

function locationInfo(): Record<string, string> {
  return Object.fromEntries(LOCATION_FIELDS.map((f) => [f, LOCATION_VALUES[f] ?? '']));
}

/** Device, network, running-configuration and location endpoints. */
export const deviceRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/v1/mgmt/device/info',
    access: 'admin',
    handle: (c) => ok(deviceInfoV1(c.phone, c.now)),
  },
  {
    method: 'GET',
    path: '/api/v2/mgmt/device/info',
    access: 'admin',
    handle: (c) => ok(deviceInfoV2(c.phone, c.now)),
  },
  {
    method: 'GET',
    path: '/api/v1/mgmt/network/info',
    access: 'admin',
    handle: (c) => ok(networkInfo(c.phone)),
  },
  {
    method: 'GET',
    path: '/api/v1/mgmt/network/stats',
    access: 'admin',
    handle: (c) => ok(networkStats(c.phone, c.now)),
  },
  {
    method: 'GET',
    path: '/api/v1/mgmt/device/stats',
    access: 'admin',
    handle: (c) => ok(deviceStats(c.phone, c.now)),
  },
  {
    method: 'GET',
    path: '/api/v1/mgmt/device/runningConfig',
    access: 'admin',
    handle: (c) => ok(runningConfig(c.phone)),
  },
  {
    method: 'GET',
    path: '/api/v1/mgmt/location/info',
    access: 'user',
    handle: () => ok(locationInfo()),
  },
];
