import { isDeviceParameter, type ParameterCatalog } from './parameter-catalog';
import { checkValue, type ParameterSpec } from './value-rules';

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

/** Values split into those the phone can take and the names it cannot (unknown or bad value). */
export interface Partition {
  valid: Record<string, string>;
  invalid: string[];
}

/**
 * The phone's parameter store: factory defaults from the process's shared catalogue plus the
 * layers that override them, which hold only what was set (a phone costs nothing for the names
 * it never touched). `device.*` parameters live only in the DEVICE layer (the phone's flash
 * settings); every other parameter in CONFIG (provisioning files), WEB (web UI) or LOCAL (phone
 * UI and REST API).
 */
export class ConfigStore {
  /** Goes up with every change, so a reader can keep what it derived until the next one. */
  version = 0;
  private readonly layers = new Map<ConfigLayer, Map<string, string>>([
    ['CONFIG', new Map()],
    ['WEB', new Map()],
    ['LOCAL', new Map()],
    ['DEVICE', new Map()],
  ]);

  /**
   * `catalog`: the process's vocabulary; `lines`: how many registrations the phone can hold
   * (bounds a line's index in names); `unknown`: names of the catalogue this phone's firmware
   * does not know now (asked at each use: the firmware can change).
   */
  constructor(
    private readonly catalog: ParameterCatalog,
    private readonly lines: number,
    private readonly unknown: (name: string) => boolean = () => false,
  ) {}

  /** The spec of a known parameter, or undefined. */
  spec(name: string): ParameterSpec | undefined {
    return this.unknown(name) ? undefined : this.catalog.find(name, this.lines);
  }

  /** Current value and its source; undefined for unknown names. */
  read(name: string): ConfigValue | undefined {
    const spec = this.spec(name);
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
   * Validates every value first and applies all or nothing (the reference's setConfig).
   * `device.*` names go to the DEVICE layer whatever `layer` says.
   */
  setMany(values: Record<string, string>, layer: Exclude<ConfigLayer, 'DEVICE'>): SetResult {
    const problem = this.validate(values);
    if (problem) return { ok: false, message: problem };
    for (const [name, value] of Object.entries(values)) {
      this.layer(isDeviceParameter(name) ? 'DEVICE' : layer).set(name, value);
    }
    this.version += 1;
    return { ok: true, applied: Object.keys(values) };
  }

  /** Why these values cannot be set (unknown name, bad value), or null when all can. */
  validate(values: Record<string, string>): string | null {
    for (const [name, value] of Object.entries(values)) {
      const problem = this.problem(name, value);
      if (problem) return problem;
    }
    return null;
  }

  /** Splits values into those the phone can take and the names it cannot (real phones' set). */
  partition(values: Record<string, string>): Partition {
    const valid: Record<string, string> = {};
    const invalid: string[] = [];
    for (const [name, value] of Object.entries(values)) {
      if (this.problem(name, value)) invalid.push(name);
      else valid[name] = value;
    }
    return { valid, invalid };
  }

  /** Empties the given layers (configReset); all layers for a factory reset. */
  clear(layers: readonly ConfigLayer[]): void {
    for (const layer of layers) this.layer(layer).clear();
    this.version += 1;
  }

  /** Names set in any layer that `pattern` matches (e.g. the indexed slots of a parameter). */
  setNames(pattern: RegExp): string[] {
    const names = new Set<string>();
    for (const layer of this.layers.values()) {
      for (const name of layer.keys()) if (pattern.test(name)) names.add(name);
    }
    return [...names];
  }

  /** Every value held by one layer, for config export (passwords left out). */
  layerValues(layer: ConfigLayer): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of this.layer(layer)) {
      if (this.spec(name)?.kind.type !== 'password') out[name] = value;
    }
    return out;
  }

  private problem(name: string, value: string): string | null {
    const spec = this.spec(name);
    return spec ? checkValue(spec, value) : `Unknown parameter ${name}`;
  }

  private layer(layer: ConfigLayer): Map<string, string> {
    const map = this.layers.get(layer);
    if (!map) throw new Error(`No configuration layer ${layer}`);
    return map;
  }
}
