import type { PhoneSnapshot } from '../../../shared/domain';
import { describePresence, phonePresence } from './phone-presence';

/** A coloured dot plus the status in words, e.g. "● Online". */
export function StatusIndicator({ phone }: { phone: Pick<PhoneSnapshot, 'status' | 'calls'> }) {
  const presence = phonePresence(phone);
  return (
    <span className={`status status-${presence}`}>
      <span className="status-dot" aria-hidden="true" />
      {describePresence(presence)}
    </span>
  );
}
