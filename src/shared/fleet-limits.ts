/**
 * The bounds of a fleet operation, in a file without zod so the window can show and check them
 * too; the contract's schemas enforce them in the core.
 */

/** The most phones one fleet operation handles, and the most rows an import file holds. */
export const MAX_FLEET_PHONES = 5000;
/** The largest import file, in characters: 5,000 rows of name, address, group and password. */
export const MAX_FLEET_CSV_CHARS = 1_000_000;
/** The largest import file worth reading, in bytes (a character takes at most 4 in UTF-8). */
export const MAX_FLEET_CSV_BYTES = MAX_FLEET_CSV_CHARS * 4;
/** The most parameters one fleet change sets (the phone takes 20 names per call). */
export const MAX_FLEET_CONFIG_VALUES = 20;
