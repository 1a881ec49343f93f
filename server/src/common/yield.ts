/** Pacing for long main-thread background work (overlap loading and reconciling) so API requests keep flowing. */

let sliceStarted = 0;

/**
 * Ends a slice of main-thread work: lets waiting API requests run, and when they took a while (more than 5 ms, more
 * than a garbage collection pause), pauses three times as long as the slice took (at most 100 ms), so that while
 * requests keep coming the overlap work takes about a quarter of the event loop. On an idle server the work goes
 * on at once.
 */
export async function yieldToEventLoop(): Promise<void> {
  const now = performance.now();
  const worked = sliceStarted > 0 ? now - sliceStarted : 0;
  await new Promise<void>((resolve) => setImmediate(resolve));
  const others = performance.now() - now;
  if (others > 5 && worked > 0) await new Promise<void>((resolve) => setTimeout(resolve, Math.min(100, 3 * worked)));
  sliceStarted = performance.now();
}
