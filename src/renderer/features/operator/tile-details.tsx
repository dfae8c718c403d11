import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Call, PhoneSnapshot } from '../../../shared/domain';
import { GROUP_NAME_MAX } from '../../lib/phone-groups';
import { useStores } from '../../stores/stores-context';
import { describeLines } from './operator-model';
import { TileCallButtons, TileCallLine, type TileCallActions } from './tile-call';

/**
 * A tile's "More" panel: every call of the phone with its buttons, the phone's status in words,
 * and its group (pick an existing one or type a new one; empty takes it out of its group).
 */
export function TileDetails({
  phone,
  calls,
  now,
  canAct,
  groups,
  pending,
  actions,
  otherTalking,
  onClose,
}: {
  phone: PhoneSnapshot;
  calls: Call[];
  now: number;
  canAct: boolean;
  groups: string[];
  pending: Record<string, string>;
  actions: TileCallActions;
  otherTalking: (handle: string) => boolean;
  onClose: () => void;
}) {
  const stores = useStores();
  const formId = useId();
  const [group, setGroup] = useState(phone.info.group ?? '');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  // Modal, so it sits above every tile (the grid clips what overflows it), keeps focus inside,
  // closes on Escape and gives focus back to the More button.
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  const { name } = phone.info;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const wanted = group.trim();
    setSaving(true);
    const refused = await stores.phones
      .getState()
      .setGroup(phone.info.id, wanted === '' ? null : wanted);
    setSaving(false);
    setProblem(refused);
    if (refused === null) dialog.current?.close();
  };

  return (
    <dialog
      ref={dialog}
      className="tile-details"
      aria-label={`${name}: calls and group`}
      onClose={onClose}
    >
      <p className="tile-details-status">
        {phone.status.message}
        {describeLines(phone) !== '' && ` · ${describeLines(phone)} registered`}
      </p>
      {calls.length === 0 ? (
        <p className="tile-quiet">No calls on this phone.</p>
      ) : (
        <ul className="tile-details-calls">
          {calls.map((call) => (
            <li key={call.handle}>
              <TileCallLine call={call} now={Math.max(now, call.observedAt)} />
              {canAct && (
                <TileCallButtons
                  phoneId={phone.info.id}
                  call={call}
                  otherTalking={otherTalking(call.handle)}
                  pending={pending[call.handle]}
                  actions={actions}
                  tabbable
                />
              )}
            </li>
          ))}
        </ul>
      )}
      <form className="tile-group-form" onSubmit={(event) => void save(event)}>
        <label>
          Group
          <input
            value={group}
            list={`${formId}-groups`}
            maxLength={GROUP_NAME_MAX}
            autoComplete="off"
            aria-invalid={problem !== null}
            aria-describedby={problem === null ? undefined : `${formId}-problem`}
            onChange={(event) => setGroup(event.target.value)}
          />
        </label>
        <datalist id={`${formId}-groups`}>
          {groups.map((known) => (
            <option key={known} value={known} />
          ))}
        </datalist>
        <button type="submit" disabled={saving}>
          {saving ? 'Saving…' : 'Save group'}
        </button>
        <button type="button" className="quiet" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </form>
      {problem !== null && (
        <p className="field-error" id={`${formId}-problem`} role="alert">
          {problem}
        </p>
      )}
    </dialog>
  );
}
