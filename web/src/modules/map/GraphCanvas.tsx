import FA2Layout from "graphology-layout-forceatlas2/worker";
import forceAtlas2 from "graphology-layout-forceatlas2";
import { useEffect, useRef } from "react";
import Sigma from "sigma";
import { buildGraph, type GraphPayload, type SizeBy } from "./graph-build";

type Props = {
  payload: GraphPayload;
  sizeBy: SizeBy;
  /** Index of the selected node (as a string key), or null. */
  selected: string | null;
  onSelect: (key: string | null) => void;
  label: string;
  /** Set by the caller to move the camera to a node. */
  focusRequest: { key: string; seq: number } | null;
};

/** Above this many links the layout runs on a copy and the picture is updated twice a second. */
const LARGE_GRAPH_EDGES = 5000;
const LARGE_GRAPH_SYNC_MS = 500;

/**
 * WebGL drawing with sigma.js; ForceAtlas2 runs in a Web Worker (graphology's FA2 supervisor), so
 * the page stays responsive while the layout settles. For large graphs the worker moves a copy of
 * the graph and the positions are copied over twice a second, with the links hidden until the
 * layout stops: redrawing thousands of links on every layout step would block the main thread.
 * The canvas is a picture for sighted mouse users: the same nodes and links are in the table view,
 * and search works from the keyboard.
 */
export function GraphCanvas({ payload, sizeBy, selected, onSelect, label, focusRequest }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const sigmaRef = useRef<Sigma | null>(null);
  const selectedRef = useRef<string | null>(selected);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    performance.mark("knotenpunkt:map-build");
    const graph = buildGraph(payload, sizeBy);
    const large = graph.size > LARGE_GRAPH_EDGES;
    let edgesHidden = large;
    const renderer = new Sigma(graph, element, {
      renderEdgeLabels: false,
      zIndex: true,
      labelRenderedSizeThreshold: 9,
      labelFont: "system-ui, sans-serif",
      defaultEdgeType: "line",
      allowInvalidContainer: true,
      hideEdgesOnMove: large,
      hideLabelsOnMove: large,
      nodeReducer: (node, data) => {
        const current = selectedRef.current;
        if (!current) return data;
        if (node === current) return { ...data, highlighted: true, forceLabel: true, zIndex: 2 };
        if (graph.areNeighbors(node, current)) return { ...data, forceLabel: true, zIndex: 1 };
        return { ...data, color: "#d9dee4", label: "", zIndex: 0 };
      },
      edgeReducer: (edge, data) => {
        if (edgesHidden) return { ...data, hidden: true };
        const current = selectedRef.current;
        if (!current) return data;
        return graph.hasExtremity(edge, current) ? data : { ...data, hidden: true };
      },
    });
    renderer.on("clickNode", ({ node }) => onSelectRef.current(node));
    renderer.on("clickStage", () => onSelectRef.current(null));
    renderer.on("enterNode", () => element.style.setProperty("cursor", "pointer"));
    renderer.on("leaveNode", () => element.style.removeProperty("cursor"));
    sigmaRef.current = renderer;
    // For `npm run bench:web`: when the first frame with this graph reaches the screen.
    requestAnimationFrame(() => performance.mark("knotenpunkt:map-first-frame", { detail: { nodes: graph.order, edges: graph.size } }));
    element.dataset["nodeCount"] = String(graph.order);
    element.dataset["edgeCount"] = String(graph.size);

    let layout: FA2Layout | null = null;
    let timer: number | undefined;
    let sync: number | undefined;
    if (graph.order > 1) {
      const layoutGraph = large ? graph.copy() : graph;
      const copyPositions = () =>
        graph.updateEachNodeAttributes((node, attributes) => {
          const moved = layoutGraph.getNodeAttributes(node);
          return { ...attributes, x: moved["x"] as number, y: moved["y"] as number };
        });
      layout = new FA2Layout(layoutGraph, { settings: { ...forceAtlas2.inferSettings(layoutGraph), barnesHutOptimize: graph.order > 300, slowDown: 5 } });
      layout.start();
      if (large) sync = window.setInterval(copyPositions, LARGE_GRAPH_SYNC_MS);
      // Settle for a while, then stop: a moving picture is hard to read and costs battery.
      timer = window.setTimeout(() => {
        layout?.stop();
        window.clearInterval(sync);
        if (large) {
          copyPositions();
          edgesHidden = false;
          renderer.refresh();
        }
        element.dataset["layout"] = "done";
      }, Math.min(12000, 2500 + graph.order * 4));
    }
    return () => {
      window.clearTimeout(timer);
      window.clearInterval(sync);
      layout?.kill();
      renderer.kill();
      sigmaRef.current = null;
    };
  }, [payload, sizeBy]);

  useEffect(() => {
    selectedRef.current = selected;
    sigmaRef.current?.refresh();
  }, [selected]);

  useEffect(() => {
    const renderer = sigmaRef.current;
    if (!renderer || !focusRequest) return;
    const display = renderer.getNodeDisplayData(focusRequest.key);
    if (display) void renderer.getCamera().animate({ x: display.x, y: display.y, ratio: 0.35 }, { duration: 500 });
  }, [focusRequest]);

  return <div ref={container} className="graph-canvas" role="img" aria-label={label} />;
}
