import { useQuery } from "@apollo/client/react";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePageTitle } from "../../app/usePageTitle";
import type { NetworkEdgeKind, NetworkGraphFilter } from "../../gql/graphql";
import { CsvButton } from "../../ui/CsvButton";
import { CheckboxGroup, SelectField, TextField } from "../../ui/Field";
import { QueryState } from "../../ui/QueryState";
import { StatusMessage } from "../../ui/StatusMessage";
import { formatCount, formatDecimal } from "../../ui/format";
import { useTaxonomy } from "../taxonomy/useTaxonomy";
import { ActorPanel } from "./ActorPanel";
import { GraphCanvas } from "./GraphCanvas";
import { EDGE_COLOUR, KIND_COLOURS, OVERLAP_COLOUR, type GraphPayload, type SizeBy } from "./graph-build";
import { mapNetworksQuery } from "./map.documents";
import { useNetworkGraph } from "./useNetworkGraph";

const EDGE_KINDS: NetworkEdgeKind[] = ["COOPERATION_REFERRAL", "COOPERATION_JOINT_MEASURE", "COOPERATION_FUNDING", "COOPERATION_AGREEMENT", "COOPERATION_INFORMATION_EXCHANGE", "SHARED_MEMBERSHIP", "CO_PROVIDED_MEASURE", "OVERLAP"];
const EDGE_ROWS_SHOWN = 200;
const MAX_SUGGESTIONS = 20;

/** The network map (commissioner's start page): who works with whom, who brokers, who is isolated. */
export function MapPage() {
  const { t } = useTranslation();
  usePageTitle(t("map:title"));
  const taxonomy = useTaxonomy();
  const networks = useQuery(mapNetworksQuery);
  const [field, setField] = useState("");
  const [municipality, setMunicipality] = useState("");
  const [group, setGroup] = useState("");
  const [network, setNetwork] = useState("");
  const [edgeKinds, setEdgeKinds] = useState<string[]>(EDGE_KINDS);
  const [sizeBy, setSizeBy] = useState<SizeBy>("measureCount");
  const [view, setView] = useState<"map" | "table">("map");
  const [selected, setSelected] = useState<string | null>(null);
  const [search, setSearch] = useState("");
  const [searchMiss, setSearchMiss] = useState(false);
  const [focusRequest, setFocusRequest] = useState<{ key: string; seq: number } | null>(null);

  const filter = useMemo<NetworkGraphFilter>(
    () => ({
      betweenness: true,
      ...(field ? { fieldOfActionIds: [field] } : {}),
      ...(municipality ? { municipalityIds: [municipality] } : {}),
      ...(group ? { targetGroupIds: [group] } : {}),
      ...(network ? { networkIds: [network] } : {}),
      ...(edgeKinds.length < EDGE_KINDS.length ? { edgeKinds: edgeKinds as NetworkEdgeKind[] } : {}),
    }),
    [field, municipality, group, network, edgeKinds],
  );
  const { data: payload, loading, error, refetch } = useNetworkGraph(filter);
  // The first number formatter of a page loads the locale's data; do that while the graph loads.
  useEffect(() => void formatCount(0), []);
  const selectedNode = payload && selected != null ? payload.nodes[Number(selected)] : undefined;
  // Suggestions for what has been typed, not a list of every actor: thousands of <option>s would
  // cost more to render than the whole map's first frame.
  const suggestions = useMemo(() => {
    const needle = search.trim().toLowerCase();
    if (!payload || !needle) return [];
    const found: GraphPayload["nodes"] = [];
    for (const n of payload.nodes) {
      if (n.name.toLowerCase().includes(needle) && found.push(n) >= MAX_SUGGESTIONS) break;
    }
    return found;
  }, [payload, search]);

  function submitSearch(event: FormEvent) {
    event.preventDefault();
    if (!payload) return;
    const needle = search.trim().toLowerCase();
    const index = needle ? payload.nodes.findIndex((n) => n.name.toLowerCase().includes(needle)) : -1;
    setSearchMiss(index < 0);
    if (index >= 0) {
      setSelected(String(index));
      setFocusRequest({ key: String(index), seq: Date.now() });
    }
  }

  return (
    <section className="map-page">
      <h1 tabIndex={-1}>{t("map:title")}</h1>
      <p className="lead">{t("map:intro")}</p>
      <div className="map-controls">
        <form role="search" onSubmit={submitSearch} className="map-search">
          <TextField label={t("map:search")} name="suche" type="search" list="akteursnamen" value={search} onChange={(v) => { setSearch(v); setSearchMiss(false); }} error={searchMiss ? t("map:notFound") : undefined} />
          <datalist id="akteursnamen">{suggestions.map((n) => <option key={n.id} value={n.name} />)}</datalist>
          <button type="submit" className="button">{t("map:focus")}</button>
        </form>
        <SelectField label={t("measures:filter.field")} name="feld" value={field} onChange={setField} options={taxonomy.fieldOptions} placeholder={t("common:all")} />
        <SelectField label={t("measures:filter.municipality")} name="gemeinde" value={municipality} onChange={setMunicipality} options={taxonomy.municipalityOptions} placeholder={t("common:all")} />
        <SelectField label={t("measures:filter.targetGroup")} name="zielgruppe" value={group} onChange={setGroup} options={taxonomy.targetGroupOptions} placeholder={t("common:all")} />
        <SelectField label={t("map:network")} name="gremium" value={network} onChange={setNetwork} options={(networks.data?.networks.nodes ?? []).map((n) => ({ value: n.id, label: n.name }))} placeholder={t("common:all")} />
        <SelectField label={t("map:sizeBy")} name="groesse" value={sizeBy} onChange={(v) => setSizeBy(v as SizeBy)} options={[{ value: "measureCount", label: t("map:size.measureCount") }, { value: "degree", label: t("map:size.degree") }, { value: "betweenness", label: t("map:size.betweenness") }]} />
      </div>
      <details className="edge-filter">
        <summary>{t("map:edgeKinds", { count: edgeKinds.length, total: EDGE_KINDS.length })}</summary>
        <CheckboxGroup label={t("map:edgeKindsLegend")} name="kanten" columns values={edgeKinds} onChange={setEdgeKinds} options={EDGE_KINDS.map((k) => ({ value: k, label: t(`enums:NetworkEdgeKind.${k}`) }))} />
      </details>
      <div className="view-switch" role="group" aria-label={t("map:view")}>
        <button type="button" className={view === "map" ? "button" : "button button--secondary"} aria-pressed={view === "map"} onClick={() => setView("map")}>{t("map:viewMap")}</button>
        <button type="button" className={view === "table" ? "button" : "button button--secondary"} aria-pressed={view === "table"} onClick={() => setView("table")}>{t("map:viewTable")}</button>
      </div>
      <QueryState loading={loading} error={error} hasData={!!payload} isEmpty={payload?.nodes.length === 0} emptyText={t("map:empty")} onRetry={refetch}>
        {payload && (
          <>
            <p className="muted" aria-live="polite">
              {t("map:summary", { nodes: formatCount(payload.nodes.length), edges: formatCount(payload.edgeSource.length), communities: payload.communityCount, isolated: payload.isolated.length, modularity: formatDecimal(payload.modularity) })}
            </p>
            {view === "table" && <GraphTables payload={payload} />}
          </>
        )}
      </QueryState>
      {/* The map is on the page while its data loads, so the renderer is ready when the graph arrives. */}
      {view === "map" && (payload ? payload.nodes.length > 0 : loading && !error) && (
        <div className="map-layout">
          <div className="map-stage">
            <GraphCanvas payload={payload} sizeBy={sizeBy} selected={selected} onSelect={setSelected} focusRequest={focusRequest} label={t("map:canvasLabel", { nodes: payload?.nodes.length ?? 0, edges: payload?.edgeSource.length ?? 0 })} />
            {payload && <Legend payload={payload} />}
          </div>
          <aside className="map-panel" aria-label={t("map:panel")}>
            {selectedNode ? (
              <ActorPanel id={selectedNode.id} node={selectedNode} onClose={() => setSelected(null)} />
            ) : (
              <StatusMessage kind="empty">{t("map:panelHint")}</StatusMessage>
            )}
          </aside>
        </div>
      )}
    </section>
  );
}

function Legend({ payload }: { payload: GraphPayload }) {
  const { t } = useTranslation();
  const kinds = [...new Set(payload.nodes.map((n) => n.kind))].sort();
  return (
    <div className="map-legend">
      <h2 className="visually-hidden">{t("map:legend")}</h2>
      <ul>
        {kinds.map((k) => (
          <li key={k}>
            <span className="swatch swatch--node" style={{ background: KIND_COLOURS[k] ?? KIND_COLOURS["OTHER"] }} aria-hidden="true" />
            {t(`enums:ActorKind.${k}`, { defaultValue: k })}
          </li>
        ))}
        <li>
          <span className="swatch swatch--edge" style={{ background: EDGE_COLOUR }} aria-hidden="true" />
          {t("map:legendTie")}
        </li>
        <li>
          <span className="swatch swatch--edge" style={{ background: OVERLAP_COLOUR }} aria-hidden="true" />
          {t("map:legendOverlap")}
        </li>
      </ul>
      <p className="small muted">{t("map:legendSize")}</p>
    </div>
  );
}

/** The same data as the picture, for keyboard and screen-reader users, and for export. */
function GraphTables({ payload }: { payload: GraphPayload }) {
  const { t } = useTranslation();
  const [allEdges, setAllEdges] = useState(false);
  const nodes = payload.nodes.map((n, i) => ({ ...n, index: i })).sort((a, b) => b.degree - a.degree);
  const isolated = new Set(payload.isolated);
  const edges = payload.edgeSource.map((s, i) => ({ source: payload.nodes[s]?.name ?? "", target: payload.nodes[payload.edgeTarget[i]!]?.name ?? "", kind: payload.edgeKinds[payload.edgeKind[i]!] ?? "", weight: payload.edgeWeight[i] ?? 1 }));
  const shownEdges = allEdges ? edges : edges.slice(0, EDGE_ROWS_SHOWN);
  return (
    <>
      <section className="panel" aria-labelledby="knoten">
        <h2 id="knoten">{t("map:nodesTitle", { count: nodes.length })}</h2>
        <div className="toolbar">
          <CsvButton filename="netzwerk-akteure.csv" columns={[
            { header: t("actors:col.name"), value: (n: (typeof nodes)[number]) => n.name },
            { header: t("actors:col.kind"), value: (n) => t(`enums:ActorKind.${n.kind}`, { defaultValue: n.kind }) },
            { header: t("actors:col.measures"), value: (n) => n.measureCount },
            { header: t("map:degree"), value: (n) => n.degree },
            { header: t("map:betweenness"), value: (n) => n.betweenness ?? "" },
            { header: t("map:community"), value: (n) => n.community ?? "" },
          ]} load={async () => nodes} />
        </div>
        <div className="table-scroll scroll-limited">
          <table className="data-table">
            <caption className="visually-hidden">{t("map:nodesCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("actors:col.name")}</th>
                <th scope="col">{t("actors:col.kind")}</th>
                <th scope="col" className="num">{t("actors:col.measures")}</th>
                <th scope="col" className="num">{t("map:degree")}</th>
                <th scope="col" className="num">{t("map:betweenness")}</th>
                <th scope="col" className="num">{t("map:community")}</th>
              </tr>
            </thead>
            <tbody>
              {nodes.map((n) => (
                <tr key={n.id}>
                  <th scope="row">
                    <Link to={`/akteure/${encodeURIComponent(n.id)}`}>{n.name}</Link>
                    {isolated.has(n.index) && <span className="badge">{t("map:isolated")}</span>}
                  </th>
                  <td>{t(`enums:ActorKind.${n.kind}`, { defaultValue: n.kind })}</td>
                  <td className="num">{formatCount(n.measureCount)}</td>
                  <td className="num">{formatCount(n.degree)}</td>
                  <td className="num">{n.betweenness != null ? formatDecimal(n.betweenness, 3) : "–"}</td>
                  <td className="num">{n.community ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="panel" aria-labelledby="kanten-titel">
        <h2 id="kanten-titel">{t("map:edgesTitle", { count: edges.length })}</h2>
        <div className="toolbar">
          <CsvButton filename="netzwerk-verbindungen.csv" columns={[
            { header: t("map:source"), value: (e: (typeof edges)[number]) => e.source },
            { header: t("map:target"), value: (e) => e.target },
            { header: t("map:kind"), value: (e) => t(`enums:NetworkEdgeKind.${e.kind}`, { defaultValue: e.kind }) },
            { header: t("map:weight"), value: (e) => e.weight },
          ]} load={async () => edges} />
        </div>
        <div className="table-scroll scroll-limited">
          <table className="data-table">
            <caption className="visually-hidden">{t("map:edgesCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("map:source")}</th>
                <th scope="col">{t("map:target")}</th>
                <th scope="col">{t("map:kind")}</th>
                <th scope="col" className="num">{t("map:weight")}</th>
              </tr>
            </thead>
            <tbody>
              {shownEdges.map((e, i) => (
                <tr key={i} className={e.kind === "OVERLAP" ? "row--overlap" : undefined}>
                  <td>{e.source}</td>
                  <td>{e.target}</td>
                  <td>{t(`enums:NetworkEdgeKind.${e.kind}`, { defaultValue: e.kind })}</td>
                  <td className="num">{e.weight}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {!allEdges && edges.length > EDGE_ROWS_SHOWN && (
          <p>
            <button type="button" className="button button--secondary" onClick={() => setAllEdges(true)}>
              {t("map:showAllEdges", { count: edges.length })}
            </button>
          </p>
        )}
      </section>
    </>
  );
}
