/**
 * Reading what phones post: the vendor's samples and a real capture's shape, every variation
 * firmware is known for, and the translations the session relies on (state names of all three
 * vocabularies, call references compared as numbers).
 */
import { describe, expect, it } from 'vitest';

import { pushedDirection, pushedHandle, pushedState } from '../../../src/main/push/push-event';
import { readPushBody } from '../../../src/main/push/push-xml';

function events(text: string) {
  const reading = readPushBody(text);
  if (!reading.ok) throw new Error(reading.reason);
  return reading.events;
}

describe('the event reader', () => {
  it('reads the SIP 3.1 guide sample (root PolycomIPPhone, an incoming call)', () => {
    const [event] = events(`<PolycomIPPhone>
<IncomingCallEvent>
<PhoneIP>172.24.132.135</PhoneIP>
<MACAddress>0004f214b89e</MACAddress>
<CallingPartyName>20701</CallingPartyName>
<CallingPartyNumber>20701@172.18.186.94</CallingPartyNumber>
<CalledPartyName>20300</CalledPartyName>
<CalledPartyNumber>20300</CalledPartyNumber>
<TimeStamp>2008-07-11T13:19:53-08:00</TimeStamp>
</IncomingCallEvent>
</PolycomIPPhone>`);
    expect(event).toMatchObject({
      kind: 'incoming',
      phoneIp: '172.24.132.135',
      macAddress: '0004f214b89e',
      callingPartyName: '20701',
      callingPartyNumber: '20701@172.18.186.94',
      calledPartyNumber: '20300',
      callReference: '',
      line: null,
    });
  });

  it('reads CallReference and CallState as attributes or as elements, or from CallInfo alone', () => {
    const info =
      '<CallLineInfo><LineKeyNum>3</LineKeyNum><CallInfo><CallState>Offering</CallState>' +
      '<CallType>Incoming</CallType><CallingPartyName>Ada</CallingPartyName>' +
      '<CallingPartyDirNum>sip:1006@example.com</CallingPartyDirNum>' +
      '<CallReference>41aa9c00</CallReference></CallInfo></CallLineInfo>';
    const forms = [
      `<PolycomIPPhone><CallStateChangeEvent CallReference="41aa9c00" CallState="Offering"><LineNumber>2</LineNumber>${info}</CallStateChangeEvent></PolycomIPPhone>`,
      `<?xml version="1.0"?><PolycomIPPhone><CallStateChangeEvent><CallReference>41aa9c00</CallReference><CallState>Offering</CallState>${info}</CallStateChangeEvent></PolycomIPPhone>`,
      `<CallStateChangeEvent>${info}</CallStateChangeEvent>`,
    ];
    for (const form of forms) {
      expect(events(form)[0]).toMatchObject({
        kind: 'call-state',
        callReference: '41aa9c00',
        callState: 'Offering',
        callType: 'Incoming',
        callingPartyName: 'Ada',
        callingPartyNumber: 'sip:1006@example.com',
      });
    }
    // LineNumber when sent, the line key otherwise (the 4.1.4 capture has none).
    expect(events(forms[0] ?? '')[0]?.line).toBe(2);
    expect(events(forms[1] ?? '')[0]?.line).toBe(3);
  });

  it('keeps empty elements empty, decodes only predefined entities and character references', () => {
    const [event] = events(
      '<PolycomIPPhone><OutgoingCallEvent><CalledPartyName/><CallingPartyName>AT&amp;T &#x41;&#66; &unknown;</CallingPartyName></OutgoingCallEvent></PolycomIPPhone>',
    );
    expect(event).toMatchObject({
      kind: 'outgoing',
      calledPartyName: '',
      callingPartyName: 'AT&T AB &unknown;',
    });
  });

  it('reads unknown events as unknown, and several events in one document', () => {
    expect(
      events(
        '<PolycomIPPhone><MuteUnmuteEvent><Muted>1</Muted></MuteUnmuteEvent><OnHookEvent/></PolycomIPPhone>',
      ).map((event) => [event.kind, event.element]),
    ).toEqual([
      ['unknown', 'MuteUnmuteEvent'],
      ['on-hook', 'OnHookEvent'],
    ]);
  });

  it('refuses document types and entities, malformed XML, empty and eventless documents', () => {
    const refused = [
      '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><PolycomIPPhone>&lol2;</PolycomIPPhone>',
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><PolycomIPPhone><IncomingCallEvent><CallingPartyName>&xxe;</CallingPartyName></IncomingCallEvent></PolycomIPPhone>',
      '<PolycomIPPhone><IncomingCallEvent></PolycomIPPhone>',
      'not xml at all',
      '',
      '<PolycomIPPhone></PolycomIPPhone>',
      `<PolycomIPPhone>${'<OnHookEvent/>'.repeat(21)}</PolycomIPPhone>`,
      `${'<a>'.repeat(40)}${'</a>'.repeat(40)}`,
    ];
    for (const body of refused) expect(readPushBody(body).ok, body.slice(0, 40)).toBe(false);
    expect(readPushBody(refused[0] ?? '')).toEqual({
      ok: false,
      reason: 'a document type or entity declaration is not accepted',
    });
  });
});

describe('what events mean', () => {
  it('maps the push, state-polling and REST state names onto the app’s states', () => {
    const table: Record<string, string> = {
      Dialtone: 'Dialtone',
      Setup: 'Setup',
      Proceeding: 'Proceeding',
      Ringback: 'RingBack',
      RingBack: 'RingBack',
      Offering: 'Offering',
      Connected: 'Connected',
      CallConference: 'Connected',
      Held: 'Connected',
      CallHeld: 'Connected',
      CallRemoteActive: 'Connected',
      Hold: 'Hold',
      CallHold: 'Hold',
      CallConfHold: 'Hold',
      Disconnected: 'Disconnected',
      Free: 'gone',
      Ncas: 'unknown',
      '': 'unknown',
    };
    for (const [name, state] of Object.entries(table)) {
      expect(pushedState(name), name).toBe(state);
      expect(pushedState(name.toUpperCase()), name).toBe(state);
    }
    expect(pushedDirection('incoming')).toBe('Incoming');
    expect(pushedDirection('Outgoing')).toBe('Outgoing');
    expect(pushedDirection('')).toBeNull();
  });

  it('reads call references as numbers: 0x, case and leading zeros do not matter, 0 is no call', () => {
    expect(pushedHandle('03740b48')).toBe('0x3740b48');
    expect(pushedHandle('0x3740B48')).toBe('0x3740b48');
    expect(pushedHandle('41aa9c00')).toBe('0x41aa9c00');
    expect(pushedHandle('0')).toBeNull();
    expect(pushedHandle('')).toBeNull();
    expect(pushedHandle('12g4')).toBeNull();
  });
});
