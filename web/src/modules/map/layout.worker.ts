/// <reference lib="webworker" />
import iterate from "graphology-layout-forceatlas2/iterate.js";
import { positionsOf, type LayoutReport, type LayoutStart } from "./layout";

/**
 * ForceAtlas2 off the main thread: iterates on the byte arrays it was given for `durationMs`, and
 * every `reportMs` posts the node positions (a fresh array, transferred, so nothing is copied twice).
 * Iterations run in slices of about 16 ms, so a terminate() from the page takes effect promptly.
 */
self.onmessage = (event: MessageEvent<LayoutStart>) => {
  const { nodes, edges, settings, durationMs, reportMs } = event.data;
  const end = performance.now() + durationMs;
  let lastReport = performance.now();
  const report = (done: boolean) => {
    const message: LayoutReport = { xy: positionsOf(nodes), done };
    (self as unknown as DedicatedWorkerGlobalScope).postMessage(message, [message.xy.buffer]);
  };
  const slice = () => {
    const until = performance.now() + 16;
    do iterate(settings, nodes, edges);
    while (performance.now() < until);
    const now = performance.now();
    if (now >= end) return report(true);
    if (now - lastReport >= reportMs) {
      lastReport = now;
      report(false);
    }
    setTimeout(slice, 0);
  };
  slice();
};
