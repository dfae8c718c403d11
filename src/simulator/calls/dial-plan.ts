/**
 * What the simulated far end does with a dialled number. Tests and demos pick a behaviour by the
 * number's leading digits (SIP response codes, easy to remember); everything else answers.
 */
export type FarEndBehaviour =
  'answer' | 'busy' | 'no-answer' | 'reject' | 'not-found' | 'answer-then-hang-up';

const PREFIXES: readonly (readonly [string, FarEndBehaviour])[] = [
  ['486', 'busy'],
  ['408', 'no-answer'],
  ['603', 'reject'],
  ['404', 'not-found'],
  ['200', 'answer-then-hang-up'],
];

/** The user part of a destination: `sip:4861@pbx` → `4861`, `tel:+1 555` → `+1555`. */
function destinationUser(destination: string): string {
  const withoutScheme = destination.trim().replace(/^(sips?|tel):/i, '');
  const user = withoutScheme.split('@')[0] ?? '';
  return user.replace(/[\s().-]/g, '');
}

/** The far end's behaviour for a destination, by the dial plan's prefixes. */
export function farEndFor(destination: string): FarEndBehaviour {
  const user = destinationUser(destination).replace(/^\+/, '');
  for (const [prefix, behaviour] of PREFIXES) {
    if (user.startsWith(prefix)) return behaviour;
  }
  return 'answer';
}

/** A state change the far end causes, `atFraction` × farEndAnswerMs after the dial. */
export interface FarEndStep {
  atFraction: number;
  kind: 'proceeding' | 'ringback' | 'answer' | 'fail' | 'hang-up';
}

/**
 * How long (× T) a number nobody answers rings before the network gives up (a SIP 408 after the
 * proxy's timer), as long as a real call rings before "No answer".
 */
export const NO_ANSWER_AFTER = 30;

const RINGING: readonly [FarEndStep, FarEndStep] = [
  { atFraction: 0.1, kind: 'proceeding' },
  { atFraction: 0.3, kind: 'ringback' },
];

/** A call to another simulated phone: it rings there until that phone's user acts. */
export function ringingTimeline(): FarEndStep[] {
  return [...RINGING];
}

/**
 * The timeline of an outgoing call for a behaviour: Setup at once, Proceeding at 0.1 T, RingBack
 * at 0.3 T, and the far end's answer (or refusal) at T, where T is farEndAnswerMs.
 */
export function farEndTimeline(behaviour: FarEndBehaviour): FarEndStep[] {
  const [proceeding, ringback] = RINGING;
  switch (behaviour) {
    case 'answer':
      return [proceeding, ringback, { atFraction: 1, kind: 'answer' }];
    case 'busy':
      return [proceeding, { atFraction: 0.3, kind: 'fail' }];
    case 'no-answer':
      return [proceeding, ringback, { atFraction: NO_ANSWER_AFTER, kind: 'fail' }];
    case 'reject':
      return [proceeding, ringback, { atFraction: 1, kind: 'fail' }];
    case 'not-found':
      return [{ atFraction: 0.1, kind: 'fail' }];
    case 'answer-then-hang-up':
      return [
        proceeding,
        ringback,
        { atFraction: 1, kind: 'answer' },
        { atFraction: 3, kind: 'hang-up' },
      ];
  }
}
