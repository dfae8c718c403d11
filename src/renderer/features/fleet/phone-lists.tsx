import type { FleetPhoneProblem, FleetPhoneRef } from '../../../shared/contract/fleet';

/** A report's list of phones under its heading with their count; nothing when empty. */
export function PhoneList({ title, phones }: { title: string; phones: readonly FleetPhoneRef[] }) {
  if (phones.length === 0) return null;
  return (
    <div className="fleet-list">
      <h3>
        {title} ({phones.length})
      </h3>
      <ul aria-label={title}>
        {phones.map((phone) => (
          <li key={phone.phoneId}>{phone.name}</li>
        ))}
      </ul>
    </div>
  );
}

/** Phones with what went wrong on each, in words. */
export function ProblemList({
  title,
  problems,
}: {
  title: string;
  problems: readonly FleetPhoneProblem[];
}) {
  if (problems.length === 0) return null;
  return (
    <div className="fleet-list fleet-problems">
      <h3>
        {title} ({problems.length})
      </h3>
      <ul aria-label={title}>
        {problems.map((problem) => (
          <li key={problem.phoneId}>
            {problem.name}: {problem.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
