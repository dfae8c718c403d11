import { useAppStore } from '../../stores/stores-context';
import { selectedPhone } from '../../stores/phones-store';
import { StatusIndicator } from './status-indicator';

/** Chooses which phone the dial pad, calls and history work with; shows its status. */
export function PhonePicker() {
  const phones = useAppStore('phones', (state) => state.phones);
  const selected = useAppStore('phones', selectedPhone);
  const select = useAppStore('phones', (state) => state.select);
  if (!selected) return null;
  return (
    <div className="phone-picker">
      {phones.length > 1 ? (
        <label>
          <span className="visually-hidden">Phone</span>
          <select value={selected.info.id} onChange={(event) => select(event.target.value)}>
            {phones.map((phone) => (
              <option key={phone.info.id} value={phone.info.id}>
                {phone.info.name}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <span className="phone-name">{selected.info.name}</span>
      )}
      <StatusIndicator phone={selected} />
    </div>
  );
}
