import { describe, expect, it } from 'vitest';

import { fixture, previewImport as preview } from './fixture';

describe('vCard import preview', () => {
  it('reads an Apple vCard 3.0 export: folding, grouped labels, TYPE params, N vs FN, ORG', () => {
    const result = preview('apple-3.0.vcf');
    expect(result.format).toBe('vcard');
    expect(result.contacts.map((contact) => contact.name)).toEqual([
      'Dr. Alice Q. Smith',
      'Jürgen Müller-Lüdenscheidt',
      'Pizza Place',
    ]);
    const [alice, jurgen, pizza] = result.contacts;
    expect(alice?.company).toBe('Example Corp, Sales');
    expect(alice?.numbers).toEqual([
      { label: 'mobile', number: '+1 (555) 123-4567', dialable: '+15551234567' },
      { label: 'work', number: '+1 555 987 6543 ext. 12', dialable: '+15559876543,12' },
      { label: 'Other', number: '+44 20 7946 0018', dialable: '+442079460018' },
      { label: 'Berlin office', number: '030 1234567', dialable: '0301234567' },
    ]);
    // A number folded across two lines is one number.
    expect(jurgen?.numbers[0]?.dialable).toBe('+493098765432');
    // A card with an empty FN and N falls back to the company.
    expect(pizza).toMatchObject({ company: 'Pizza Place', numbers: [{ dialable: '5550109999' }] });
  });

  it('reports each skipped card with its number and reason', () => {
    const { skipped } = preview('apple-3.0.vcf');
    expect(skipped).toEqual([
      { record: 4, reason: '"Ned Nobody" has no phone number' },
      {
        record: 5,
        reason: expect.stringMatching(
          /^"Reception" has no dialable number: "ask the front desk": .*letters/,
        ),
      },
      { record: 6, reason: '"Dr. Alice Q. Smith" repeats an earlier record of this file' },
      {
        record: 7,
        reason:
          'the card is not written the way vCard files are, so it could not be read (the line "TEL;TYPE="unterminated:+1 555 000 1111" has no readable value)',
      },
    ]);
  });

  it('skips a card cut off before END:VCARD, saying so in words, and keeps the cards around it', () => {
    const content = [
      'BEGIN:VCARD\nVERSION:3.0\nFN:Ada Lovelace\nTEL:+44 20 7946 0001\nEND:VCARD',
      'BEGIN:VCARD\nVERSION:3.0\nFN:Cut Off\nTEL:+44 20 7946 0002',
      'BEGIN:VCARD\nVERSION:3.0\nFN:Charles Babbage\nTEL:+44 20 7946 0003\nEND:VCARD',
      'BEGIN:VCARD\nVERSION:3.0\nFN:Last One\nTEL:+44 20',
    ].join('\n');
    const result = preview('truncated.vcf', content);
    expect(result.contacts.map((contact) => contact.name)).toEqual([
      'Ada Lovelace',
      'Charles Babbage',
    ]);
    expect(result.skipped.map((row) => row.record)).toEqual([2, 4]);
    for (const row of result.skipped) {
      expect(row.reason).toMatch(/^the card is cut off: it has no END:VCARD line/);
      expect(row.reason).not.toMatch(/ical|component/i);
    }
  });

  it('reads vCard 4.0: tel: URIs with ;ext=, quoted TYPE lists and SIP addresses from IMPP', () => {
    const result = preview('nextcloud-4.0.vcf');
    expect(result.contacts[0]).toEqual({
      name: 'Bob Example',
      company: 'ACME Widgets',
      favourite: false,
      numbers: [
        { label: 'home', number: 'tel:+1-555-555-5555;ext=5555', dialable: '+15555555555,5555' },
        { label: 'mobile', number: 'tel:+33-1-23-45-67-89', dialable: '+33123456789' },
        { label: 'SIP', number: 'sip:bob@voip.example.com', dialable: 'sip:bob@voip.example.com' },
      ],
    });
    expect(result.contacts[1]).toMatchObject({
      name: 'Front Desk',
      numbers: [{ dialable: '1234' }],
    });
    expect(result.skipped).toEqual([
      {
        record: 3,
        reason: expect.stringMatching(/^"Carol" has no dialable number: .*"javascript:" link/),
      },
    ]);
  });

  it('reads the 2.1 dialect: bare TYPE params, quoted-printable with soft breaks and charsets', () => {
    const result = preview('outlook-2.1.vcf');
    expect(result.skipped).toEqual([]);
    const [bjorn, rene] = result.contacts;
    expect(bjorn?.name).toBe('Björn Åström');
    expect(bjorn?.company).toBe('Nordisk Teknik, Stockholms kontor och lager');
    expect(bjorn?.numbers.map((number) => [number.label, number.dialable])).toEqual([
      ['mobile', '+46701234567'],
      ['work', '+46812345678'],
      ['fax', '+46812345679'],
    ]);
    // Windows-1252 bytes decoded, and N composed as "given family" when FN is missing.
    expect(rene?.name).toBe('René François');
  });

  it('recognises a vCard by content when the file name says nothing', () => {
    const result = preview('export', fixture('outlook-2.1.vcf'));
    expect(result.format).toBe('vcard');
    expect(result.contacts).toHaveLength(2);
  });

  it('refuses a .vcf file without any card, naming the problem', () => {
    expect(() => preview('empty.vcf', 'hello')).toThrow(/no vCard/);
  });
});
