/**
 * Polls `read` until `accept` holds or `timeoutMs` passes; resolves with the last value read.
 * For conditions on the simulator's side (no DOM to wait on); bounded, so a test fails cleanly.
 */
export async function waitUntil<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
