import { useMemo, useState } from 'react';
import { groupNames } from '../../lib/phone-groups';
import { RadioGroup } from '../../components/fields';
import { count } from '../../lib/count';
import { useAppStore } from '../../stores/stores-context';

type Source = 'selection' | 'group' | 'all';

interface PhoneRecord {
  id: string;
  name: string;
  group: string | null;
}

/**
 * The phones and their groups, read as one string so the view redraws when a phone is added,
 * renamed or regrouped, not on every call event of a thousand phones.
 */
function usePhoneRecords(): PhoneRecord[] {
  const key = useAppStore('phones', (state) =>
    JSON.stringify(state.phones.map(({ info }) => [info.id, info.name, info.group])),
  );
  return useMemo(
    () =>
      (JSON.parse(key) as [string, string, string | null][]).map(([id, name, group]) => ({
        id,
        name,
        group,
      })),
    [key],
  );
}

/** Which phones an action is for: those chosen in the inventory, a group, or every phone. */
export function usePhoneChoice() {
  const phones = usePhoneRecords();
  const selected = useAppStore('fleet', (state) => state.selected);
  const [source, setSource] = useState<Source>('selection');
  const groups = useMemo(() => groupNames(phones), [phones]);
  const [groupChoice, setGroup] = useState<string | null>(null);
  const group = groupChoice !== null && groups.includes(groupChoice) ? groupChoice : groups[0];
  const phoneIds = useMemo(() => {
    if (source === 'selection') return selected;
    if (source === 'all') return phones.map((phone) => phone.id);
    return phones.filter((phone) => phone.group === group).map((phone) => phone.id);
  }, [source, selected, phones, group]);
  return { source, setSource, groups, group, setGroup, phoneIds, selectedCount: selected.length };
}

export type PhoneChoice = ReturnType<typeof usePhoneChoice>;

/** The radios that choose the phones, each saying how many it means. */
export function PhoneChoiceFields({
  choice,
  name,
  onShowInventory,
}: {
  choice: PhoneChoice;
  name: string;
  onShowInventory: () => void;
}) {
  const options: { value: Source; label: string }[] = [
    {
      value: 'selection',
      label: `The ${count(choice.selectedCount, 'phone')} selected in Inventory`,
    },
    ...(choice.groups.length > 0
      ? [{ value: 'group' as const, label: 'Every phone in a group' }]
      : []),
    { value: 'all', label: 'Every phone' },
  ];
  return (
    <div className="fleet-choice">
      <RadioGroup
        legend="Phones"
        name={name}
        value={choice.source}
        options={options}
        onChange={choice.setSource}
      />
      {choice.source === 'group' && choice.group !== undefined && (
        <label>
          Group
          <select value={choice.group} onChange={(event) => choice.setGroup(event.target.value)}>
            {choice.groups.map((group) => (
              <option key={group}>{group}</option>
            ))}
          </select>
        </label>
      )}
      {choice.source === 'selection' && choice.selectedCount === 0 && (
        <p className="hint">
          No phone is selected.{' '}
          <button type="button" className="quiet" onClick={onShowInventory}>
            Choose phones in Inventory
          </button>
        </p>
      )}
    </div>
  );
}
