/**
 * What each maintenance action does to the phone and to Deskpilot's access, said before it runs
 * (in its confirmation) and after (in the progress line), in the same words.
 */
import {
  FACTORY_ADMIN_PASSWORD,
  resetsAdminPassword,
  type Call,
  type ConfigResetScope,
} from '../../../../shared/domain';
import { describeCallState } from '../../../lib/call-state';
import { count } from '../../../lib/count';

const LOCKED_OUT = `The phone's admin password goes back to the factory one (${FACTORY_ADMIN_PASSWORD}), so Deskpilot, which signs in with the password you gave it, is locked out until someone sets a new admin password on the phone and enters it here under Phones > Edit.`;
const ACCESS_KEPT =
  'Deskpilot keeps its access: the admin password is a device setting and is not touched.';

const RESET_ERASES: Record<ConfigResetScope, string> = {
  all: 'every setting made on the phone, in its web page and through Deskpilot (local, web and device settings: network, provisioning server and passwords included)',
  local: 'the settings made on the phone itself and through Deskpilot',
  web: "the settings made in the phone's web page",
  device: 'the device settings: network, provisioning server, and the admin and user passwords',
};

/** The confirmation of a configuration reset: what the phone loses, and what Deskpilot loses. */
export function resetWarning(scope: ConfigResetScope): { phone: string; access: string } {
  return {
    phone: `This erases ${RESET_ERASES[scope]}. It cannot be undone.`,
    access: resetsAdminPassword(scope) ? LOCKED_OUT : ACCESS_KEPT,
  };
}

/** What a configuration reset did, once the phone accepted it. */
export function resetDone(scope: ConfigResetScope): string {
  const erased = `The ${scope === 'all' ? 'whole' : scope} configuration was reset, erasing ${RESET_ERASES[scope]}.`;
  return resetsAdminPassword(scope)
    ? `${erased} The phone's admin password is now the factory one (${FACTORY_ADMIN_PASSWORD}), so Deskpilot can no longer sign in: set a new admin password on the phone (Settings > Change Password, or its web page), then enter it under Phones > Edit.`
    : `${erased} Deskpilot's access is unchanged.`;
}

/** What a restart or reboot does to the calls on the phone now, named one by one. */
export function callsWarning(calls: readonly Call[]): string {
  if (calls.length === 0) return 'No call is in progress on this phone right now.';
  const named = calls
    .map(
      (call) =>
        `${call.remoteName || call.remoteNumber} (${describeCallState(call).toLowerCase()})`,
    )
    .join(', ');
  return `It ends the ${count(calls.length, 'call')} on this phone at once, held calls included: ${named}.`;
}

/** What became of the calls a restart ended, for the message once the phone is back. */
export function callsEnded(ended: number): string {
  if (ended === 0) return '';
  return ` The ${count(ended, 'call')} in progress ${ended === 1 ? 'was' : 'were'} ended.`;
}
