import { describe, expect, it } from 'vitest';

import { readUiXml } from '../../../src/renderer/features/screen/uixml-reader';
import { MAX_XML_ELEMENTS, readXml } from '../../../src/renderer/features/screen/tolerant-xml';

/** A small deterministic generator, so a failing fuzz case can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const NAMES = ['Item', 'w', 'QLabel', 'node', 'x:y', 'softKey', 'LineKey', 'div', 'Frame', 'a-b'];
const GEOMETRY = [
  (r: () => number) =>
    `x="${Math.floor(r() * 300)}" y="${Math.floor(r() * 200)}" width="40" height="12"`,
  (r: () => number) => `geometry="${Math.floor(r() * 300)},${Math.floor(r() * 200)},30,10"`,
  (r: () => number) => `bounds="[${Math.floor(r() * 100)},10][${Math.floor(r() * 100) + 120},30]"`,
  (r: () => number) => `pos="${Math.floor(r() * 200)} 5" size="20x10"`,
  () => '',
  () => 'x="abc" width="-4"',
];

/** A random well-formed document plus the text tokens it contains. */
function generate(seed: number): { xml: string; tokens: string[] } {
  const r = random(seed);
  const tokens: string[] = [];
  const parts: string[] = [];
  const open: string[] = [];
  const steps = 5 + Math.floor(r() * 80);
  for (let step = 0; step < steps; step += 1) {
    const choice = r();
    const token = `tok${seed}n${step}q`;
    if (choice < 0.35) {
      const name = NAMES[Math.floor(r() * NAMES.length)] ?? 'n';
      const geometry = GEOMETRY[Math.floor(r() * GEOMETRY.length)]?.(r) ?? '';
      parts.push(`<${name} ${geometry} class="c${step}">`);
      open.push(name);
    } else if (choice < 0.55) {
      tokens.push(token);
      parts.push(
        `<Label ${GEOMETRY[Math.floor(r() * GEOMETRY.length)]?.(r) ?? ''} text="${token}"/>`,
      );
    } else if (choice < 0.75) {
      tokens.push(token);
      parts.push(` ${token} &amp; `);
    } else if (choice < 0.8) {
      tokens.push(token);
      parts.push(`<![CDATA[${token} <not a tag>]]><!-- comment <b> -->`);
    } else if (open.length > 0) {
      parts.push(`</${open.pop() ?? ''}>`);
    }
  }
  while (open.length > 0) parts.push(`</${open.pop() ?? ''}>`);
  return { xml: parts.join(''), tokens };
}

function allText(xml: string, width = 320, height = 240): string {
  return readUiXml(xml, width, height).texts.join('\n');
}

describe('uixml reader on the documented shape', () => {
  const idle = `<?xml version="1.0"?>
<Screen model="VVX601" width="480" height="272">
  <StatusBar x="0" y="0" width="480" height="24" text="Mon 27 Nov  10:45"/>
  <LineKey x="0" y="30" width="160" height="40" text="1001" selected="true"/>
  <LineKey x="0" y="70" width="160" height="40" text="1002"/>
  <Label x="200" y="100" width="200" height="30">Idle</Label>
  <SoftKey x="0" y="240" width="120" height="32" text="New Call"/>
  <SoftKey x="120" y="240" width="120" height="32" text="Forward"/>
</Screen>`;

  it('places each element at its rectangle with its kind, text and selection', () => {
    const model = readUiXml(idle, 480, 272);
    expect(model.layout).toBe('geometry');
    expect(model.width).toBe(480);
    expect(model.height).toBe(272);
    const byText = new Map(model.placed.map((element) => [element.text, element]));
    expect(byText.get('New Call')).toMatchObject({
      kind: 'softkey',
      rect: { x: 0, y: 240, width: 120, height: 32 },
    });
    expect(byText.get('1001')).toMatchObject({ kind: 'linekey', selected: true });
    expect(byText.get('1002')?.selected).toBe(false);
    expect(byText.get('Mon 27 Nov 10:45')?.kind).toBe('title');
    expect(byText.get('Idle')?.rect).toEqual({ x: 200, y: 100, width: 200, height: 30 });
  });

  it('lists texts in reading order: top to bottom, a row left to right', () => {
    expect(readUiXml(idle, 480, 272).texts).toEqual([
      'Mon 27 Nov 10:45',
      '1001',
      '1002',
      'Idle',
      'New Call',
      'Forward',
    ]);
  });

  it('reads geometry relative to the parent when that is what fits the document', () => {
    const xml = `<w x="0" y="200" width="320" height="40">
      <w x="0" y="0" width="80" height="40" text="A"/><w x="80" y="0" width="80" height="40" text="B"/>
    </w><w x="0" y="0" width="320" height="30"><w x="10" y="5" width="100" height="20" text="C"/></w>`;
    const placed = new Map(readUiXml(xml, 320, 240).placed.map((e) => [e.text, e.rect]));
    expect(placed.get('A')).toEqual({ x: 0, y: 200, width: 80, height: 40 });
    expect(placed.get('B')).toEqual({ x: 80, y: 200, width: 80, height: 40 });
    expect(placed.get('C')).toEqual({ x: 10, y: 5, width: 100, height: 20 });
  });

  it('takes common geometry spellings', () => {
    const xml = `<r>
      <a X="1" Y="2" Width="3" Height="4" text="caps"/>
      <a left="5" top="6" right="15" bottom="16" text="edges"/>
      <a geometry="7 8 9 10" text="combined"/>
      <a bounds="[1,2][11,22]" text="corners"/>
      <a pos="3,4" size="50x60" text="possize"/>
    </r>`;
    const placed = new Map(readUiXml(xml, 320, 240).placed.map((e) => [e.text, e.rect]));
    expect(placed.get('caps')).toEqual({ x: 1, y: 2, width: 3, height: 4 });
    expect(placed.get('edges')).toEqual({ x: 5, y: 6, width: 10, height: 10 });
    expect(placed.get('combined')).toEqual({ x: 7, y: 8, width: 9, height: 10 });
    expect(placed.get('corners')).toEqual({ x: 1, y: 2, width: 10, height: 20 });
    expect(placed.get('possize')).toEqual({ x: 3, y: 4, width: 50, height: 60 });
  });

  it('skips hidden elements and lists far-off rectangles as text instead of drawing them', () => {
    const xml = `<r><a visible="false" text="gone"/><a x="90000" y="0" width="5" height="5" text="far"/></r>`;
    const model = readUiXml(xml, 320, 240);
    expect(model.texts).toEqual(['far']);
    expect(model.placed).toEqual([]);
  });
});

describe('uixml reader on unknown and odd XML', () => {
  it('lays out texts in document order when there is no geometry', () => {
    const model = readUiXml('<ui><a>hello<b>world</b>again</a><c title="Menu"/></ui>', 320, 240);
    expect(model.layout).toBe('flow');
    expect(model.texts).toEqual(['hello', 'world', 'again', 'Menu']);
  });

  it('says so for an empty document and for one without text', () => {
    expect(readUiXml('', 320, 240).problems).toContain(
      'the phone sent an empty screen description',
    );
    expect(readUiXml('<a><b/></a>', 320, 240).problems).toContain(
      'no text found in the screen description',
    );
  });

  it('keeps the texts of malformed XML', () => {
    const cases: [string, string[]][] = [
      ['<a><b>one</a>two</b>', ['one', 'two']],
      ['<a text="x>y">unclosed', ['x>y', 'unclosed']],
      ['<a b="broken>inside <c>text</c>', ['text']],
      ['3 < 4 and 5 > 2', ['3', '< 4 and 5 >', '2']],
      ['<a>&lt;tag&gt; &#65;&#x42; &bogus;</a>', ['<tag> AB &bogus;']],
      ['<<<>>>', ['<']],
      ['<a><!-- never closed', []],
      ['<a>text<![CDATA[cdata never closed', ['text', 'cdata never closed']],
      ['<__proto__ constructor="1" text="safe"/>', ['safe']],
    ];
    for (const [xml, expected] of cases) {
      const text = allText(xml);
      for (const piece of expected) expect(text, xml).toContain(piece);
    }
  });

  it('reads a deeply nested document without overflowing the stack', () => {
    const depth = 100_000;
    const xml = `${'<n>'.repeat(depth)}bottom${'</n>'.repeat(depth)}`;
    const model = readUiXml(xml, 320, 240);
    expect(model.texts).toEqual(['bottom']);
    expect(model.problems).toContain(`only the first ${MAX_XML_ELEMENTS} elements are shown`);
  });

  it('reads a huge flat document, keeping every text up to the cap', () => {
    const items = Array.from(
      { length: 20_000 },
      (_, index) =>
        `<i x="${index % 300}" y="${index % 200}" width="10" height="10" text="t${index}"/>`,
    );
    const model = readUiXml(`<r>${items.join('')}</r>`, 320, 240);
    expect(model.placed.length).toBe(MAX_XML_ELEMENTS - 1);
    expect(model.texts).toContain('t0');
    expect(model.problems.length).toBeGreaterThan(0);
  });

  it('never throws and always shows every text of generated documents (500 seeds)', () => {
    for (let seed = 1; seed <= 500; seed += 1) {
      const { xml, tokens } = generate(seed);
      const text = allText(xml);
      for (const token of tokens) expect(text, `seed ${seed}`).toContain(token);
    }
  });

  it('never throws on generated documents cut and corrupted at random (500 seeds)', () => {
    for (let seed = 1; seed <= 500; seed += 1) {
      const r = random(seed * 7919);
      const { xml } = generate(seed);
      const cut = xml.slice(0, Math.floor(r() * xml.length));
      const chars = cut.split('');
      for (let flip = 0; flip < 5 && chars.length > 0; flip += 1) {
        chars[Math.floor(r() * chars.length)] = '<>"\'/&=!?['.charAt(Math.floor(r() * 10));
      }
      const model = readUiXml(chars.join(''), 208, 104);
      expect(Array.isArray(model.texts)).toBe(true);
      expect(model.width).toBeGreaterThanOrEqual(208);
    }
  });

  it('reports structural problems in words', () => {
    expect(readXml('<a><b></a></c>').problems).toEqual([
      '<a> closed with elements still open',
      'stray </c> ignored',
    ]);
  });
});
