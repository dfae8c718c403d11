import type { ConfigLayer, ConfigStore } from './config-store';

export type ExportType = 'ConfigFiles' | 'Local' | 'Web' | 'Device' | 'All';

/** "All" covers everything except device settings, which need their own export (reference). */
const LAYERS: Record<ExportType, readonly ConfigLayer[]> = {
  ConfigFiles: ['CONFIG'],
  Local: ['LOCAL'],
  Web: ['WEB'],
  Device: ['DEVICE'],
  All: ['CONFIG', 'WEB', 'LOCAL'],
};

function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * The exported configuration as a Polycom configuration file
 * (`<PHONE_CONFIG><ALL name="value" .../></PHONE_CONFIG>`); later layers override earlier ones
 * in "All". Passwords are never exported. `phoneLabel` (model and MAC) goes into the header comment.
 */
export function exportFile(config: ConfigStore, type: ExportType, phoneLabel: string): Buffer {
  const values: Record<string, string> = {};
  for (const layer of LAYERS[type]) Object.assign(values, config.layerValues(layer));
  const attributes = Object.keys(values)
    .sort()
    .map((name) => `\n    ${name}="${escapeAttribute(values[name] ?? '')}"`)
    .join('');
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<!-- ${phoneLabel} export of ${type} -->\n` +
    `<PHONE_CONFIG>\n  <ALL${attributes}\n  />\n</PHONE_CONFIG>\n`;
  return Buffer.from(xml, 'utf8');
}
