/**
 * The fleet's inventory: each phone's model, firmware, MAC address, lines and uptime, read
 * fresh through its own session a few phones at a time. A phone that cannot be read says why in
 * its row; the others carry on.
 */
import type { FleetInventory, FleetInventoryRow } from '../../../shared/contract/fleet';
import type { FailureLog } from '../../ground/contract-error';
import { eachBounded, FLEET_CONCURRENCY, type FleetJob } from './fleet-jobs';
import { problemText, type FleetPhones, type SelectedPhone } from './fleet-phones';

function emptyRow(phone: SelectedPhone, problem: string): FleetInventoryRow {
  return {
    phoneId: phone.phoneId,
    name: phone.name,
    group: phone.info.group,
    url: phone.info.url,
    model: null,
    firmware: null,
    macAddress: null,
    lines: [],
    uptimeSeconds: null,
    problem,
  };
}

/** Reads the inventory of `selection`, in its order. */
export async function readInventory(
  phones: FleetPhones,
  selection: readonly SelectedPhone[],
  job: FleetJob,
  log: FailureLog,
): Promise<FleetInventory> {
  const rows = new Map<string, FleetInventoryRow>();
  await eachBounded(selection, FLEET_CONCURRENCY, job, async (phone) => {
    job.report(`Reading ${phone.name}`);
    try {
      const facts = await phones.session(phone.phoneId).device.inventory();
      rows.set(phone.phoneId, { ...emptyRow(phone, ''), ...facts, problem: null });
    } catch (error) {
      rows.set(phone.phoneId, emptyRow(phone, problemText(error, 'fleet.inventory', log)));
    }
    job.step(`Read ${phone.name}`);
  });
  return {
    rows: selection.map(
      (phone) =>
        rows.get(phone.phoneId) ?? emptyRow(phone, 'Not read: the inventory was cancelled.'),
    ),
    cancelled: job.cancelled,
  };
}
