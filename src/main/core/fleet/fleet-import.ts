/**
 * Importing phones from a CSV file: every row judged (import-rows.ts), the rows that pass tried
 * with the connection test a phone added by hand gets, a few at a time. A password is sent only
 * to a phone whose certificate the user accepted (or over plain HTTP, which the user chose): until
 * then a row shows the certificate to accept. Only rows whose certificate was accepted are added,
 * each through the phone manager, so its password is stored as every password is.
 */
import type {
  FleetCertificate,
  FleetImportPreview,
  FleetImportReport,
  FleetImportRow,
} from '../../../shared/contract/fleet';
import type { ConnectionTestResult } from '../../../shared/contract/phones';
import type { FailureLog } from '../../ground/contract-error';
import { normaliseFingerprint } from '../../vvx/pinned-connector';
import { testConnection } from '../../vvx/connection-test';
import { eachBounded, FLEET_CONCURRENCY, type FleetJob } from './fleet-jobs';
import { problemText, type FleetPhones } from './fleet-phones';
import type { ImportCandidate } from './import-rows';

/** What trying one row found: `checked` false while its certificate is not accepted. */
interface Probe {
  fingerprint: string | null;
  checked: boolean;
  model: string | null;
  firmware: string | null;
  admin: boolean;
  problem: string | null;
}

/**
 * Tries a row's phone: first without credentials over HTTPS (the phone names its certificate,
 * nothing is sent), then, if that certificate was accepted, with them.
 */
async function probe(row: ImportCandidate, accepted: ReadonlySet<string>): Promise<Probe> {
  const login = { url: row.url, username: row.username, password: row.password };
  const first = await testConnection(login);
  if (first.attention !== 'certificate-unknown' || first.fingerprint === null)
    return outcome(first);
  const fingerprint = normaliseFingerprint(first.fingerprint);
  if (!accepted.has(fingerprint)) return unchecked(fingerprint, null);
  return outcome(await testConnection({ ...login, acceptFingerprint: fingerprint }));
}

/** What a connection test with the row's credentials found. */
function outcome(result: ConnectionTestResult): Probe {
  return {
    fingerprint: result.fingerprint,
    checked: true,
    model: result.model,
    firmware: result.firmware,
    admin: result.admin,
    problem: result.ok ? null : result.message,
  };
}

/** A row whose credentials were not tried: its certificate awaits acceptance, or it failed first. */
function unchecked(fingerprint: string | null, problem: string | null): Probe {
  return { fingerprint, checked: false, model: null, firmware: null, admin: false, problem };
}

function previewRow(
  row: ImportCandidate,
  found: Probe | null,
  reason: string | null,
): FleetImportRow {
  return {
    line: row.line,
    name: row.name,
    url: row.url,
    group: row.group,
    action: reason === null ? 'add' : 'skip',
    reason,
    fingerprint: found?.fingerprint ?? null,
    checked: found?.checked ?? false,
    model: found?.model ?? null,
    firmware: found?.firmware ?? null,
    admin: found?.admin ?? false,
  };
}

/** The fleet's import: a preview that adds nothing, and the import itself. */
export class FleetImport {
  constructor(
    private readonly phones: FleetPhones,
    private readonly log: FailureLog,
  ) {}

  /** Tries every row that passed its checks (readImportRows); adds nothing. */
  async preview(
    candidates: readonly ImportCandidate[],
    acceptFingerprints: readonly string[],
    job: FleetJob,
  ): Promise<FleetImportPreview> {
    const rows = await this.tryRows(
      candidates,
      acceptFingerprints,
      job,
      'preview',
      async () => undefined,
    );
    const certificates: FleetCertificate[] = rows.flatMap((row) =>
      row.action === 'add' && row.fingerprint !== null
        ? [{ url: row.url, name: row.name, fingerprint: row.fingerprint }]
        : [],
    );
    return { rows, certificates, cancelled: job.cancelled };
  }

  /** Adds every row that passes and whose certificate was accepted (or that uses plain HTTP). */
  async import(
    candidates: readonly ImportCandidate[],
    acceptFingerprints: readonly string[],
    job: FleetJob,
  ): Promise<FleetImportReport> {
    const added: (FleetImportReport['added'][number] & { line: number })[] = [];
    const rows = await this.tryRows(
      candidates,
      acceptFingerprints,
      job,
      'import',
      async (row, found) => {
        if (!found.checked) {
          return `Its certificate (SHA-256 ${found.fingerprint ?? 'unknown'}) was not accepted.`;
        }
        try {
          const phone = await this.phones.add({
            name: row.name,
            url: row.url,
            username: row.username,
            password: row.password,
            pinnedFingerprint: found.fingerprint,
            group: row.group,
          });
          added.push({ line: row.line, phoneId: phone.id, name: phone.name });
          return undefined;
        } catch (error) {
          return problemText(error, 'fleet.import', this.log);
        }
      },
    );
    const skipped = rows
      .filter((row) => row.action === 'skip')
      .map((row) => ({ line: row.line, name: row.name, reason: row.reason ?? '' }));
    // Rows are tried a few at a time; the report lists them in the file's order.
    added.sort((a, b) => a.line - b.line);
    return {
      added: added.map(({ phoneId, name }) => ({ phoneId, name })),
      skipped,
      cancelled: job.cancelled,
    };
  }

  /**
   * Every row with its verdict: judged, then tried a few at a time; `then` acts on a row that
   * passed and may name a reason it was skipped after all.
   */
  private async tryRows(
    candidates: readonly ImportCandidate[],
    acceptFingerprints: readonly string[],
    job: FleetJob,
    what: 'preview' | 'import',
    then: (row: ImportCandidate, found: Probe) => Promise<string | undefined>,
  ): Promise<FleetImportRow[]> {
    const accepted = new Set(acceptFingerprints.map(normaliseFingerprint));
    const passing = candidates.filter((row) => row.reason === null);
    const verdicts = new Map<ImportCandidate, FleetImportRow>();
    const started = await eachBounded(passing, FLEET_CONCURRENCY, job, async (row) => {
      job.report(`Trying ${row.name}`);
      let found: Probe;
      try {
        found = await probe(row, accepted);
      } catch (error) {
        found = unchecked(null, problemText(error, `fleet.${what}`, this.log));
      }
      const reason = found.problem ?? (await then(row, found)) ?? null;
      verdicts.set(row, previewRow(row, found, reason));
      job.step(`Tried ${row.name}`);
    });
    passing.forEach((row, index) => {
      if (!started[index]) {
        verdicts.set(row, previewRow(row, null, `Not tried: the ${what} was cancelled.`));
      }
    });
    return candidates.map((row) => verdicts.get(row) ?? previewRow(row, null, row.reason));
  }
}
