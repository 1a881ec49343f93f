import { useMutation, useQuery } from "@apollo/client/react";
import { useMemo, useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { conflictOf, describeApiError, fieldErrors } from "../../app/api-error";
import { useSession } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import type { ComparedMeasureFragment, OverlapQuery, OverlapStatus } from "../../gql/graphql";
import { ConflictNotice } from "../../ui/ConflictNotice";
import { ErrorSummary } from "../../ui/ErrorSummary";
import { TextField } from "../../ui/Field";
import { QueryState } from "../../ui/QueryState";
import { StatusMessage } from "../../ui/StatusMessage";
import { formatAgeBand, formatDate, formatDateTime, formatPercent } from "../../ui/format";
import { useLocalName } from "../taxonomy/useTaxonomy";
import { overlapQuery, reviewOverlapMutation } from "./overlaps.documents";
import { markShared, sharedStems } from "./text-match";

type Overlap = OverlapQuery["overlap"];

/** The review workflow (DESIGN.md): which decisions may follow the current status. */
export function nextStatuses(status: OverlapStatus): OverlapStatus[] {
  switch (status) {
    case "OPEN":
      return ["CONFIRMED", "COMPLEMENTARY", "DISMISSED"];
    case "CONFIRMED":
      return ["RESOLVED", "OPEN"];
    default:
      return ["OPEN"];
  }
}

export function OverlapPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { role } = useSession();
  const { data, loading, error, refetch } = useQuery(overlapQuery, { variables: { id } });
  usePageTitle(t("overlaps:detailTitle"));
  const overlap = data?.overlap;
  return (
    <section>
      <p className="breadcrumb">
        <Link to="/ueberschneidungen">{t("overlaps:title")}</Link>
      </p>
      <h1 tabIndex={-1}>{t("overlaps:detailTitle")}</h1>
      <QueryState loading={loading} error={error} hasData={!!overlap} onRetry={() => void refetch()}>
        {overlap && (
          <>
            <p className="lead">
              <span className="score">{t("overlaps:score", { score: formatPercent(overlap.score) })}</span> ·{" "}
              <span className={`status-pill status-pill--${overlap.status.toLowerCase()}`}>{t(`enums:OverlapStatus.${overlap.status}`)}</span> · {t(`enums:OverlapKind.${overlap.kind}`)}
              {!overlap.detected && <span className="badge">{t("overlaps:notDetected")}</span>}
            </p>
            <p>{overlap.explanation}</p>
            {overlap.statusReason && <p className="muted">{t("overlaps:statusReason", { reason: overlap.statusReason })}</p>}
            {overlap.clusterKey && (
              <p>
                <Link to={`/ueberschneidungen?status=#gruppe-${overlap.clusterKey}`}>{t("overlaps:partOfCluster")}</Link>
              </p>
            )}
            <Dimensions overlap={overlap} />
            <Comparison overlap={overlap} />
            {role === "COMMISSIONER" && <ReviewForm overlap={overlap} reload={async () => (await refetch()).data!.overlap} />}
            {overlap.reviewedAt && (
              <section className="panel" aria-labelledby="letzte-pruefung">
                <h2 id="letzte-pruefung">{t("overlaps:lastReview")}</h2>
                <p>
                  {formatDateTime(overlap.reviewedAt)}
                  {overlap.reviewedBy ? ` · ${overlap.reviewedBy}` : ""}
                </p>
                {overlap.reviewNote && <p className="prewrap">{overlap.reviewNote}</p>}
              </section>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}

const DIMENSIONS = ["text", "field", "targetGroup", "area", "age", "time"] as const;

/** One bar per dimension: how much the two offerings agree (the API's explanation of the score). */
function Dimensions({ overlap }: { overlap: Overlap }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="dimensionen">
      <h2 id="dimensionen">{t("overlaps:dimensions")}</h2>
      <ul className="meters">
        {DIMENSIONS.map((d) => {
          const value = overlap.dimensions[d];
          return (
            <li key={d} className="meter">
              <span className="meter__label" id={`dim-${d}`}>
                {t(`overlaps:dim.${d}`)}
              </span>
              <span className="meter__bar" role="meter" aria-labelledby={`dim-${d}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(value * 100)} aria-valuetext={formatPercent(value)}>
                <span className={`meter__fill${value >= 0.999 ? " meter__fill--full" : ""}`} style={{ width: `${Math.round(value * 100)}%` }} />
              </span>
              <span className="meter__value">{formatPercent(value)}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Chips({ items, shared }: { items: { id: string; label: string }[]; shared: Set<string> }) {
  const { t } = useTranslation();
  if (items.length === 0) return <span className="muted">{t("measures:everyone")}</span>;
  return (
    <ul className="chips">
      {items.map((i) => (
        <li key={i.id} className={shared.has(i.id) ? "chip chip--shared" : "chip"}>
          {i.label}
          {shared.has(i.id) && <span className="visually-hidden"> ({t("overlaps:shared")})</span>}
        </li>
      ))}
    </ul>
  );
}

function Marked({ text, stems }: { text: string; stems: Set<string> }) {
  return (
    <>
      {markShared(text, stems).map((run, i) => (run.shared ? <mark key={i}>{run.text}</mark> : <span key={i}>{run.text}</span>))}
    </>
  );
}

/**
 * Side by side, row by dimension. Shared values (from the API's `shared`) are highlighted as chips;
 * words the two texts share are marked, so the reviewer sees at a glance why the engine matched them.
 */
function Comparison({ overlap }: { overlap: Overlap }) {
  const { t } = useTranslation();
  const name = useLocalName();
  const a = overlap.measureA;
  const b = overlap.measureB;
  const sharedFields = new Set(overlap.shared.fieldsOfAction.map((f) => f.id));
  const sharedGroups = new Set(overlap.shared.targetGroups.map((g) => g.id));
  const sharedPlaces = new Set(overlap.shared.municipalities.map((m) => m.id));
  const stems = useMemo(() => (a && b ? sharedStems(`${a.title} ${a.description}`, `${b.title} ${b.description}`) : new Set<string>()), [a, b]);
  const rows: { label: string; shared?: ReactNode; cell: (m: ComparedMeasureFragment) => ReactNode }[] = [
    { label: t("measures:col.title"), cell: (m) => <strong><Marked text={m.title} stems={stems} /></strong> },
    { label: t("measures:col.provider"), cell: (m) => <Link to={`/akteure/${encodeURIComponent(m.provider.id)}`}>{m.provider.name}</Link> },
    { label: t("measures:col.fields"), cell: (m) => <Chips items={m.fieldsOfAction.map((f) => ({ id: f.id, label: name(f) }))} shared={sharedFields} /> },
    { label: t("measures:col.targetGroups"), cell: (m) => <Chips items={m.targetGroups.map((g) => ({ id: g.id, label: name(g) }))} shared={sharedGroups} /> },
    {
      label: t("measures:col.area"),
      cell: (m) => (m.countyWide ? <span className={overlap.shared.countyWide ? "chip chip--shared" : "chip"}>{t("common:countyWide")}</span> : <Chips items={m.municipalities.map((x) => ({ id: x.id, label: x.name }))} shared={sharedPlaces} />),
    },
    { label: t("measures:col.age"), cell: (m) => formatAgeBand(m.ageMin, m.ageMax, t) },
    { label: t("measures:period"), cell: (m) => `${m.startDate ? formatDate(m.startDate) : t("measures:openStart")} – ${m.endDate ? formatDate(m.endDate) : t("measures:openEnd")}` },
    { label: t("measures:schedule"), cell: (m) => m.schedule ?? "" },
    { label: t("measures:venue"), cell: (m) => m.venue ?? "" },
    { label: t("measures:col.status"), cell: (m) => t(`enums:MeasureStatus.${m.status}`) },
    { label: t("measures:description"), cell: (m) => <span className="prewrap"><Marked text={m.description} stems={stems} /></span> },
  ];
  return (
    <section className="panel" aria-labelledby="vergleich">
      <h2 id="vergleich">{t("overlaps:comparison")}</h2>
      <p className="muted">{t("overlaps:comparisonHint", { age: overlap.shared.ageMin != null || overlap.shared.ageMax != null ? formatAgeBand(overlap.shared.ageMin, overlap.shared.ageMax, t) : "–" })}</p>
      <div className="table-scroll">
        <table className="data-table compare-table">
          <caption className="visually-hidden">{t("overlaps:comparisonCaption")}</caption>
          <thead>
            <tr>
              <td />
              <th scope="col">{a ? <Link to={`/massnahmen/${encodeURIComponent(a.id)}`}>{t("overlaps:offerA")}</Link> : t("overlaps:offerA")}</th>
              <th scope="col">{b ? <Link to={`/massnahmen/${encodeURIComponent(b.id)}`}>{t("overlaps:offerB")}</Link> : t("overlaps:offerB")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td>{a ? row.cell(a) : <span className="muted">{t("measures:hiddenMeasure")}</span>}</td>
                <td>{b ? row.cell(b) : <span className="muted">{t("measures:hiddenMeasure")}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The commissioner's decision with a note; a stale version offers reload-and-reapply. */
function ReviewForm({ overlap, reload }: { overlap: Overlap; reload: () => Promise<Overlap> }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState(overlap.status);
  const choices = nextStatuses(current);
  // No decision is preselected: confirming a duplicate structure must be a deliberate choice.
  const [status, setStatus] = useState<OverlapStatus | null>(null);
  const [missingChoice, setMissingChoice] = useState(false);
  const [note, setNote] = useState(overlap.reviewNote ?? "");
  const [version, setVersion] = useState(overlap.version);
  const [done, setDone] = useState<string | null>(null);
  const [review, { loading, error, reset }] = useMutation(reviewOverlapMutation);
  const fields: Record<string, string> = { ...(error ? fieldErrors(error, t) : {}), ...(missingChoice ? { status: t("errors:field.required") } : {}) };
  const conflict = error ? conflictOf(error) : null;
  const [reapplied, setReapplied] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    setReapplied(false);
    setMissingChoice(!status);
    if (!status) return;
    try {
      const { data } = await review({ variables: { input: { id: overlap.id, version, status, note: note.trim() || null } } });
      if (data) {
        setVersion(data.reviewOverlap.overlap.version);
        setCurrent(data.reviewOverlap.overlap.status);
        setDone(t("overlaps:reviewed", { status: t(`enums:OverlapStatus.${data.reviewOverlap.overlap.status}`) }));
        setStatus(null);
      }
    } catch {
      /* shown from `error` */
    }
  }

  return (
    <section className="panel" aria-labelledby="pruefen">
      <h2 id="pruefen">{t("overlaps:reviewTitle")}</h2>
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={fields} labels={{ status: t("overlaps:decision"), note: t("overlaps:note") }} />
        {conflict && (
          <ConflictNotice
            onReload={async () => {
              const fresh = await reload();
              setVersion(fresh.version);
              if (status && !nextStatuses(fresh.status).includes(status)) setStatus(null);
              reset();
              setReapplied(true);
            }}
          />
        )}
        {reapplied && <StatusMessage kind="empty">{t("common:conflict.reapplied")}</StatusMessage>}
        {error && !conflict && Object.keys(fields).length === 0 && <StatusMessage kind="error">{describeApiError(error, t)}</StatusMessage>}
        {done && <StatusMessage kind="empty">{done}</StatusMessage>}
        <fieldset className={`field fieldset${fields["status"] ? " field--invalid" : ""}`} id="feld-status" tabIndex={-1} aria-describedby={fields["status"] ? "status-fehler" : undefined}>
          <legend className="field__label">{t("overlaps:decision")}</legend>
          <div className="checks">
            {choices.map((c) => (
              <label key={c} className="check">
                <input type="radio" name="status" value={c} checked={status === c} onChange={() => { setStatus(c); setMissingChoice(false); }} />
                <span>
                  <strong>{t(`enums:OverlapStatus.${c}`)}</strong> – {t(`overlaps:decisionHint.${c}`)}
                </span>
              </label>
            ))}
          </div>
          {fields["status"] && (
            <span className="field__error" id="status-fehler">
              {fields["status"]}
            </span>
          )}
        </fieldset>
        <TextField label={t("overlaps:note")} name="note" multiline rows={3} hint={t("overlaps:noteHint")} value={note} onChange={setNote} error={fields["note"]} />
        <button type="submit" className="button" disabled={loading}>
          {loading ? t("common:saving") : t("overlaps:submitReview")}
        </button>
      </form>
    </section>
  );
}
