/**
 * A small, forgiving XML reader for the phone's uixml.
 *
 * Why not DOMParser: the browser rejects a whole document on the first well-formedness error
 * (it returns a <parsererror> page), libxml2 refuses nesting deeper than 256, and happy-dom in
 * the component tests parses differently from Chromium. The phone's schema is undocumented, so
 * the reader must keep every text it can find in any input. This one never throws, runs in
 * linear time without recursion, behaves the same in tests and in the app, and costs ~2 KB.
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export interface XmlReadResult {
  root: XmlElement;
  /** What was odd about the input (unclosed tags, stray closers, truncation), for the raw view. */
  problems: string[];
}

/** Elements past this count are dropped (and reported) so a huge document cannot freeze the UI. */
export const MAX_XML_ELEMENTS = 5000;
const MAX_PROBLEMS = 20;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** Replaces the five XML entities, &nbsp; and numeric references; unknown ones stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z]{2,8});/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref] ?? whole;
  });
}

const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;

function readAttributes(source: string): Record<string, string> {
  // A null-prototype record: attribute names such as "__proto__" are just data here.
  const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = match[1] ?? '';
    const value = match[2] ?? match[3] ?? match[4] ?? '';
    if (name !== '' && !(name in attributes)) attributes[name] = decodeEntities(value);
  }
  return attributes;
}

/** Finds where a markup construct ends; -1 means it runs to the end of the input. */
function findEnd(xml: string, from: number, terminator: string): number {
  const at = xml.indexOf(terminator, from);
  return at === -1 ? -1 : at + terminator.length;
}

/**
 * Reads any text as XML as far as it can: unclosed elements are closed at the end, stray end
 * tags are ignored, text outside the root is kept, comments / processing instructions / DOCTYPE
 * are skipped, CDATA becomes text. Never throws.
 */
export function readXml(xml: string): XmlReadResult {
  const root: XmlElement = { name: '#document', attributes: {}, children: [] };
  const stack: XmlElement[] = [root];
  const problems: string[] = [];
  const report = (problem: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(problem);
  };
  let elementCount = 0;
  let truncated = false;
  let position = 0;

  // Where reading resumes after a construct; one that never ends swallows the rest of the input.
  const resume = (end: number): number => {
    if (end !== -1) return end;
    report('the document ends inside markup');
    return xml.length;
  };
  const current = (): XmlElement => stack[stack.length - 1] ?? root;
  let textCount = 0;
  // Text keeps coming after the element cap: it is what the user needs to read.
  const addText = (raw: string, decode: boolean) => {
    if (raw.trim() === '') return;
    if (textCount >= MAX_XML_ELEMENTS) {
      if (textCount === MAX_XML_ELEMENTS)
        report(`only the first ${MAX_XML_ELEMENTS} texts are shown`);
      textCount += 1;
      return;
    }
    textCount += 1;
    current().children.push(decode ? decodeEntities(raw) : raw);
  };

  while (position < xml.length) {
    const open = xml.indexOf('<', position);
    if (open === -1) {
      addText(xml.slice(position), true);
      break;
    }
    addText(xml.slice(position, open), true);
    if (xml.startsWith('<!--', open)) {
      position = resume(findEnd(xml, open + 4, '-->'));
    } else if (xml.startsWith('<![CDATA[', open)) {
      const end = findEnd(xml, open + 9, ']]>');
      addText(xml.slice(open + 9, end === -1 ? xml.length : end - 3), false);
      position = resume(end);
    } else if (xml.startsWith('<?', open)) {
      position = resume(findEnd(xml, open + 2, '?>'));
    } else if (xml.startsWith('<!', open)) {
      position = resume(findEnd(xml, open + 2, '>'));
    } else {
      const { innerEnd, next } = findTagEnd(xml, open + 1);
      const inner = xml.slice(open + 1, innerEnd);
      position = resume(next);
      if (!/^\/?[^\s<>/]/.test(inner)) {
        // "<" that starts no tag ("a < b", "<>"): keep it as text.
        addText(xml.slice(open, position), true);
        continue;
      }
      if (inner.startsWith('/')) {
        closeElement(stack, inner.slice(1).trim(), report);
        continue;
      }
      const selfClosing = inner.endsWith('/');
      const body = selfClosing ? inner.slice(0, -1) : inner;
      const nameMatch = /^[^\s/]+/.exec(body);
      const name = nameMatch ? nameMatch[0] : body;
      if (elementCount >= MAX_XML_ELEMENTS) {
        if (!truncated) report(`only the first ${MAX_XML_ELEMENTS} elements are shown`);
        truncated = true;
        continue;
      }
      elementCount += 1;
      const element: XmlElement = {
        name,
        attributes: readAttributes(body.slice(name.length)),
        children: [],
      };
      current().children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  if (stack.length > 1) {
    report(`${stack.length - 1} element(s) were not closed`);
  }
  return { root, problems };
}

/**
 * Where a tag's inside ends and reading resumes: skips ">" inside quoted attribute values;
 * `next` is -1 when the input ends first.
 */
function findTagEnd(xml: string, from: number): { innerEnd: number; next: number } {
  let quote: string | null = null;
  for (let index = from; index < xml.length; index += 1) {
    const char = xml[index];
    if (quote !== null) {
      // A quote left open up to a line end or a new tag is a broken value, not a long one.
      if (char === quote) quote = null;
      else if (char === '\n' || char === '<') quote = null;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '>') {
      return { innerEnd: index, next: index + 1 };
    }
    if (quote === null && char === '<') {
      // A new tag begins before this one closed: the broken tag ends here.
      return { innerEnd: index, next: index };
    }
  }
  return { innerEnd: xml.length, next: -1 };
}

function closeElement(stack: XmlElement[], name: string, report: (problem: string) => void): void {
  for (let depth = stack.length - 1; depth > 0; depth -= 1) {
    if (stack[depth]?.name === name) {
      if (depth < stack.length - 1) report(`<${name}> closed with elements still open`);
      stack.length = depth;
      return;
    }
  }
  report(`stray </${name}> ignored`);
}
