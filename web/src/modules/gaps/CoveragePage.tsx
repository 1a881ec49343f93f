import { useQuery } from "@apollo/client/react";
import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { fieldErrors } from "../../app/api-error";
import { usePageTitle } from "../../app/usePageTitle";
import type { CoverageDimension, CoverageFilter, CoverageQuery, HandlerFindingsQuery, Level } from "../../gql/graphql";
import { CsvButton } from "../../ui/CsvButton";
import { SelectField, TextField } from "../../ui/Field";
import { QueryState } from "../../ui/QueryState";
import { StatusMessage } from "../../ui/StatusMessage";
import { formatAgeBand, formatCount, formatDate, formatDateTime } from "../../ui/format";
import { useTaxonomy } from "../taxonomy/useTaxonomy";
import { coverageQuery, handlerFindingsQuery } from "./coverage.documents";

const DIMENSIONS: CoverageDimension[] = ["FIELD_OF_ACTION", "TARGET_GROUP", "MUNICIPALITY", "LEVEL"];
const LEVELS: Level[] = ["FEDERAL", "STATE", "COUNTY", "MUNICIPAL", "NON_GOVERNMENTAL"];

type Matrix = CoverageQuery["coverage"];
type Gap = CoverageQuery["gaps"]["gaps"][number];

function isDimension(value: string | null): value is CoverageDimension {
  return !!value && (DIMENSIONS as string[]).includes(value);
}

/** Heat classes 1–5 relative to the fullest cell; 0 marks a gap. */
export function heatClass(count: number, max: number): number {
  if (count <= 0) return 0;
  if (max <= 1) return 3;
  return Math.min(5, 1 + Math.floor((4 * (count - 1)) / (max - 1)));
}

/** Query variables from the address bar, so a view can be bookmarked and sent to a colleague. */
function variablesFromParams(params: URLSearchParams): { rows: CoverageDimension; columns: CoverageDimension; filter: CoverageFilter } {
  const rows = isDimension(params.get("zeilen")) ? (params.get("zeilen") as CoverageDimension) : "FIELD_OF_ACTION";
  let columns = isDimension(params.get("spalten")) ? (params.get("spalten") as CoverageDimension) : "MUNICIPALITY";
  if (columns === rows) columns = DIMENSIONS.find((d) => d !== rows)!;
  const filter: CoverageFilter = {};
  if (params.get("feld")) filter.fieldOfActionIds = [params.get("feld")!];
  if (params.get("gruppe")) filter.targetGroupIds = [params.get("gruppe")!];
  if (params.get("gemeinde")) filter.municipalityIds = [params.get("gemeinde")!];
  if (params.get("ebene")) filter.levels = [params.get("ebene") as Level];
  if (params.get("alter") && /^\d{1,3}$/.test(params.get("alter")!)) filter.age = Number(params.get("alter"));
  if (params.get("stichtag")) filter.referenceDate = params.get("stichtag");
  return { rows, columns, filter };
}

/**
 * Coverage (capability 3): a heatmap of active offerings over any two dimensions with the gaps marked
 * and listed (weighted by population where the municipality axis has figures), then the
 * responsibility findings and the referral guide's misses — everything the commissioner reports on.
 */
export function CoveragePage() {
  const { t } = useTranslation();
  usePageTitle(t("coverage:title"));
  const [params, setParams] = useSearchParams();
  const variables = useMemo(() => variablesFromParams(params), [params]);
  const taxonomy = useTaxonomy();
  const coverage = useQuery(coverageQuery, { variables });
  const findings = useQuery(handlerFindingsQuery);

  const [draft, setDraft] = useState(() => Object.fromEntries(["zeilen", "spalten", "feld", "gruppe", "gemeinde", "ebene", "alter", "stichtag"].map((k) => [k, params.get(k) ?? ""])));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const set = (key: string) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const serverErrors = coverage.error ? fieldErrors(coverage.error, t) : {};
  const errors = { ...localErrors, ...serverErrors };

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    const rows = draft["zeilen"] || "FIELD_OF_ACTION";
    const cols = draft["spalten"] || "MUNICIPALITY";
    if (rows === cols) problems["spalten"] = t("coverage:sameDimension");
    if (draft["alter"] && !/^\d{1,3}$/.test(draft["alter"])) problems["alter"] = t("referral:ageInvalid");
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries(draft)) if (value) next.set(key, value);
    setParams(next);
  }

  const dimensionOptions = DIMENSIONS.map((d) => ({ value: d, label: t(`enums:CoverageDimension.${d}`) }));
  return (
    <section className="coverage">
      <h1 tabIndex={-1}>{t("coverage:title")}</h1>
      <p className="lead">{t("coverage:intro")}</p>
      <form className="form filters" onSubmit={submit} noValidate aria-label={t("coverage:filters")}>
        <div className="form-row">
          <SelectField label={t("coverage:rows")} name="zeilen" value={draft["zeilen"] || variables.rows} onChange={set("zeilen")} options={dimensionOptions} />
          <SelectField label={t("coverage:columns")} name="spalten" value={draft["spalten"] || variables.columns} onChange={set("spalten")} options={dimensionOptions} error={errors["spalten"]} />
          <SelectField label={t("coverage:field")} name="feld" value={draft["feld"] ?? ""} onChange={set("feld")} options={taxonomy.fieldOptions} placeholder={t("coverage:all")} />
          <SelectField label={t("coverage:group")} name="gruppe" value={draft["gruppe"] ?? ""} onChange={set("gruppe")} options={taxonomy.targetGroupOptions} placeholder={t("coverage:all")} />
        </div>
        <div className="form-row">
          <SelectField label={t("coverage:municipality")} name="gemeinde" value={draft["gemeinde"] ?? ""} onChange={set("gemeinde")} options={taxonomy.municipalityOptions} placeholder={t("coverage:all")} />
          <SelectField label={t("coverage:level")} name="ebene" value={draft["ebene"] ?? ""} onChange={set("ebene")} options={LEVELS.map((l) => ({ value: l, label: t(`enums:Level.${l}`) }))} placeholder={t("coverage:all")} />
          <TextField label={t("coverage:age")} name="alter" type="number" min={0} max={120} inputMode="numeric" value={draft["alter"] ?? ""} onChange={set("alter")} hint={t("coverage:ageHint")} error={errors["alter"] ?? errors["filter.age"]} />
          <TextField label={t("coverage:referenceDate")} name="stichtag" type="date" value={draft["stichtag"] ?? ""} onChange={set("stichtag")} hint={t("coverage:referenceDateHint")} error={errors["filter.referenceDate"]} />
        </div>
        <button type="submit" className="button">
          {t("coverage:show")}
        </button>
      </form>

      <QueryState loading={coverage.loading} error={coverage.error} hasData={!!coverage.data} onRetry={() => void coverage.refetch()}>
        {coverage.data && <CoverageMatrix matrix={coverage.data.coverage} />}
        {coverage.data && <GapList gaps={coverage.data.gaps} matrix={coverage.data.coverage} />}
      </QueryState>

      <h2>{t("coverage:findingsTitle")}</h2>
      <QueryState loading={findings.loading} error={findings.error} hasData={!!findings.data} onRetry={() => void findings.refetch()}>
        {findings.data && <Findings data={findings.data} />}
      </QueryState>
    </section>
  );
}

function useAxisLabel() {
  const { i18n } = useTranslation();
  const english = i18n.language === "en";
  return (entry: { label: string; labelEn: string }) => (english ? entry.labelEn || entry.label : entry.label);
}

function CoverageMatrix({ matrix }: { matrix: Matrix }) {
  const { t } = useTranslation();
  const label = useAxisLabel();
  const cells = useMemo(() => new Map(matrix.cells.map((c) => [`${c.row}\u0000${c.col}`, c])), [matrix.cells]);
  const max = matrix.cells.reduce((m, c) => Math.max(m, c.measureCount), 0);
  const rowsName = t(`enums:CoverageDimension.${matrix.rowsDimension}`);
  const columnsName = t(`enums:CoverageDimension.${matrix.columnsDimension}`);
  return (
    <>
      <div className="actions">
        <CsvButton
          filename="versorgung.csv"
          label={t("coverage:exportMatrix")}
          load={async () => matrix.cells}
          columns={[
            { header: rowsName, value: (c) => label(matrix.rows.find((r) => r.key === c.row) ?? { label: c.row, labelEn: c.row }) },
            { header: columnsName, value: (c) => label(matrix.columns.find((r) => r.key === c.col) ?? { label: c.col, labelEn: c.col }) },
            { header: t("coverage:count"), value: (c) => c.measureCount },
            { header: "Kapazität", value: (c) => c.capacity },
          ]}
        />
      </div>
      <p className="legend" aria-hidden="true">
        {t("coverage:legend")} <span className="heat heat--0">0</span> {t("coverage:legendGap")}
        {[1, 2, 3, 4, 5].map((n) => (
          <span key={n} className={`heat heat--${n}`}>
            {n === 5 ? `≥${max}` : ""}
          </span>
        ))}
      </p>
      <div className="table-scroll heatmap-scroll" tabIndex={0} role="region" aria-label={`${rowsName} × ${columnsName}`}>
        <table className="heatmap">
          <caption>{t("coverage:matrixCaption", { rows: rowsName, columns: columnsName, date: formatDate(matrix.referenceDate), count: formatCount(matrix.measureCount) })}</caption>
          <thead>
            <tr>
              <td />
              {matrix.columns.map((c) => (
                <th key={c.key} scope="col" className="heatmap__col">
                  <span>{label(c)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{label(r)}</th>
                {matrix.columns.map((c) => {
                  const cell = cells.get(`${r.key}\u0000${c.key}`);
                  const count = cell?.measureCount ?? 0;
                  const capacity = cell ? `${formatCount(cell.capacity)}${cell.capacityUnknown ? ` + ${t("coverage:cellCapacityUnknown", { count: cell.capacityUnknown })}` : ""}` : "0";
                  return (
                    <td key={c.key} className={`heat--${heatClass(count, max)}`} title={t("coverage:cellTitle", { row: label(r), col: label(c), count, capacity })}>
                      {count === 0 ? <span aria-label={t("coverage:legendGap")}>0</span> : count}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function GapList({ gaps, matrix }: { gaps: CoverageQuery["gaps"]; matrix: Matrix }) {
  const { t } = useTranslation();
  const label = useAxisLabel();
  const rowLabel = (g: Gap) => label(matrix.rows.find((r) => r.key === g.row) ?? { label: g.rowLabel, labelEn: g.rowLabel });
  const colLabel = (g: Gap) => label(matrix.columns.find((c) => c.key === g.col) ?? { label: g.colLabel, labelEn: g.colLabel });
  return (
    <section className="panel" aria-labelledby="luecken">
      <h2 id="luecken">{t("coverage:gapsTitle", { count: gaps.totalCount })}</h2>
      {gaps.totalCount === 0 ? (
        <StatusMessage kind="empty">{t("coverage:noGaps")}</StatusMessage>
      ) : (
        <>
          <p className="muted">{gaps.weighted ? t("coverage:gapsWeighted") : t("coverage:gapsUnweighted")}</p>
          <div className="actions">
            <CsvButton
              filename="luecken.csv"
              label={t("coverage:exportGaps")}
              load={async () => gaps.gaps}
              columns={[
                { header: t(`enums:CoverageDimension.${matrix.rowsDimension}`), value: rowLabel },
                { header: t(`enums:CoverageDimension.${matrix.columnsDimension}`), value: colLabel },
                { header: t("coverage:weight"), value: (g) => g.weight },
              ]}
            />
          </div>
          <div className="table-scroll scroll-limited" tabIndex={0} role="region" aria-labelledby="luecken">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t(`enums:CoverageDimension.${matrix.rowsDimension}`)}</th>
                  <th scope="col">{t(`enums:CoverageDimension.${matrix.columnsDimension}`)}</th>
                  {gaps.weighted && <th scope="col" className="num">{t("coverage:weight")}</th>}
                </tr>
              </thead>
              <tbody>
                {gaps.gaps.map((g) => (
                  <tr key={`${g.row}-${g.col}`}>
                    <td>{rowLabel(g)}</td>
                    <td>{colLabel(g)}</td>
                    {gaps.weighted && <td className="num">{g.weight == null ? "–" : formatCount(g.weight)}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function Findings({ data }: { data: HandlerFindingsQuery }) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const places = (all: boolean, list: readonly { name: string }[]) => (all ? t("coverage:countyWide") : list.map((m) => m.name).join(", "));
  const { conflicts, gaps } = data.handlerFindings;
  return (
    <>
      <section className="panel" aria-labelledby="konflikte">
        <h3 id="konflikte">{t("coverage:conflictsTitle", { count: conflicts.length })}</h3>
        {conflicts.length === 0 ? (
          <StatusMessage kind="empty">{t("coverage:noConflicts")}</StatusMessage>
        ) : (
          <>
            <p>{t("coverage:conflictsIntro")}</p>
            <ul className="card-list">
              {conflicts.map((c, i) => (
                <li key={i} className="card">
                  <p className="card__title">
                    {c.actors.map((a, j) => (
                      <span key={a.id}>
                        {j > 0 && " ↔ "}
                        <Link to={`/akteure/${encodeURIComponent(a.id)}`}>{a.name}</Link>
                      </span>
                    ))}
                    {c.sameActor && <span className="badge">{t("coverage:sameActor")}</span>}
                  </p>
                  <dl className="facts">
                    <dt>{t("coverage:caseType")}</dt>
                    <dd>{taxonomy.name(c.fieldOfAction)} ({t("coverage:priority", { priority: c.priority })})</dd>
                    <dt>{t("coverage:ages")}</dt>
                    <dd>{formatAgeBand(c.ageMin, c.ageMax, t)}</dd>
                    <dt>{t("coverage:places")}</dt>
                    <dd>{places(c.allMunicipalities, c.municipalities)}</dd>
                    <dt>{t("coverage:groups")}</dt>
                    <dd>{c.targetGroups.map(taxonomy.name).join(", ") || t("coverage:allGroups")}</dd>
                  </dl>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section className="panel" aria-labelledby="zustaendigkeitsluecken">
        <h3 id="zustaendigkeitsluecken">{t("coverage:handlerGapsTitle", { count: gaps.length })}</h3>
        {gaps.length === 0 ? (
          <StatusMessage kind="empty">{t("coverage:noHandlerGaps")}</StatusMessage>
        ) : (
          <>
            <p>{t("coverage:handlerGapsIntro")}</p>
            <div className="table-scroll scroll-limited" tabIndex={0} role="region" aria-labelledby="zustaendigkeitsluecken">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t("coverage:caseType")}</th>
                    <th scope="col">{t("coverage:ages")}</th>
                    <th scope="col">{t("coverage:places")}</th>
                    <th scope="col" className="num">{t("coverage:population")}</th>
                  </tr>
                </thead>
                <tbody>
                  {gaps.map((g, i) => (
                    <tr key={i}>
                      <td>{taxonomy.name(g.fieldOfAction)}</td>
                      <td>{formatAgeBand(g.ageMin, g.ageMax, t)}</td>
                      <td>{places(g.allMunicipalities, g.municipalities)}</td>
                      <td className="num">{g.population == null ? "–" : formatCount(g.population)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
      <section className="panel" aria-labelledby="fehlanfragen">
        <h3 id="fehlanfragen">{t("coverage:missesTitle", { count: data.referralMisses.reduce((n, m) => n + m.count, 0) })}</h3>
        {data.referralMisses.length === 0 ? (
          <StatusMessage kind="empty">{t("coverage:noMisses")}</StatusMessage>
        ) : (
          <>
            <p>{t("coverage:missesIntro")}</p>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("coverage:caseType")}</th>
                  <th scope="col">{t("coverage:municipality")}</th>
                  <th scope="col" className="num">{t("coverage:count")}</th>
                  <th scope="col">{t("coverage:lastAt")}</th>
                </tr>
              </thead>
              <tbody>
                {data.referralMisses.map((m) => (
                  <tr key={`${m.fieldOfAction.id}-${m.municipality.id}`}>
                    <td>{taxonomy.name(m.fieldOfAction)}</td>
                    <td>{m.municipality.name}</td>
                    <td className="num">{formatCount(m.count)}</td>
                    <td>{formatDateTime(m.lastAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </>
  );
}
