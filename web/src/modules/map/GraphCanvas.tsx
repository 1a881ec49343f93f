import { MultiUndirectedGraph } from "graphology";
import { useEffect, useLayoutEffect, useRef } from "react";
import Sigma from "sigma";
import { addEdges, buildNodeGraph, edgeDrawOrder, neighbourKeys, seedPositions, type GraphPayload, type SizeBy } from "./graph-build";
import { layoutMatrices, layoutSettings, type LayoutReport, type LayoutStart } from "./layout";

type Props = {
  /** null while the graph is loading: the renderer is set up meanwhile. */
  payload: GraphPayload | null;
  sizeBy: SizeBy;
  /** Index of the selected node (as a string key), or null. */
  selected: string | null;
  onSelect: (key: string | null) => void;
  label: string;
  /** Set by the caller to move the camera to a node. */
  focusRequest: { key: string; seq: number } | null;
};

/** Above this many links they are drawn once the layout has stopped (see below). */
const LARGE_GRAPH_EDGES = 5000;
/** Links added per task when they are drawn after the layout, so that no task blocks the page for long. */
const EDGE_SLICE = 2000;

/**
 * WebGL drawing with sigma.js; ForceAtlas2 runs in a Web Worker (layout.worker.ts), so the page stays
 * responsive while the layout settles. The first frame is drawn straight from the payload with start
 * positions (seedPositions) before any layout step. The worker gets byte arrays built from the
 * payload (no graph copy on the main thread) and reports positions a few times a second; each
 * report moves the nodes in one cheap update. For large graphs the links are left out of the drawn
 * graph while the layout runs (redrawing thousands of links on every report would block the main
 * thread) and added in slices once it stops.
 * The canvas is a picture for sighted mouse users: the same nodes and links are in the table view,
 * and search works from the keyboard.
 */
export function GraphCanvas({ payload, sizeBy, selected, onSelect, label, focusRequest }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const sigmaRef = useRef<Sigma | null>(null);
  const selectedRef = useRef<string | null>(selected);
  const neighboursRef = useRef<Set<string>>(new Set());
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  // The renderer (WebGL contexts, compiled shaders) is made while the graph is still on its way, so
  // that only the graph's own work lies between the response and the first frame.
  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    const renderer: Sigma = new Sigma(new MultiUndirectedGraph(), element, {
      renderEdgeLabels: false,
      zIndex: true,
      labelRenderedSizeThreshold: 9,
      labelFont: "system-ui, sans-serif",
      defaultEdgeType: "line",
      allowInvalidContainer: true,
      nodeReducer: (node, data) => {
        const current = selectedRef.current;
        if (!current) return data;
        if (node === current) return { ...data, highlighted: true, forceLabel: true, zIndex: 2 };
        if (neighboursRef.current.has(node)) return { ...data, forceLabel: true, zIndex: 1 };
        return { ...data, color: "#d9dee4", label: "", zIndex: 0 };
      },
      edgeReducer: (edge, data) => {
        const current = selectedRef.current;
        if (!current) return data;
        return renderer.getGraph().hasExtremity(edge, current) ? data : { ...data, hidden: true };
      },
    });
    renderer.on("clickNode", ({ node }) => onSelectRef.current(node));
    renderer.on("clickStage", () => onSelectRef.current(null));
    renderer.on("enterNode", () => element.style.setProperty("cursor", "pointer"));
    renderer.on("leaveNode", () => element.style.removeProperty("cursor"));
    sigmaRef.current = renderer;
    return () => {
      renderer.kill();
      sigmaRef.current = null;
    };
  }, []);

  // A layout effect: the graph is built and drawn in the same task as React's commit, not after a
  // frame of the page without it.
  useLayoutEffect(() => {
    const element = container.current;
    const renderer = sigmaRef.current;
    if (!element || !renderer || !payload) return;
    performance.mark("knotenpunkt:map-build");
    const current = selectedRef.current;
    neighboursRef.current = current == null ? new Set() : neighbourKeys(payload, Number(current));
    const positions = seedPositions(payload);
    const graph = buildNodeGraph(payload, sizeBy, positions);
    const edgeCount = payload.edgeSource.length;
    const large = edgeCount > LARGE_GRAPH_EDGES;
    const order = edgeDrawOrder(payload);
    if (!large) addEdges(graph, payload, order, 0, edgeCount);
    if (renderer.getSetting("hideEdgesOnMove") !== large) {
      renderer.setSetting("hideEdgesOnMove", large);
      renderer.setSetting("hideLabelsOnMove", large);
    }
    // A new graph starts with the whole picture in view (a camera update costs one more render).
    const camera = renderer.getCamera();
    const { x, y, ratio, angle } = camera.getState();
    if (x !== 0.5 || y !== 0.5 || ratio !== 1 || angle !== 0) camera.setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    renderer.setGraph(graph);
    element.dataset["nodeCount"] = String(graph.order);
    element.dataset["edgeCount"] = String(edgeCount);
    delete element.dataset["layout"];
    let cancelled = false;
    let worker: Worker | null = null;
    let timer: number | undefined;
    let frame = 0;
    const finish = () => {
      element.dataset["layout"] = "done";
      performance.mark("knotenpunkt:map-layout-done");
    };
    const addEdgeSlice = () => {
      const from = graph.size;
      const to = Math.min(edgeCount, from + EDGE_SLICE);
      addEdges(graph, payload, order, from, to);
      if (to < edgeCount) timer = window.setTimeout(addEdgeSlice, 0);
      else finish();
    };
    const startLayout = () => {
      if (cancelled) return;
      if (graph.order < 2) return finish();
      const sizes = new Float32Array(graph.order);
      graph.forEachNode((node, attributes) => void (sizes[Number(node)] = attributes["size"] as number));
      const { nodes, edges } = layoutMatrices(payload, positions, sizes);
      let latest: Float32Array | null = null;
      const apply = () => {
        frame = 0;
        const xy = latest;
        latest = null;
        if (!xy) return;
        graph.updateEachNodeAttributes(
          (node, attributes) => {
            const i = Number(node);
            attributes["x"] = xy[2 * i];
            attributes["y"] = xy[2 * i + 1];
            return attributes;
          },
          { attributes: ["x", "y"] },
        );
      };
      worker = new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });
      worker.onmessage = (event: MessageEvent<LayoutReport>) => {
        latest = event.data.xy;
        if (!event.data.done) {
          if (!frame) frame = requestAnimationFrame(apply);
          return;
        }
        worker?.terminate();
        worker = null;
        cancelAnimationFrame(frame);
        apply();
        // Settled: the links come in once the nodes have stopped moving.
        if (graph.size < edgeCount) timer = window.setTimeout(addEdgeSlice, 0);
        else finish();
      };
      const start: LayoutStart = {
        nodes,
        edges,
        settings: layoutSettings(graph.order),
        // Settle for a while, then stop: a moving picture is hard to read and costs battery.
        durationMs: Math.min(12000, 2500 + graph.order * 4),
        reportMs: large ? 500 : 100,
      };
      worker.postMessage(start, [nodes.buffer, edges.buffer]);
    };
    // The layout starts after the first frame is on the screen.
    frame = requestAnimationFrame(() => {
      frame = 0;
      // For `npm run bench:web`: when the first frame with this graph reaches the screen.
      performance.mark("knotenpunkt:map-first-frame", { detail: { nodes: graph.order, edges: edgeCount } });
      timer = window.setTimeout(startLayout, 0);
    });
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
      cancelAnimationFrame(frame);
      worker?.terminate();
    };
  }, [payload, sizeBy]);

  useEffect(() => {
    if (selectedRef.current === selected) return;
    selectedRef.current = selected;
    neighboursRef.current = selected == null || !payload ? new Set() : neighbourKeys(payload, Number(selected));
    sigmaRef.current?.refresh();
  }, [selected, payload]);

  useEffect(() => {
    const renderer = sigmaRef.current;
    if (!renderer || !focusRequest) return;
    const display = renderer.getNodeDisplayData(focusRequest.key);
    if (display) void renderer.getCamera().animate({ x: display.x, y: display.y, ratio: 0.35 }, { duration: 500 });
  }, [focusRequest]);

  return <div ref={container} className="graph-canvas" role="img" aria-label={label} />;
}
