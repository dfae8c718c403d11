/**
 * How fleet results read for people: aligned tables, the per-phone configuration diff
 * (`Desk 3: name "" (DEFAULT) → "pbx.example"`), and reports that name every phone.
 */
import type {
  FleetConfigPlan,
  FleetConfigReport,
  FleetImportPreview,
  FleetImportReport,
  FleetImportRow,
  FleetInventory,
  FleetPhoneRef,
  FleetRestartReport,
} from '../../shared/contract/fleet';
import { firmwareSummary, linesText } from '../../shared/fleet-inventory';

/** Columns padded to their widest cell; the last column is never padded. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

function listOf(refs: readonly FleetPhoneRef[]): string {
  return refs.map((ref) => ref.name).join(', ');
}

function rowAction(row: FleetImportRow): string {
  if (row.action === 'skip') return `skip: ${row.reason ?? ''}`;
  if (!row.checked) return 'add once its certificate is accepted';
  const what = [
    row.model,
    row.firmware && `firmware ${row.firmware}`,
    row.admin ? 'admin' : 'user-level login',
  ]
    .filter(Boolean)
    .join(', ');
  return `add (${what})`;
}

/** The import preview: every row, then the certificates to accept. */
export function formatImportPreview(preview: FleetImportPreview): string {
  const rows = table(
    ['Line', 'Name', 'Address', 'Group', 'Action'],
    preview.rows.map((row) => [
      String(row.line),
      row.name || '-',
      row.url || '-',
      row.group ?? '-',
      rowAction(row),
    ]),
  );
  const adding = preview.rows.filter((row) => row.action === 'add').length;
  const parts = [rows, '', `${adding} of ${preview.rows.length} rows would be added.`];
  if (preview.certificates.length > 0) {
    parts.push(
      '',
      `Certificates the phones presented (${preview.certificates.length}); compare each with the phone's web page:`,
      table(
        ['Name', 'Address', 'SHA-256 fingerprint'],
        preview.certificates.map((certificate) => [
          certificate.name,
          certificate.url,
          certificate.fingerprint,
        ]),
      ),
      '',
      'To accept them: --accept FINGERPRINT for each, or --accept-listed-certificates for all listed.',
    );
  }
  if (preview.cancelled) parts.push('', 'Cancelled: rows after the ones in hand were not tried.');
  return parts.join('\n');
}

/** What an import did: added phones and skipped rows with their reasons. */
export function formatImportReport(report: FleetImportReport): string {
  const parts = [`Added ${report.added.length}: ${listOf(report.added) || 'none'}.`];
  if (report.skipped.length > 0) {
    parts.push(
      `Skipped ${report.skipped.length}:`,
      table(
        ['Line', 'Name', 'Reason'],
        report.skipped.map((row) => [String(row.line), row.name || '-', row.reason]),
      ),
    );
  }
  if (report.cancelled) parts.push('Cancelled before every row was tried.');
  return parts.join('\n');
}

function uptime(seconds: number | null): string {
  if (seconds === null) return '-';
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return days > 0 ? `${days}d ${hours}h` : `${hours}h ${minutes}m`;
}

/** The inventory table, then the firmware versions per model. */
export function formatInventory(inventory: FleetInventory): string {
  const rows = table(
    ['Name', 'Group', 'Model', 'Firmware', 'MAC address', 'Uptime', 'Lines'],
    inventory.rows.map((row) => [
      row.name,
      row.group ?? '-',
      row.model ?? '-',
      row.firmware ?? '-',
      row.macAddress ?? '-',
      uptime(row.uptimeSeconds),
      row.problem === null ? linesText(row) || '-' : `not read: ${row.problem}`,
    ]),
  );
  const summary = table(
    ['Model', 'Firmware', 'Phones'],
    firmwareSummary(inventory.rows).map((count) => [
      count.model,
      count.firmware,
      String(count.phones),
    ]),
  );
  const parts = [rows, '', 'Firmware per model:', summary];
  if (inventory.cancelled)
    parts.push('', 'Cancelled: phones after the ones in hand were not read.');
  return parts.join('\n');
}

function quoted(value: string | null): string {
  return value === null ? '(unknown to the phone)' : JSON.stringify(value);
}

/** The per-phone diff: one line per parameter that would change. */
export function formatConfigPlan(plan: FleetConfigPlan): string {
  const lines = plan.phones.flatMap((phone) => {
    if (phone.problem !== null) return [`${phone.name}: cannot be changed: ${phone.problem}`];
    if (phone.changes.length === 0) return [`${phone.name}: already set, nothing to change`];
    return phone.changes.map(
      (change) =>
        `${phone.name}: ${change.name} ${quoted(change.current)}${change.source === null ? '' : ` (${change.source.toLowerCase()})`} → ${JSON.stringify(change.next)}`,
    );
  });
  const changing = plan.phones.filter((phone) => phone.changes.length > 0).length;
  lines.push('', `${changing} of ${plan.phones.length} phones would change.`);
  if (plan.cancelled) lines.push('Cancelled: phones after the ones in hand were not read.');
  return lines.join('\n');
}

/** What a change did to which phone. */
export function formatConfigReport(report: FleetConfigReport): string {
  const lines = [
    `Changed (${report.changed.length}): ${listOf(report.changed) || 'none'}`,
    `Already set (${report.unchanged.length}): ${listOf(report.unchanged) || 'none'}`,
  ];
  if (report.failed !== null) lines.push(`Failed: ${report.failed.name}: ${report.failed.message}`);
  if (report.notAttempted.length > 0) {
    lines.push(`Not attempted (${report.notAttempted.length}): ${listOf(report.notAttempted)}`);
  }
  if (report.cancelled) lines.push('Cancelled.');
  return lines.join('\n');
}

/** What a restart did (or, on a dry run, would do). */
export function formatRestartReport(
  report: FleetRestartReport,
  kind: 'restart' | 'reboot',
): string {
  const verb = kind === 'reboot' ? 'Rebooted' : 'Restarted';
  const lines = [
    `${report.dryRun ? `Would be ${verb.toLowerCase()}` : verb} (${report.done.length}): ${listOf(report.done) || 'none'}`,
  ];
  if (report.skippedInCall.length > 0) {
    lines.push(
      `Left alone, a call is up (${report.skippedInCall.length}): ${listOf(report.skippedInCall)} — --include-in-call to ${kind} them anyway`,
    );
  }
  for (const failure of report.failed) lines.push(`Failed: ${failure.name}: ${failure.message}`);
  if (report.notAttempted.length > 0) {
    lines.push(`Not attempted (${report.notAttempted.length}): ${listOf(report.notAttempted)}`);
  }
  if (report.dryRun) lines.push('Dry run: nothing was restarted.');
  if (report.cancelled) lines.push('Cancelled.');
  return lines.join('\n');
}
