import { buildCatalog, checkValue, type ParameterSpec } from './config-catalog';

/** Where a value came from, as getConfig reports it. */
export type ConfigSource = 'LOCAL' | 'WEB' | 'CONFIG' | 'DEVICE' | 'DEFAULT';
/** The layers that can hold values (DEFAULT is the catalogue itself). */
export type ConfigLayer = Exclude<ConfigSource, 'DEFAULT'>;

/** Later entries win: a value set on the phone's own UI overrides the web UI, which overrides files. */
const APP_PRECEDENCE: readonly ConfigLayer[] = ['CONFIG', 'WEB', 'LOCAL'];

export interface ConfigValue {
  value: string;
  source: ConfigSource;
}

export type SetResult = { ok: true; applied: string[] } | { ok: false; message: string };

/**
 * The phone's parameter store: factory defaults from the catalogue plus the layers that override
 * them. `device.*` parameters live only in the DEVICE layer (the phone's flash settings); every
 * other parameter in CONFIG (provisioning files), WEB (web UI) or LOCAL (phone UI and REST API).
 */
export class ConfigStore {
  private readonly catalog: ReadonlyMap<string, ParameterSpec>;
  private readonly layers = new Map<ConfigLayer, Map<string, string>>([
    ['CONFIG', new Map()],
    ['WEB', new Map()],
    ['LOCAL', new Map()],
    ['DEVICE', new Map()],
  ]);

  constructor(lines: number) {
    this.catalog = buildCatalog(lines);
  }

  /** The spec of a known parameter, or undefined. */
  spec(name: string): ParameterSpec | undefined {
    return this.catalog.get(name);
  }

  /** Current value and its source; undefined for unknown names. */
  read(name: string): ConfigValue | undefined {
    const spec = this.catalog.get(name);
    if (!spec) return undefined;
    const order: readonly ConfigLayer[] = isDeviceParameter(name) ? ['DEVICE'] : APP_PRECEDENCE;
    for (let i = order.length - 1; i >= 0; i -= 1) {
      const layer = order[i];
      const value = layer ? this.layer(layer).get(name) : undefined;
      if (layer && value !== undefined) return { value, source: layer };
    }
    return { value: spec.defaultValue, source: 'DEFAULT' };
  }

  /** Current value of a known parameter (its default when nothing overrides it). */
  get(name: string): string {
    return this.read(name)?.value ?? '';
  }

  /** True when a 0/1 parameter is 1. */
  enabled(name: string): boolean {
    return this.get(name) === '1';
  }

  /**
   * Validates every value first and applies all or nothing, like the phone's setConfig.
   * `device.*` names go to the DEVICE layer whatever `layer` says.
   */
  setMany(values: Record<string, string>, layer: Exclude<ConfigLayer, 'DEVICE'>): SetResult {
    const problem = this.validate(values);
    if (problem) return { ok: false, message: problem };
    const applied: string[] = [];
    for (const [name, value] of Object.entries(values)) {
      if (!this.catalog.has(name)) continue;
      this.layer(isDeviceParameter(name) ? 'DEVICE' : layer).set(name, value);
      applied.push(name);
    }
    return { ok: true, applied };
  }

  /** Why these values cannot be set (unknown name, bad value), or null when all can. */
  validate(values: Record<string, string>): string | null {
    for (const [name, value] of Object.entries(values)) {
      const spec = this.catalog.get(name) ?? setFlagSpec(name, this.catalog);
      if (!spec) return `Unknown parameter ${name}`;
      const problem = checkValue(spec, value);
      if (problem) return problem;
    }
    return null;
  }

  /** Empties the given layers (configReset); all layers for a factory reset. */
  clear(layers: readonly ConfigLayer[]): void {
    for (const layer of layers) this.layer(layer).clear();
  }

  /** Every value held by one layer, for config export (passwords left out). */
  layerValues(layer: ConfigLayer): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of this.layer(layer)) {
      if (this.catalog.get(name)?.kind.type !== 'password') out[name] = value;
    }
    return out;
  }

  private layer(layer: ConfigLayer): Map<string, string> {
    const map = this.layers.get(layer);
    if (!map) throw new Error(`No configuration layer ${layer}`);
    return map;
  }
}

/** Device parameters are stored in the phone's flash and obey the `device.set` rule. */
export function isDeviceParameter(name: string): boolean {
  return name.startsWith('device.') && name !== 'device.set';
}

/** `device.x.set` flags are valid names for every device parameter `device.x`. */
function setFlagSpec(
  name: string,
  catalog: ReadonlyMap<string, ParameterSpec>,
): ParameterSpec | undefined {
  if (!name.endsWith('.set')) return undefined;
  const base = name.slice(0, -'.set'.length);
  return isDeviceParameter(base) && catalog.has(base)
    ? { name, defaultValue: '0', kind: { type: 'bool' } }
    : undefined;
}
