/**
 * Remembers the main window's size, position and maximised state between runs, in a small JSON
 * file; a saved position that no longer lies on any display is dropped so the window never opens
 * off-screen.
 */
import { readFile, writeFile, rename } from 'node:fs/promises';
import { z } from 'zod';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

const windowStateSchema = z.object({
  bounds: z.object({
    x: z.number().int(),
    y: z.number().int(),
    width: z.number().int().min(400).max(10_000),
    height: z.number().int().min(300).max(10_000),
  }),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export const DEFAULT_WINDOW_SIZE = { width: 1200, height: 800 };

function overlaps(a: Rectangle, b: Rectangle): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * Reads the saved state; null when absent, unreadable or entirely off the given display work
 * areas (then the window opens at its default size, centred).
 */
export async function loadWindowState(
  file: string,
  workAreas: readonly Rectangle[],
): Promise<WindowState | null> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return null;
  }
  const parsed = windowStateSchema.safeParse(raw);
  if (!parsed.success) return null;
  return workAreas.some((area) => overlaps(area, parsed.data.bounds)) ? parsed.data : null;
}

/** Writes the state atomically (a crash mid-write leaves the previous file). */
export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  const temporary = `${file}.tmp`;
  await writeFile(temporary, JSON.stringify(state), { mode: 0o600 });
  await rename(temporary, file);
}
