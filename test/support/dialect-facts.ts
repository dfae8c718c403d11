/**
 * What each simulator dialect answers differently, as the tests that run against every dialect
 * expect it (the simulator's README, "Dialects", names the evidence). One table, so a suite runs
 * over all four with `describe.each(DIALECT_FACTS)` instead of being written four times.
 */
import { DIALECT_NAMES, type DialectName } from '../../src/simulator';

export interface DialectFacts {
  dialect: DialectName;
  /** `ModelNumber` of the simulator's default phone, a VVX601. */
  model: string;
  /** Serves `/api/v1/callctrl/*` (an Edge E350 on 8.6 answers 404). */
  callControl: boolean;
  /** config set applies the names it knows and lists the rest (the reference refuses all). */
  partialConfigSet: boolean;
  /** Serves simulateKeyEvent without the simulator's later-firmware option (6.x). */
  keyEvents: boolean;
  /** Takes only Digest (MD5): Basic sent up front is refused. */
  digestOnly: boolean;
}

const FACTS: Readonly<Record<DialectName, Omit<DialectFacts, 'dialect'>>> = {
  reference: {
    model: 'VVX601',
    callControl: true,
    partialConfigSet: false,
    keyEvents: false,
    digestOnly: false,
  },
  'vvx-5': {
    model: 'VVX 601',
    callControl: true,
    partialConfigSet: true,
    keyEvents: false,
    digestOnly: false,
  },
  'vvx-6': {
    model: 'VVX 601',
    callControl: true,
    partialConfigSet: true,
    keyEvents: true,
    digestOnly: false,
  },
  edge: {
    model: 'Edge E350',
    callControl: false,
    partialConfigSet: true,
    keyEvents: false,
    digestOnly: true,
  },
};

/** Every dialect the simulator speaks, with what it answers differently. */
export const DIALECT_FACTS: readonly DialectFacts[] = DIALECT_NAMES.map(factsOf);

/** The facts of one dialect. */
export function factsOf(dialect: DialectName): DialectFacts {
  return { dialect, ...FACTS[dialect] };
}
