import { describe, expect, it } from 'vitest';

import { parseDialTarget } from '../../src/shared/dial-target';

interface Accepted {
  input: string;
  destination: string;
  type: 'TEL' | 'SIP';
  display?: string;
  postDial?: string;
}

/** Real-world forms: what people type, paste from web pages and mail, and what links carry. */
const accepted: Accepted[] = [
  // typed and pasted numbers
  { input: '1234', destination: '1234', type: 'TEL', display: '1234' },
  {
    input: '+1 (555) 123-4567',
    destination: '+15551234567',
    type: 'TEL',
    display: '+1 555 123 4567',
  },
  {
    input: '555.123.4567 ext. 89',
    destination: '5551234567',
    type: 'TEL',
    display: '555.123.4567 ext. 89',
    postDial: '89',
  },
  { input: '(555) 123-4567 x 12', destination: '5551234567', type: 'TEL', postDial: '12' },
  { input: '555-1234 extension 7', destination: '5551234', type: 'TEL', postDial: '7' },
  {
    input: '+44 (0)20 7946 0018',
    destination: '+442079460018',
    type: 'TEL',
    display: '+44 20 7946 0018',
  },
  { input: '+49 30 123456-789', destination: '+4930123456789', type: 'TEL' },
  { input: '+44 020 7946 0018', destination: '+442079460018', type: 'TEL' },
  { input: '+39 06 1234 5678', destination: '+390612345678', type: 'TEL' },
  { input: '+999 1234', destination: '+9991234', type: 'TEL', display: '+9991234' },
  { input: '  0044 20 7946 0018 ', destination: '00442079460018', type: 'TEL' },
  { input: '\u202A+1 555 123 4567\u202C', destination: '+15551234567', type: 'TEL' },
  { input: '555\u00A0123\u20114567', destination: '5551234567', type: 'TEL' },
  { input: '555 – 123 – 4567', destination: '5551234567', type: 'TEL' },
  { input: '\uFF15\uFF15\uFF15\uFF11\uFF12\uFF13\uFF14', destination: '5551234', type: 'TEL' },
  { input: '+358 9 1234 5678;ext=9', destination: '+358912345678', type: 'TEL', postDial: '9' },
  { input: '*69', destination: '*69', type: 'TEL' },
  { input: '*72#', destination: '*72#', type: 'TEL' },
  { input: '+15551234567,,89', destination: '+15551234567', type: 'TEL', postDial: '89' },
  { input: '5551234567p1234#', destination: '5551234567', type: 'TEL', postDial: '1234#' },
  // tel: links (RFC 3966 and what web pages actually publish)
  { input: 'tel:+15551234567', destination: '+15551234567', type: 'TEL' },
  { input: 'TEL:+1-555-123-4567', destination: '+15551234567', type: 'TEL' },
  { input: 'tel:+1.555.123.4567', destination: '+15551234567', type: 'TEL' },
  { input: 'tel:+1%20(555)%20123-4567', destination: '+15551234567', type: 'TEL' },
  { input: 'tel:%2B15551234567', destination: '+15551234567', type: 'TEL' },
  { input: 'tel://+15551234567', destination: '+15551234567', type: 'TEL' },
  {
    input: 'tel:+1-201-555-0123;ext=1234',
    destination: '+12015550123',
    type: 'TEL',
    display: '+1 201 555 0123 ext. 1234',
    postDial: '1234',
  },
  {
    input: 'tel:+1-201-555-0123;postd=pp22',
    destination: '+12015550123',
    postDial: '22',
    type: 'TEL',
  },
  {
    input: 'tel:863-1234;phone-context=+1-914-555',
    destination: '+19145558631234',
    type: 'TEL',
  },
  { input: 'tel:7042;phone-context=example.com', destination: '7042', type: 'TEL' },
  { input: 'tel:+33-1-23-45-67-89;isub=1411', destination: '+33123456789', type: 'TEL' },
  { input: 'tel:%2A69', destination: '*69', type: 'TEL' },
  { input: 'tel:%2367', destination: '#67', type: 'TEL' },
  { input: '<tel:+15551234567>', destination: '+15551234567', type: 'TEL' },
  // callto: (Skype-era links still on many sites)
  { input: 'callto:+15551234567', destination: '+15551234567', type: 'TEL' },
  { input: 'callto://+4930123456789', destination: '+4930123456789', type: 'TEL' },
  // SIP
  {
    input: 'sip:alice@example.com',
    destination: 'sip:alice@example.com',
    type: 'SIP',
    display: 'alice@example.com',
  },
  { input: 'SIP:Alice@Example.COM', destination: 'sip:Alice@example.com', type: 'SIP' },
  {
    input: 'sips:bob@pbx.example.org:5061',
    destination: 'sips:bob@pbx.example.org:5061',
    type: 'SIP',
  },
  {
    input: 'sip:1001@192.168.1.10;transport=TCP',
    destination: 'sip:1001@192.168.1.10;transport=tcp',
    type: 'SIP',
  },
  {
    input: 'sip:+15551234567@carrier.example.net;user=phone',
    destination: 'sip:+15551234567@carrier.example.net',
    type: 'SIP',
  },
  {
    input: 'sip:alice@example.com?subject=hello',
    destination: 'sip:alice@example.com',
    type: 'SIP',
  },
  {
    input: 'sip:john.smith@[2001:db8::10]',
    destination: 'sip:john.smith@[2001:db8::10]',
    type: 'SIP',
  },
  { input: 'sip:%61lice@example.com', destination: 'sip:alice@example.com', type: 'SIP' },
  { input: '<sip:alice@example.com>', destination: 'sip:alice@example.com', type: 'SIP' },
  { input: 'alice@example.com', destination: 'sip:alice@example.com', type: 'SIP' },
  { input: 'sip:*97@pbx', destination: 'sip:*97@pbx', type: 'SIP' },
  {
    input: 'sip:anna@bücher.example',
    destination: 'sip:anna@xn--bcher-kva.example',
    type: 'SIP',
  },
];

/** Hostile or broken forms, with a word the refusal message must contain. */
const refused: { input: string; mentions: RegExp }[] = [
  { input: '', mentions: /empty/ },
  { input: '   ', mentions: /empty/ },
  { input: 'javascript:alert(1)', mentions: /"javascript:" link/ },
  { input: 'http://evil.example/dial?n=1', mentions: /"http:" link/ },
  { input: 'file:///etc/passwd', mentions: /"file:" link/ },
  { input: 'data:text/html,<script>', mentions: /"data:" link/ },
  { input: 'tel:5551234;rm -rf /', mentions: /malformed parameter/ },
  { input: '5551234; rm -rf ~', mentions: /";"/ },
  { input: '5551234 && reboot', mentions: /"&"/ },
  { input: '$(reboot)', mentions: /"\$"/ },
  { input: '`id`', mentions: /"`"/ },
  { input: '5551234|nc evil 80', mentions: /"\|"/ },
  { input: '555\n1234', mentions: /control character/ },
  { input: 'tel:+15551234567%0D%0AVia:evil', mentions: /control character/ },
  { input: 'sip:alice@example.com%0d%0aContact:x', mentions: /control character/ },
  { input: 'tel:555%00', mentions: /control character/ },
  { input: 'tel:555\u0007', mentions: /control character/ },
  { input: 'tel:%E0%A4%A', mentions: /badly URL-encoded/ },
  { input: 'tel:javascript:alert(1)', mentions: /":"/ },
  { input: '1-800-FLOWERS', mentions: /1-800-3569377/ },
  { input: 'tel:CALLNOW', mentions: /letters/ },
  { input: '+1 555 123 4567 (mobile)', mentions: /is not a phone number: it contains letters/ },
  { input: '555 ٥٥٥ 1234', mentions: /"٥", which is not part of a phone number/ },
  { input: 'tel:+15551234567?body=x', mentions: /"\?"/ },
  { input: 'callto:echo123', mentions: /letters/ },
  { input: '+1 555 +123', mentions: /"\+" may only start/ },
  { input: '+1234567890123456', mentions: /at most 15 digits/ },
  { input: '1'.repeat(40), mentions: /40 digits/ },
  { input: `tel:+1${'0'.repeat(300)}`, mentions: /characters long/ },
  { input: '---', mentions: /only separators/ },
  { input: '+*1', mentions: /only digits after/ },
  { input: 'tel:+1-201-555-0123;ext=12ab', mentions: /extension/ },
  { input: 'tel:863-1234;phone-context=not a domain', mentions: /phone-context/ },
  { input: 'sip:alice', mentions: /no host/ },
  { input: 'sip:@example.com', mentions: /no user/ },
  { input: 'sip:alice:secret@example.com', mentions: /password/ },
  { input: 'sip:alice@exa_mple.com', mentions: /not a valid SIP host/ },
  { input: 'sip:alice@-bad-.com', mentions: /not a valid SIP host/ },
  { input: 'sip:alice@999.1.1.1', mentions: /not a valid SIP host/ },
  { input: 'sip:alice@example.com:99999', mentions: /outside 1-65535/ },
  { input: 'sip:alice@example.com:0', mentions: /outside 1-65535/ },
  { input: 'sip:alice@exämple com', mentions: /not a valid SIP host/ },
  { input: 'sip:alice@‥evil', mentions: /not a valid SIP host/ },
  { input: 'sip:alice@', mentions: /not a valid SIP host/ },
  { input: 'sip:al ice@example.com', mentions: /U\+0020/ },
  { input: 'sip:<script>@example.com', mentions: /"<"/ },
  { input: 'sip:alice@example.com;transport=carrier-pigeon', mentions: /transport/ },
  { input: 'sip:alice@example.com;x=<y>', mentions: /malformed parameter/ },
  { input: `sip:${'a'.repeat(65)}@example.com`, mentions: /65 characters/ },
  { input: 'sip:alice@evil.com@example.com', mentions: /"@"/ },
  { input: 'mailto:alice@example.com', mentions: /"mailto:" link/ },
];

describe('parseDialTarget accepts real-world numbers and links', () => {
  it.each(accepted)('$input', ({ input, destination, type, display, postDial }) => {
    const result = parseDialTarget(input);
    expect(result).toMatchObject({ ok: true, value: { destination, type } });
    if (!result.ok) return;
    if (display !== undefined) expect(result.value.display).toBe(display);
    expect(result.value.postDial).toBe(postDial);
  });
});

describe('parseDialTarget refuses what is not a number or SIP address', () => {
  it.each(refused)('$input', ({ input, mentions }) => {
    const result = parseDialTarget(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(mentions);
  });

  it('never passes a destination outside the dialable alphabet, whatever the input', () => {
    const nasty = ['\u0000', '\r\n', '%0a', '"', "'", '<', '>', '\\', '{', '}', ';', '|', '&'];
    for (const prefix of ['', 'tel:', 'sip:', 'callto:']) {
      for (const junk of nasty) {
        for (const input of [`${prefix}555${junk}1234`, `${prefix}a${junk}b@example.com`]) {
          const result = parseDialTarget(input);
          if (!result.ok) continue;
          expect(result.value.destination).toMatch(
            /^(\+?[0-9*#]+|sips?:[A-Za-z0-9._~+*-]+@[a-z0-9.\-[\]:]+(;transport=[a-z]+)?)$/,
          );
        }
      }
    }
  });

  it('answers a non-string (from untyped callers) with a refusal, not a crash', () => {
    const result = parseDialTarget(42 as unknown as string);
    expect(result).toEqual({ ok: false, message: 'Nothing to dial: the number is not text.' });
  });
});
