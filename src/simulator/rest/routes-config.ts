import type { ConfigLayer } from '../config/config-store';
import { exportFile, type ExportType } from '../config/config-export';
import { isDeviceParameter } from '../config/parameter-catalog';
import type { SimulatedPhone } from '../phone/phone';
import { asFields, text } from './input';
import { ok, status, type Route, type RouteContext, type RouteResult } from './route-types';
import { isUploadUrl } from './uploader';

const MAX_NAMES = 20;
const MASK = '********';

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

/** Names the phone does not know (or cannot take), where its dialect reports them. */
function withInvalid(
  phone: SimulatedPhone,
  code: number,
  data: Record<string, unknown> | undefined,
  invalid: string[],
): RouteResult {
  if (invalid.length === 0) return data === undefined ? status(code) : { status: code, data };
  if (phone.dialect.invalidParams === 'top-level') {
    return {
      status: code,
      ...(data === undefined ? {} : { data }),
      beside: { InvalidParams: invalid },
    };
  }
  return { status: code, data: { ...data, InvalidParams: invalid } };
}

/**
 * config/set into LOCAL. The reference's phone checks every name first and applies all or
 * nothing (4000); real phones apply what they can and name the rest in `InvalidParams` (4000
 * when nothing could be applied).
 */
function setConfig(ctx: RouteContext): RouteResult {
  const { phone } = ctx;
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
  const { valid, invalid } = phone.config.partition(values);
  if (phone.dialect.configSet === 'all-or-nothing' && invalid.length > 0) return status(4000);
  if (Object.keys(valid).length === 0) return withInvalid(phone, 4000, undefined, invalid);
  const result = phone.config.setMany(effectiveValues(valid), 'LOCAL');
  return result.ok ? withInvalid(phone, 2000, undefined, invalid) : status(4000);
}

/** config/get: `{name: {Value, Source}}`, Source as the dialect writes it; passwords masked. */
function getConfig(ctx: RouteContext): RouteResult {
  const { phone } = ctx;
  const names = ctx.data;
  if (!Array.isArray(names) || names.length === 0) return status(4000);
  if (names.length > MAX_NAMES) return status(4009);
  if (!names.every((n): n is string => typeof n === 'string' && n.length > 0)) return status(4000);
  const lower = phone.dialect.configSource === 'lower';
  const data: Record<string, unknown> = {};
  const invalid: string[] = [];
  for (const name of names) {
    const value = phone.config.read(name);
    if (!value) {
      invalid.push(name);
      continue;
    }
    const secret = phone.config.spec(name)?.kind.type === 'password';
    data[name] = {
      Value: secret ? MASK : value.value,
      Source: lower ? value.source.toLowerCase() : value.source,
    };
  }
  return withInvalid(phone, 2000, data, invalid);
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

/** Configuration endpoints: get, set, export and the resets. */
export const configRoutes: Route[] = [
  configReset('/api/v1/mgmt/configReset', ['LOCAL', 'WEB', 'DEVICE']),
  configReset('/api/v1/mgmt/configReset/local', ['LOCAL']),
  configReset('/api/v1/mgmt/configReset/web', ['WEB']),
  configReset('/api/v1/mgmt/configReset/device', ['DEVICE']),
  { method: 'POST', path: '/api/v1/mgmt/config/set', access: 'admin', handle: setConfig },
  { method: 'POST', path: '/api/v1/mgmt/config/get', access: 'admin', handle: getConfig },
  { method: 'POST', path: '/api/v1/mgmt/config/export', access: 'admin', handle: exportConfig },
  // 6.x additions. The simulated phone has no cloud configuration and no provisioning server to
  // read again, so both succeed and change nothing, as they would on such a phone.
  ...['/api/v1/mgmt/configReset/cloud', '/api/v1/mgmt/updateConfiguration'].map((path): Route => ({
    method: 'POST',
    path,
    access: 'admin',
    served: (phone) => phone.dialect.mgmt6x,
    handle: () => ok(),
  })),
];
