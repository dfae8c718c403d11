/**
 * The VVX models the 5.8 reference covers, with the facts the simulator needs to play each one:
 * usable screen area (public client comments; datasheet panel where none is known), touch, line
 * keys and whether expansion modules plug in. Firmware strings belong to the dialect
 * (dialects/dialects.ts).
 */
export interface PhoneModel {
  /** Model number as the phone reports it, e.g. `VVX601`. */
  id: string;
  screenWidth: number;
  screenHeight: number;
  touch: boolean;
  /** Physical or on-screen line keys; also the number of registrations the phone can hold. */
  lineKeys: number;
  /** Line keys shown on one page of the screen; a swipe (or Left/Right) pages through the rest. */
  lineKeysPerPage: number;
  /** Whether a USB camera is attached out of the box (only the 1500 has one built in). */
  camera: boolean;
  /** uploadBgCapture is not supported on the 101, 150 and 201 (reference note). */
  packetCapture: boolean;
  /**
   * Whether expansion modules plug in: the 300, 400, 500 and 600 families (the vendor's user
   * guides for them have a chapter "Connecting Polycom VVX Expansion Modules"; its 4.1.6 EM
   * addendum counts "VVX 600 + 3 LCD EMs") and the 450 (EM50). No source shows one on the
   * 101/150/201, the 250/350 or the 1500.
   */
  expansionModules: boolean;
}

/** The models whose expansion-module port public sources show (see `expansionModules`). */
const TAKES_MODULES = /^VVX(30[01]|31[01]|40[01]|41[01]|450|50[01]|60[01])$/;

const MODELS: readonly PhoneModel[] = [
  model('VVX101', 132, 64, false, 1, 1),
  model('VVX150', 132, 64, false, 2, 2),
  model('VVX201', 132, 64, false, 2, 2),
  model('VVX250', 320, 240, false, 4, 4),
  model('VVX300', 208, 104, false, 6, 3),
  model('VVX301', 208, 104, false, 6, 3),
  model('VVX310', 208, 104, false, 6, 3),
  model('VVX311', 208, 104, false, 6, 3),
  model('VVX350', 320, 240, false, 6, 6),
  model('VVX400', 320, 240, false, 12, 6),
  model('VVX401', 320, 240, false, 12, 6),
  model('VVX410', 320, 240, false, 12, 6),
  model('VVX411', 320, 240, false, 12, 6),
  model('VVX450', 480, 272, false, 12, 6),
  model('VVX500', 320, 220, true, 12, 4),
  model('VVX501', 320, 220, true, 12, 4),
  model('VVX600', 480, 252, true, 16, 8),
  model('VVX601', 480, 252, true, 16, 8),
  { ...model('VVX1500', 800, 480, true, 6, 6), camera: true },
];

function model(
  id: string,
  screenWidth: number,
  screenHeight: number,
  touch: boolean,
  lineKeys: number,
  lineKeysPerPage: number,
): PhoneModel {
  const packetCapture = !['VVX101', 'VVX150', 'VVX201'].includes(id);
  return {
    id,
    screenWidth,
    screenHeight,
    touch,
    lineKeys,
    lineKeysPerPage,
    camera: false,
    packetCapture,
    expansionModules: TAKES_MODULES.test(id),
  };
}

/** Every model the simulator can play, in the reference's order. */
export function listModels(): readonly PhoneModel[] {
  return MODELS;
}

/**
 * Finds a model by name, accepting `VVX601`, `vvx601`, `VVX 601` and `601`; null when the
 * reference does not cover it.
 */
export function findModel(name: string): PhoneModel | null {
  const digits = name.trim().replace(/^vvx\s*/i, '');
  return MODELS.find((m) => m.id === `VVX${digits}`) ?? null;
}
