/**
 * lineInfo v1 and v2, read into one entry per line. Real firmware lists one entry per line
 * KEY (a line on two keys appears twice: P2O `healthy_deskie_line_info.json`; VME reads v2's
 * further keys by their empty `CallServers`), writes `registered`/`Registered` in either case,
 * and shows a factory placeholder named after the model when no line is set up
 * (P2O `deskie_line_info.json`, PPM's CCX answer).
 */
import { z } from 'zod';

import { count, flag, listOf, optionalText, pick, record } from './vvx-values';

/** One line of lineInfo v1 or v2, normalised; everything else kept as flattened text. */
export interface VvxLine {
  line: number;
  label: string;
  address: string;
  registered: boolean;
  /** `Registered`, `Unregistered`, or another word the phone used, capitalised. */
  registration: string;
  protocol: string;
  doNotDisturb: boolean;
  callServers: string[];
  forwarding: Record<string, string>;
  raw: Record<string, unknown>;
}

function capitalised(word: string): string {
  const lower = word.trim().toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

const lineSchema = record.transform((raw, context): VvxLine => {
  const line = count.safeParse(pick(raw, 'ID', 'LineNumber'));
  if (!line.success) {
    context.addIssue({
      code: 'custom',
      message: 'line without a number (ID/LineNumber)',
      path: ['ID'],
    });
    return z.NEVER;
  }
  const registration = capitalised(optionalText.parse(pick(raw, 'RegistrationStatus')));
  const servers = z.array(record).safeParse(pick(raw, 'CallServers'));
  const forwarding = record.safeParse(pick(raw, 'ForwardingConfig'));
  const proxy = optionalText.parse(pick(raw, 'ProxyAddress')).trim();
  return {
    line: line.data,
    label: optionalText.parse(pick(raw, 'Label')).trim(),
    address: optionalText.parse(pick(raw, 'SIPAddress', 'Username', 'UserID')).trim(),
    registered: registration === 'Registered',
    registration,
    protocol: optionalText.parse(pick(raw, 'Protocol')).trim() || 'SIP',
    doNotDisturb: flag.parse(pick(raw, 'DoNotDisturb')),
    callServers: servers.success
      ? servers.data
          .map((server) => optionalText.parse(pick(server, 'Address')))
          .filter((a) => a !== '')
      : proxy === ''
        ? []
        : [proxy],
    forwarding: forwarding.success
      ? Object.fromEntries(
          Object.entries(forwarding.data).map(([k, v]) => [k, optionalText.parse(v)]),
        )
      : {},
    raw,
  };
});

const sameRegistration = (a: VvxLine, b: VvxLine): boolean =>
  a.address !== '' &&
  a.address.toLowerCase() === b.address.toLowerCase() &&
  a.label.toLowerCase() === b.label.toLowerCase();

/**
 * One entry per line: an entry repeating the one before it (same address and label) is a
 * further key of that line. When keys were merged the phone numbered keys, not lines, so the
 * lines are numbered in order (the keys of a line sit together, lines in their order).
 */
function mergeLineKeys(entries: VvxLine[]): VvxLine[] {
  const lines: VvxLine[] = [];
  for (const entry of entries) {
    const previous = lines.at(-1);
    if (previous === undefined || !sameRegistration(previous, entry)) lines.push(entry);
  }
  if (lines.length === entries.length) return lines;
  return lines.map((line, index) => ({ ...line, line: index + 1 }));
}

const compact = (text: string): string => text.replace(/\s/g, '').toLowerCase();

/**
 * The factory placeholder a phone with no line lists: the only entry, unregistered, no server,
 * its address the model's name (`EdgeE350`, label `Edge E350`) rather than a user at a host.
 */
function isPlaceholder(lines: VvxLine[]): boolean {
  const [only] = lines;
  return (
    lines.length === 1 &&
    only !== undefined &&
    !only.registered &&
    only.callServers.length === 0 &&
    !only.address.includes('@') &&
    /[a-z]/i.test(only.label) &&
    compact(only.address) === compact(only.label)
  );
}

/** lineInfo v1/v2: the phone's lines (one object accepted too), without the placeholder. */
export const lineListSchema = listOf(lineSchema).transform((entries) => {
  const lines = mergeLineKeys(entries);
  return isPlaceholder(lines) ? [] : lines;
});
