/**
 * Value rules for the parameters the simulator acts on (REST API, passwords, lines, network,
 * provisioning…): factory default and the values each accepts, following the VVX UC Software 5.x
 * administrator guide. They override the plain names and defaults of the data files (see
 * parameter-catalog.ts); `x` stands for a line's index.
 */
export type ParameterKind =
  | { type: 'bool' }
  | { type: 'int'; min: number; max: number }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'string'; maxLength: number }
  | { type: 'password'; minLength: number };

export interface ParameterSpec {
  name: string;
  defaultValue: string;
  kind: ParameterKind;
}

const BOOL: ParameterKind = { type: 'bool' };
/** A password the simulator checks: 1 to 32 characters. */
const PASSWORD: ParameterKind = { type: 'password', minLength: 1 };
const TEXT: ParameterKind = { type: 'string', maxLength: 255 };
const int = (min: number, max: number): ParameterKind => ({ type: 'int', min, max });
const oneOf = (...values: string[]): ParameterKind => ({ type: 'enum', values });

/** Every rule, by name or pattern. */
export const VALUE_RULES: readonly ParameterSpec[] = [
  p('apps.restapi.enabled', '0', BOOL),
  p('log.level.change.restapi', '4', int(0, 6)),
  p('device.set', '0', BOOL),
  p('device.auth.localAdminPassword', '456', PASSWORD),
  p('device.auth.localUserPassword', '123', PASSWORD),
  p('device.baseProfile', 'Generic', oneOf('Generic', 'Lync', 'SkypeForBusiness')),
  p('httpd.enabled', '1', BOOL),
  p('httpd.cfg.secureTunnelRequired', '0', BOOL),
  p('httpd.ta.enabled', '0', BOOL),
  p('up.screenCapture.enabled', '0', BOOL),
  p('up.screenCapture.value', '0', BOOL),
  p('up.screenCapture.allowed', '0', BOOL),
  p('diags.pcap.enabled', '0', BOOL),
  p('diags.pcap.background.enabled', '0', BOOL),
  p('feature.doNotDisturb.enable', '1', BOOL),
  p('call.transfer.blindPreferred', '0', BOOL),
  p('device.prov.serverName', '', TEXT),
  p('device.prov.serverType', 'HTTP', oneOf('FTP', 'TFTP', 'HTTP', 'HTTPS', 'FTPS')),
  p('device.prov.user', '', TEXT),
  p('device.prov.password', '', PASSWORD),
  p('device.prov.maxRedunServers', '1', int(1, 8)),
  p('device.prov.redunAttemptLimit', '3', int(1, 10)),
  p('device.prov.redunInterAttemptDelay', '20', int(0, 3600)),
  p('device.prov.tagSerialNo', '0', BOOL),
  p('device.prov.upgradeServer', '', TEXT),
  p('device.prov.ztpEnabled', '1', BOOL),
  p('device.dhcp.enabled', '1', BOOL),
  p(
    'device.dhcp.bootSrvUseOpt',
    'Default',
    oneOf('Default', 'Custom', 'Static', 'CustomAndDefault'),
  ),
  p('device.dhcp.bootSrvOpt', '160', int(128, 254)),
  p('device.dhcp.bootSrvOptType', 'String', oneOf('IP', 'String')),
  p('device.dhcp.option60Type', 'ASCII String', oneOf('ASCII String', 'RFC3925 Binary')),
  p('device.dhcp.offerTimeout', '1', int(1, 600)),
  p('device.dhcp.dhcpVlanDisc', 'Fixed', oneOf('Disabled', 'Fixed', 'Custom')),
  p('device.dhcp.dhcpVlanDiscOpt', '129', int(128, 254)),
  p('device.net.ipAddress', '', TEXT),
  p('device.net.subnetMask', '255.0.0.0', TEXT),
  p('device.net.IPgateway', '127.0.0.1', TEXT),
  p('device.net.ipStack', 'IPv4 Only', oneOf('IPv4 Only', 'IPv6 Only', 'Dual IPv4/IPv6 stack')),
  p('device.net.preferredNetwork', 'IPv4', oneOf('IPv4', 'IPv6')),
  p('device.net.ipv6AddrDisc', 'DHCP', oneOf('DHCP', 'Static', 'SLAAC')),
  p('device.net.ipv6Gateway', '', TEXT),
  p('device.net.vlanId', '', TEXT),
  p('device.net.etherVlanFilter', '1', BOOL),
  p('device.net.etherStormFilter', '1', BOOL),
  p('device.net.etherStormFilterPpsValue', '38', int(17, 40000)),
  p('device.net.cdpEnabled', '1', BOOL),
  p('device.net.lldpEnabled', '1', BOOL),
  p('device.dns.enabled', '1', BOOL),
  p('device.dns.serverAddress', '127.0.0.53', TEXT),
  p('device.dns.altSrvAddress', '', TEXT),
  p('device.dns.domain', 'deskpilot.test', TEXT),
  p('device.syslog.serverName', '', TEXT),
  p('device.syslog.transport', 'UDP', oneOf('None', 'UDP', 'TCP', 'TLS')),
  p('device.syslog.renderLevel', '4', int(0, 6)),
  p('device.syslog.facility', '16', int(0, 23)),
  p('device.syslog.prependMac', '1', BOOL),
  p('device.sntp.serverName', 'pool.ntp.org', TEXT),
  p('device.sntp.gmtOffset', '0', int(-43200, 50400)),
  p('device.tr069.enabled', '0', BOOL),
  p('device.tr069.acs.url', '', TEXT),
  p('device.tr069.acs.username', '', TEXT),
  p('device.tr069.cpe.username', '', TEXT),
  p('device.tr069.periodicInform.enabled', '0', BOOL),
  p('device.tr069.periodicInform.interval', '18000', int(1, 86400)),
  p('device.tr069.upgradesManaged.enabled', '0', BOOL),
  p('lcl.ml.lang', 'English_United_States', TEXT),
  p('up.backlight.idleIntensity', '1', int(0, 3)),
  p('voice.volume.persist.handset', '0', BOOL),
  p('reg.x.address', '', TEXT),
  p('reg.x.label', '', TEXT),
  p('reg.x.displayName', '', TEXT),
  p('reg.x.auth.userId', '', TEXT),
  p('reg.x.auth.password', '', PASSWORD),
  p('reg.x.type', 'private', oneOf('private', 'shared')),
  p('reg.x.server.x.address', '', TEXT),
  p('reg.x.server.x.port', '5060', int(0, 65535)),
  p(
    'reg.x.server.x.transport',
    'DNSnaptr',
    oneOf('DNSnaptr', 'TCPpreferred', 'TCPOnly', 'UDPOnly', 'TLS'),
  ),
  p('reg.x.server.x.expires', '3600', int(10, 2147483647)),
  p('divert.x.contact', '', TEXT),
  p('divert.busy.x.contact', '', TEXT),
  p('divert.noanswer.x.contact', '', TEXT),
  p('divert.dnd.x.contact', '', TEXT),
];

function p(name: string, defaultValue: string, kind: ParameterKind): ParameterSpec {
  return { name, defaultValue, kind };
}

/** Why `value` is not acceptable for `spec`, or null when it is. */
export function checkValue(spec: ParameterSpec, value: string): string | null {
  const { kind } = spec;
  switch (kind.type) {
    case 'bool':
      return value === '0' || value === '1' ? null : `${spec.name} takes 0 or 1`;
    case 'int': {
      const n = Number(value);
      const ok = /^-?\d+$/.test(value) && n >= kind.min && n <= kind.max;
      return ok ? null : `${spec.name} takes a whole number from ${kind.min} to ${kind.max}`;
    }
    case 'enum':
      return kind.values.includes(value)
        ? null
        : `${spec.name} takes one of ${kind.values.join(', ')}`;
    case 'string':
      return value.length <= kind.maxLength
        ? null
        : `${spec.name} is longer than ${kind.maxLength}`;
    case 'password':
      return value.length >= kind.minLength && value.length <= 32
        ? null
        : `${spec.name} takes ${kind.minLength} to 32 characters`;
  }
}
