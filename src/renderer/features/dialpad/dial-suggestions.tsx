import { useEffect } from 'react';
import { contactMatches } from '../../lib/phone-numbers';
import { useNumberFormat } from '../../lib/format-number';
import { useAppStore, useStores } from '../../stores/stores-context';

/** How many suggestions show at most. */
const MAX_SUGGESTIONS = 5;

interface Suggestion {
  number: string;
  name: string;
}

/** What `query` (two characters or more) matches: contacts' numbers, then recent calls'. */
function suggestionsFor(
  query: string,
  contacts: ReturnType<typeof useContacts>,
  history: ReturnType<typeof useHistory>,
): Suggestion[] {
  const needle = query.trim();
  if (needle.length < 2) return [];
  const found: Suggestion[] = [];
  const seen = new Set<string>([needle]);
  const offer = (number: string, name: string) => {
    if (number === '' || seen.has(number) || found.length >= MAX_SUGGESTIONS) return;
    seen.add(number);
    found.push({ number, name });
  };
  for (const contact of contacts.filter((candidate) => contactMatches(candidate, needle))) {
    for (const entry of contact.numbers) offer(entry.dialable ?? entry.number, contact.name);
  }
  const digits = needle.replace(/\D/g, '');
  const lower = needle.toLowerCase();
  for (const entry of history) {
    const byName = entry.remoteName.toLowerCase().includes(lower);
    const byNumber = digits !== '' && entry.remoteNumber.replace(/\D/g, '').includes(digits);
    if (byName || byNumber) offer(entry.remoteNumber, entry.remoteName);
  }
  return found;
}

const useContacts = () => useAppStore('contacts', (state) => state.contacts);

/**
 * The recent calls of every phone, read from the phones when a suggestion is wanted and they were
 * never read in this window or a call ended since (History reads them whenever it is opened).
 */
function useHistory(wanted: boolean) {
  const stores = useStores();
  const entries = useAppStore('history', (state) => state.entries);
  const unread = useAppStore('history', (state) => state.phase === 'idle' || state.stale);
  useEffect(() => {
    if (!wanted || !unread) return;
    const phones = stores.phones
      .getState()
      .phones.map((phone) => ({ id: phone.info.id, name: phone.info.name }));
    if (phones.length > 0) void stores.history.getState().load(phones);
  }, [wanted, unread, stores]);
  return entries;
}

/**
 * Suggestions under a number field as the user types, by name or number: contacts first, then
 * recent calls. Choosing one puts its number in the field.
 */
export function DialSuggestions({
  query,
  onPick,
  label,
}: {
  query: string;
  onPick: (number: string) => void;
  label: string;
}) {
  const formatNumber = useNumberFormat();
  const suggestions = suggestionsFor(query, useContacts(), useHistory(query.trim().length >= 2));
  if (suggestions.length === 0) return null;
  return (
    <ul className="dial-suggestions" aria-label={label}>
      {suggestions.map((suggestion) => (
        <li key={suggestion.number}>
          <button type="button" className="quiet" onClick={() => onPick(suggestion.number)}>
            <span className="suggestion-name">
              {suggestion.name || formatNumber(suggestion.number)}
            </span>{' '}
            <span className="suggestion-number">{formatNumber(suggestion.number)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
