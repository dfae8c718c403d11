import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { decodeEntities } from '../../../src/renderer/features/screen/tolerant-xml';
import { readUiXml } from '../../../src/renderer/features/screen/uixml-reader';
import { startSimulator, type Simulator } from '../../../src/simulator';

/** The simulator's own uixml documents, read over real HTTP, for several models and states. */
const MODELS = ['VVX601', 'VVX410', 'VVX450', 'VVX1500', 'VVX300', 'VVX101'];

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ phones: MODELS.length, farEndAnswerMs: 50 });
});
afterAll(async () => sim?.close());

async function phoneApi(index: number) {
  const phone = sim.phones[index];
  if (!phone) throw new Error(`no simulated phone ${index}`);
  const headers = {
    Authorization: `Basic ${Buffer.from(`${phone.username}:${phone.adminPassword}`).toString('base64')}`,
    'Content-Type': 'application/json',
  };
  const control = {
    Authorization: `Bearer ${sim.controlToken}`,
    'Content-Type': 'application/json',
  };
  return {
    async uixml(): Promise<string> {
      const response = await fetch(`${phone.url}/api/v1/mgmt/uixml`, { headers });
      const body = (await response.json()) as { data: string };
      return body.data;
    },
    async post(path: string, data: unknown) {
      await fetch(`${phone.url}${path}`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ data }),
      });
    },
    async control(path: string, body: unknown) {
      const response = await fetch(`${phone.url}/__sim/${path}`, {
        method: 'POST',
        headers: control,
        body: JSON.stringify(body),
      });
      return (await response.json()) as { handle?: string };
    },
  };
}

/** Every non-empty text attribute the document carries. */
function textsIn(xml: string): string[] {
  return [...xml.matchAll(/\stext="([^"]*)"/g)]
    .map((match) =>
      decodeEntities(match[1] ?? '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((text) => text !== '');
}

function expectReadable(xml: string, width: number, height: number) {
  const model = readUiXml(xml, width, height);
  expect(model.problems).toEqual([]);
  expect(model.layout).toBe('geometry');
  expect(model.width).toBe(width);
  expect(model.height).toBe(height);
  for (const text of textsIn(xml)) expect(model.texts).toContain(text);
  for (const element of model.placed) {
    expect(element.rect?.x).toBeGreaterThanOrEqual(0);
    expect((element.rect?.x ?? 0) + (element.rect?.width ?? 0)).toBeLessThanOrEqual(width);
  }
  return model;
}

function sizeOf(xml: string): { width: number; height: number } {
  const match = /<Screen[^>]*\swidth="(\d+)"[^>]*\sheight="(\d+)"/.exec(xml);
  return { width: Number(match?.[1]), height: Number(match?.[2]) };
}

describe("uixml reader on the simulator's documents", () => {
  it.each(MODELS.map((model, index) => [model, index] as const))(
    'reads %s idle, incoming and in-call screens with every text and the right softkeys',
    async (_model, index) => {
      const phone = await phoneApi(index);
      const idle = await phone.uixml();
      const { width, height } = sizeOf(idle);
      const idleModel = expectReadable(idle, width, height);
      expect(idleModel.placed.some((e) => e.kind === 'linekey')).toBe(true);

      const { handle } = await phone.control('ring', { from: '5551234', name: 'Ada' });
      const incoming = expectReadable(await phone.uixml(), width, height);
      expect(incoming.texts.join(' ')).toContain('Ada');
      const softkeys = incoming.placed.filter((e) => e.kind === 'softkey').map((e) => e.text);
      expect(softkeys).toContain('Answer');

      await phone.post('/api/v1/callctrl/answerCall', { Ref: handle });
      const connected = expectReadable(await phone.uixml(), width, height);
      expect(connected.placed.filter((e) => e.kind === 'softkey').map((e) => e.text)).toContain(
        'End Call',
      );
      await phone.post('/api/v1/callctrl/endCall', { Ref: handle });
    },
  );
});
