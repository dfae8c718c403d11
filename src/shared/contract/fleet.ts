/**
 * `fleet.*`: many phones at once — import them from a CSV file, read their inventory, change a
 * configuration on a selection, restart or reboot a selection. Every operation runs as a job
 * named by the caller (`jobId`): the core reports its progress as 'fleet-progress' events under
 * that id, `fleet.cancel` stops it, and its request answers once it has ended, saying exactly
 * what was done to which phone.
 */
import { z } from 'zod';

import { MAX_FLEET_CONFIG_VALUES, MAX_FLEET_CSV_CHARS, MAX_FLEET_PHONES } from '../fleet-limits';
import { certificateFingerprint, configName, phoneGroup, phoneId } from '../value-rules';
import { action, verb } from './define';

/** Chosen by the caller, so progress events and a cancel can name the job before it answers. */
export const fleetJobId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'a job id has 1 to 64 letters, digits, - or _');

/** A phone as a fleet report names it. */
export interface FleetPhoneRef {
  phoneId: string;
  name: string;
}

/** What happened to one phone that did not go as asked, in words. */
export interface FleetPhoneProblem extends FleetPhoneRef {
  message: string;
}

export type FleetOperation =
  'preview-import' | 'import' | 'inventory' | 'preview-config' | 'apply-config' | 'restart';

/** One step of a job: emitted as 'fleet-progress' when a phone is done (and at the start). */
export interface FleetProgress {
  jobId: string;
  operation: FleetOperation;
  /** Phones (or rows) dealt with so far, and in all. */
  done: number;
  total: number;
  /** What is being done now, in words ("Restarting Desk 12 (3 of 40)"), or null at the end. */
  current: string | null;
  /** The job has ended (finished, stopped at a failure or cancelled). */
  ended: boolean;
}

// ---------------------------------------------------------------------------------------------
// Import

/** One row of an import file as the preview judges it. */
export interface FleetImportRow {
  /** The row's line in the file (the header is line 1). */
  line: number;
  name: string;
  url: string;
  group: string | null;
  /** 'add': will be added; 'skip': will not, `reason` says why. */
  action: 'add' | 'skip';
  reason: string | null;
  /** SHA-256 fingerprint of the certificate the phone presented (HTTPS); null otherwise. */
  fingerprint: string | null;
  /**
   * Whether the phone's credentials were tried: false for a certificate not accepted yet (no
   * password is sent before), so model, firmware and admin are not known yet either.
   */
  checked: boolean;
  model: string | null;
  firmware: string | null;
  /** Whether the row's credentials give admin access (fleet changes need it). */
  admin: boolean;
}

/** A certificate the user accepts for the import: listed together, each with its fingerprint. */
export interface FleetCertificate {
  url: string;
  name: string;
  fingerprint: string;
}

export interface FleetImportPreview {
  rows: FleetImportRow[];
  /** Certificates the phones to add presented, to accept before importing. */
  certificates: FleetCertificate[];
  cancelled: boolean;
}

export interface FleetImportReport {
  added: FleetPhoneRef[];
  /** Rows not added, each with its line and reason. */
  skipped: { line: number; name: string; reason: string }[];
  cancelled: boolean;
}

const importFile = {
  jobId: fleetJobId,
  /**
   * The CSV text: a header row naming name, address (or url) and optionally group, username and
   * password.
   */
  csv: z
    .string()
    .min(1, 'the file is empty')
    .max(MAX_FLEET_CSV_CHARS, `an import file has at most ${MAX_FLEET_CSV_CHARS} characters`),
  /** One credential for every row without a password column; each row's own password wins. */
  username: z.string().min(1).max(128).optional(),
  password: z.string().max(256).optional(),
  /** Every row without a group column value joins this group. */
  group: phoneGroup.optional(),
};

/** Certificates the user accepted for an import, each by its SHA-256 fingerprint. */
const acceptFingerprints = z.array(certificateFingerprint).max(MAX_FLEET_PHONES);

// ---------------------------------------------------------------------------------------------
// Inventory

export interface FleetInventoryLine {
  line: number;
  address: string;
  registration: string;
}

/** One phone as the inventory shows it; a phone that could not be read says why in `problem`. */
export interface FleetInventoryRow extends FleetPhoneRef {
  group: string | null;
  url: string;
  model: string | null;
  firmware: string | null;
  macAddress: string | null;
  lines: FleetInventoryLine[];
  uptimeSeconds: number | null;
  problem: string | null;
}

export interface FleetInventory {
  rows: FleetInventoryRow[];
  cancelled: boolean;
}

// ---------------------------------------------------------------------------------------------
// Configuration

/** One parameter of one phone: what it is now, where that comes from, and what it would become. */
export interface FleetConfigChange {
  name: string;
  /** null: the phone does not know the parameter. */
  current: string | null;
  source: string | null;
  next: string;
}

/** What a fleet change would do to one phone: only parameters whose value differs are listed. */
export interface FleetConfigDiff extends FleetPhoneRef {
  changes: FleetConfigChange[];
  /** The phone could not be read (offline, no admin access…): it would not be changed. */
  problem: string | null;
}

export interface FleetConfigPlan {
  phones: FleetConfigDiff[];
  cancelled: boolean;
}

export interface FleetConfigReport {
  /** Phones changed and read back with the new values. */
  changed: FleetPhoneRef[];
  /** Phones that already had every value. */
  unchanged: FleetPhoneRef[];
  /** The failure that stopped the change, or null. */
  failed: FleetPhoneProblem | null;
  /** Phones not touched because the change stopped (failure or cancel). */
  notAttempted: FleetPhoneRef[];
  cancelled: boolean;
}

const selection = z
  .array(phoneId)
  .min(1, 'choose at least one phone')
  .max(MAX_FLEET_PHONES, `choose at most ${MAX_FLEET_PHONES} phones`);

const configValues = z
  .record(configName, z.string().max(4096))
  .refine((values) => Object.keys(values).length >= 1, 'give at least one parameter')
  .refine(
    (values) => Object.keys(values).length <= MAX_FLEET_CONFIG_VALUES,
    `give at most ${MAX_FLEET_CONFIG_VALUES} parameters`,
  );

// ---------------------------------------------------------------------------------------------
// Restart

export type FleetRestartKind = 'restart' | 'reboot';

export interface FleetRestartReport {
  /** Phones asked to restart or reboot (or that would be, on a dry run). */
  done: FleetPhoneRef[];
  /** Phones left alone because a call was up on them. */
  skippedInCall: FleetPhoneRef[];
  failed: FleetPhoneProblem[];
  notAttempted: FleetPhoneRef[];
  cancelled: boolean;
  dryRun: boolean;
}

export const fleet = {
  /**
   * Reads the file and tries each row's phone; adds nothing. Credentials go only to a phone
   * whose certificate is in `acceptFingerprints` (or over plain HTTP): before that a row shows
   * the certificate to accept, and its password, model and firmware are checked once it is.
   */
  previewImport: verb(
    z.strictObject({ ...importFile, acceptFingerprints: acceptFingerprints.optional() }),
  ).returns<FleetImportPreview>(),
  /** Adds the rows the preview would add, pinning the certificates accepted here. */
  import: verb(z.strictObject({ ...importFile, acceptFingerprints })).returns<FleetImportReport>(),
  inventory: verb(
    z.strictObject({ jobId: fleetJobId, phoneIds: selection.optional() }),
  ).returns<FleetInventory>(),
  /** Reads the selection's current values: the per-phone diff, nothing changed. */
  previewConfig: verb(
    z.strictObject({ jobId: fleetJobId, phoneIds: selection, values: configValues }),
  ).returns<FleetConfigPlan>(),
  /** Changes one phone first, then the rest, stopping at the first failure. */
  applyConfig: verb(
    z.strictObject({ jobId: fleetJobId, phoneIds: selection, values: configValues }),
  ).returns<FleetConfigReport>(),
  /** One phone after another, `staggerSeconds` apart; a phone in a call only with `includeInCall`. */
  restart: verb(
    z.strictObject({
      jobId: fleetJobId,
      phoneIds: selection,
      kind: z.enum(['restart', 'reboot']),
      staggerSeconds: z.number().int().min(0).max(600),
      includeInCall: z.boolean(),
      dryRun: z.boolean(),
    }),
  ).returns<FleetRestartReport>(),
  /** Stops a running job after the phone in hand; no error if it has already ended. */
  cancel: action(z.strictObject({ jobId: fleetJobId })),
};
