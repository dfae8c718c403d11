import { asFields, text } from './input';
import { packetCapture } from './packet-capture';
import { ok, status, type Route, type RouteContext, type RouteResult } from './route-types';
import { isUploadUrl } from './uploader';
import type { SimulatedPhone, TransferType } from '../phone/phone';

const CAPTURE_INTERVAL_MS = 10_000;

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

/** getPresence: `Presence` in `data` as the reference prints it, or beside it on real phones. */
function presence(phone: SimulatedPhone): RouteResult {
  const value = phone.skypeSignedIn ? 'Available' : 'Offline';
  return phone.dialect.presence === 'in-data'
    ? ok({ Presence: value })
    : { status: 2000, beside: { Presence: value } };
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

/** Management endpoints: restarts, factory reset, uploads, transfer type, Skype. */
export const mgmtRoutes: Route[] = [
  reboot('/api/v1/mgmt/safeRestart'),
  reboot('/api/v1/mgmt/safeReboot'),
  {
    method: 'POST',
    path: '/api/v1/mgmt/factoryReset',
    access: 'admin',
    handle: ({ phone, now }) => {
      phone.factoryReset(now);
      return ok();
    },
  },
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
    handle: ({ phone }) => (skypeProfile(phone) ? presence(phone) : status(4004)),
  },
];
