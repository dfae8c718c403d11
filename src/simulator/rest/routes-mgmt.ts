import type { ConfigLayer } from '../config/config-store';
import { isDeviceParameter } from '../config/parameter-catalog';
import { exportFile, type ExportType } from '../config/config-export';
import { asFields, text } from './input';
import { packetCapture } from './packet-capture';
import type { SimulatedPhone, TransferType } from '../phone/phone';
import { ok, status, type Route, type RouteContext, type RouteResult } from './route-types';
import { isUploadUrl } from './uploader';

const MAX_NAMES = 20;
const CAPTURE_INTERVAL_MS = 10_000;

function configReset(path: string, layers: readonly ConfigLayer[]): Route {
  return {
    method: 'POST',
    path,
    access: 'admin',
    handle: ({ phone }) => {
      phone.resetConfig(layers);
      return ok();
    },
  };
}

/** Only names whose `device.set` and `<name>.set` flags came with them take effect (as in files). */
function effectiveValues(values: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (name === 'device.set' || name.endsWith('.set')) continue;
    if (
      isDeviceParameter(name) &&
      (values['device.set'] !== '1' || values[`${name}.set`] !== '1')
    ) {
      continue;
    }
    out[name] = value;
  }
  return out;
}

function setConfig(ctx: RouteContext): RouteResult {
  const fields = asFields(ctx.data);
  if (!fields) return status(4000);
  const entries = Object.entries(fields);
  if (entries.length === 0) return status(4000);
  if (entries.length > MAX_NAMES) return status(4009);
  const values: Record<string, string> = {};
  for (const [name] of entries) {
    const valueText = text(fields, name);
    if (valueText === undefined) return status(4000);
    values[name] = valueText;
  }
  if (ctx.phone.config.validate(values)) return status(4000);
  const result = ctx.phone.config.setMany(effectiveValues(values), 'LOCAL');
  return result.ok ? ok() : status(4000);
}

const MASK = '********';

function getConfig(ctx: RouteContext): RouteResult {
  const names = ctx.data;
  if (!Array.isArray(names) || names.length === 0) return status(4000);
  if (names.length > MAX_NAMES) return status(4009);
  if (!names.every((n): n is string => typeof n === 'string' && n.length > 0)) return status(4000);
  const data: Record<string, unknown> = {};
  const invalid: string[] = [];
  for (const name of names) {
    const value = ctx.phone.config.read(name);
    if (!value) {
      invalid.push(name);
      continue;
    }
    const secret = ctx.phone.config.spec(name)?.kind.type === 'password';
    data[name] = { Value: secret ? MASK : value.value, Source: value.source };
  }
  if (invalid.length > 0) data.InvalidParams = invalid;
  return ok(data);
}

const EXPORT_TYPES: readonly ExportType[] = ['ConfigFiles', 'Local', 'Web', 'Device', 'All'];

async function exportConfig(ctx: RouteContext): Promise<RouteResult> {
  const fields = asFields(ctx.data);
  const url = text(fields, 'Url');
  const type = EXPORT_TYPES.find((t) => t === text(fields, 'ConfigType'));
  if (!url || !isUploadUrl(url) || !type) return status(4000);
  const file = exportFile(
    ctx.phone.config,
    type,
    `${ctx.phone.model.id} ${ctx.phone.setup.macAddress}`,
  );
  const result = await ctx.upload(url, file, 'application/xml');
  ctx.phone.stats.uploads.push({
    kind: 'config-export',
    url,
    bytes: file.length,
    ok: result.ok,
    at: new Date().toISOString(),
  });
  return result.ok ? ok() : status(4008);
}

/** Where a capture goes without a URL: the provisioning server, as the reference says. */
function provisioningUrl(phone: SimulatedPhone): string | null {
  const server = phone.config.get('device.prov.serverName');
  if (server === '') return null;
  const scheme = phone.config.get('device.prov.serverType') === 'HTTPS' ? 'https' : 'http';
  const base = /^[a-z]+:\/\//i.test(server) ? server : `${scheme}://${server}`;
  return `${base.replace(/\/$/, '')}/${phone.setup.macAddress}-bgcapture.pcap`;
}

async function uploadBgCapture(ctx: RouteContext): Promise<RouteResult> {
  const { phone, now } = ctx;
  if (!phone.model.packetCapture) return status(4004);
  if (
    !phone.config.enabled('diags.pcap.enabled') ||
    !phone.config.enabled('diags.pcap.background.enabled')
  ) {
    return { httpStatus: 404 };
  }
  const fields = asFields(ctx.data);
  if (ctx.data !== undefined && !fields) return status(4000);
  const given = fields?.url;
  if (given !== undefined && (typeof given !== 'string' || !isUploadUrl(given)))
    return status(4000);
  const url = given ?? provisioningUrl(phone);
  if (!url) return status(4000);
  if (phone.lastBgCaptureAt !== null && now - phone.lastBgCaptureAt < CAPTURE_INTERVAL_MS) {
    return status(4001);
  }
  phone.lastBgCaptureAt = now;
  const file = packetCapture(phone, now);
  const result = await ctx.upload(url, file, 'application/vnd.tcpdump.pcap');
  phone.stats.uploads.push({
    kind: 'packet-capture',
    url,
    bytes: file.length,
    ok: result.ok,
    at: new Date().toISOString(),
  });
  return result.ok ? ok() : status(5000);
}

const TRANSFER_TYPES: readonly TransferType[] = ['Consultative', 'Blind', 'Safe'];

function setTransferType(ctx: RouteContext): RouteResult {
  const type = TRANSFER_TYPES.find((t) => t === text(asFields(ctx.data), 'Type'));
  if (!type) return status(4000);
  ctx.phone.transferType = type;
  return ok();
}

/** Skype for Business features answer 4004 unless the phone runs the Lync/SfB base profile. */
function skypeProfile(phone: SimulatedPhone): boolean {
  return phone.config.get('device.baseProfile') !== 'Generic';
}

function skypeSignIn(ctx: RouteContext): RouteResult {
  const { phone } = ctx;
  if (!skypeProfile(phone)) return status(4004);
  const fields = asFields(ctx.data);
  const required = ['Address', 'User', 'Password'].map((name) => text(fields, name));
  if (required.some((v) => !v) || text(fields, 'Domain') === undefined) return status(4000);
  if (phone.skypeSignedIn) return status(4003);
  if (phone.lineCheck(1) !== 'registered') return status(4002);
  phone.skypeSignedIn = true;
  return ok();
}

function skypeSignOut(ctx: RouteContext): RouteResult {
  if (!skypeProfile(ctx.phone)) return status(4004);
  if (!ctx.phone.skypeSignedIn) return status(4003);
  ctx.phone.skypeSignedIn = false;
  return ok();
}

function reboot(path: string): Route {
  return {
    method: 'POST',
    path,
    access: 'admin',
    handle: ({ phone, now }) => {
      phone.reboot(now);
      return ok();
    },
  };
}

/** Management endpoints: restarts, resets, configuration, uploads, transfer type, Skype. */
export const mgmtRoutes: Route[] = [
  reboot('/api/v1/mgmt/safeRestart'),
  reboot('/api/v1/mgmt/safeReboot'),
  configReset('/api/v1/mgmt/configReset', ['LOCAL', 'WEB', 'DEVICE']),
  configReset('/api/v1/mgmt/configReset/local', ['LOCAL']),
  configReset('/api/v1/mgmt/configReset/web', ['WEB']),
  configReset('/api/v1/mgmt/configReset/device', ['DEVICE']),
  {
    method: 'POST',
    path: '/api/v1/mgmt/factoryReset',
    access: 'admin',
    handle: ({ phone, now }) => {
      phone.factoryReset(now);
      return ok();
    },
  },
  { method: 'POST', path: '/api/v1/mgmt/config/set', access: 'admin', handle: setConfig },
  { method: 'POST', path: '/api/v1/mgmt/config/get', access: 'admin', handle: getConfig },
  { method: 'POST', path: '/api/v1/mgmt/config/export', access: 'admin', handle: exportConfig },
  {
    method: 'POST',
    path: '/api/v1/mgmt/network/uploadBgCapture',
    access: 'user',
    handle: uploadBgCapture,
  },
  {
    method: 'GET',
    path: '/api/v1/mgmt/transferType/get',
    access: 'user',
    handle: ({ phone }) => ok({ Type: phone.transferType }),
  },
  {
    method: 'POST',
    path: '/api/v1/mgmt/transferType/set',
    access: 'user',
    handle: setTransferType,
  },
  { method: 'POST', path: '/api/v1/mgmt/skype/signIn', access: 'user', handle: skypeSignIn },
  { method: 'POST', path: '/api/v1/mgmt/skype/signOut', access: 'user', handle: skypeSignOut },
  {
    method: 'GET',
    path: '/api/v1/mgmt/getPresence',
    access: 'user',
    handle: ({ phone }) =>
      skypeProfile(phone)
        ? ok({ Presence: phone.skypeSignedIn ? 'Available' : 'Offline' })
        : status(4004),
  },
];
