import type { Call, PhoneStatus } from '../../shared/domain';

/** One line about a phone's health, then what it is. */
export function formatStatus(status: PhoneStatus): string {
  const what = [status.model, status.firmware && `firmware ${status.firmware}`, status.macAddress]
    .filter(Boolean)
    .join(', ');
  return `${status.health}: ${status.message}${what ? `\n${what}` : ''}`;
}

/** One line per call: handle, line, state, direction, other party, duration. */
export function formatCalls(calls: Call[]): string {
  if (calls.length === 0) return 'No calls.';
  return calls
    .map((call) => {
      const party = call.remoteName
        ? `${call.remoteName} <${call.remoteNumber}>`
        : call.remoteNumber;
      const flags = [
        call.active ? 'active' : '',
        call.muted ? 'muted' : '',
        call.heldByFarEnd ? 'held by the other side' : '',
      ]
        .filter(Boolean)
        .join(' ');
      return `${call.handle}  line ${call.line}  ${call.state}  ${call.direction}  ${party}  ${call.durationSeconds}s${flags ? `  ${flags}` : ''}`;
    })
    .join('\n');
}
