import { CombinedGraphQLErrors } from "@apollo/client";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { describeApiError } from "../../app/api-error";
import { usePageTitle } from "../../app/usePageTitle";
import { downloadCsv, toCsv } from "../../ui/csv";
import { TextField } from "../../ui/Field";
import { StatusMessage } from "../../ui/StatusMessage";
import { formatCount } from "../../ui/format";
import { analystExamples } from "./analyst.examples";
import { tableOf } from "./flatten";

const PREVIEW_ROWS = 10;

/** Plain fetch, no Apollo cache: an analyst's ad-hoc results are not the app's data. */
async function runQuery(query: string): Promise<unknown> {
  const response = await fetch("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  if (body.errors?.length) throw new CombinedGraphQLErrors(body as never);
  return body.data;
}

export function AnalystPage() {
  const { t } = useTranslation();
  usePageTitle(t("analyst:title"));
  const [query, setQuery] = useState(analystExamples[2]!.query);
  const [state, setState] = useState<{ busy: boolean; error: string | null; table: ReturnType<typeof tableOf>; ran: boolean }>({ busy: false, error: null, table: null, ran: false });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setState({ busy: true, error: null, table: null, ran: false });
    try {
      setState({ busy: false, error: null, table: tableOf(await runQuery(query)), ran: true });
    } catch (error) {
      setState({ busy: false, error: describeApiError(error, t), table: null, ran: true });
    }
  }

  const table = state.table;
  return (
    <section>
      <h1 tabIndex={-1}>{t("analyst:title")}</h1>
      <p className="lead">{t("analyst:intro")}</p>
      <section className="panel" aria-labelledby="konsole">
        <h2 id="konsole">{t("analyst:console")}</h2>
        <p>{t("analyst:consoleText")}</p>
        <p>
          <a className="button" href="/graphiql">
            {t("analyst:openConsole")}
          </a>
        </p>
      </section>
      <section className="panel" aria-labelledby="beispiele">
        <h2 id="beispiele">{t("analyst:examplesTitle")}</h2>
        <ul className="card-list">
          {analystExamples.map((example) => (
            <li key={example.id} className="card">
              <h3 className="card__title">{t(example.titleKey)}</h3>
              <pre className="code-block">
                <code>{example.query}</code>
              </pre>
              <p className="row-actions">
                <a href={`/graphiql?query=${encodeURIComponent(example.query)}`}>
                  {t("analyst:openInConsole")}
                  <span className="visually-hidden">: {t(example.titleKey)}</span>
                </a>
                <button type="button" className="link-button" onClick={() => setQuery(example.query)}>
                  {t("analyst:useForCsv")}
                  <span className="visually-hidden">: {t(example.titleKey)}</span>
                </button>
              </p>
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="csv">
        <h2 id="csv">{t("analyst:csvTitle")}</h2>
        <p>{t("analyst:csvText")}</p>
        <form onSubmit={submit}>
          <TextField label={t("analyst:query")} name="query" multiline rows={12} value={query} onChange={setQuery} className="code-field" />
          <button type="submit" className="button" disabled={state.busy}>
            {state.busy ? t("common:loading") : t("analyst:run")}
          </button>
        </form>
        <div aria-live="polite">
          {state.error && <StatusMessage kind="error">{state.error}</StatusMessage>}
          {state.ran && !state.error && !table && <StatusMessage kind="empty">{t("analyst:noList")}</StatusMessage>}
          {table && (
            <>
              <p>
                {t("analyst:rows", { count: table.rows.length, shown: formatCount(Math.min(PREVIEW_ROWS, table.rows.length)) })}{" "}
                <button
                  type="button"
                  className="button"
                  onClick={() => downloadCsv("abfrage.csv", toCsv(table.rows, table.columns.map((c) => ({ header: c, value: (r: Record<string, string>) => r[c] ?? "" }))))}
                >
                  {t("common:csv.export")}
                </button>
              </p>
              <div className="table-scroll">
                <table className="data-table">
                  <caption className="visually-hidden">{t("analyst:preview")}</caption>
                  <thead>
                    <tr>
                      {table.columns.map((c) => (
                        <th key={c} scope="col">{c}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {table.rows.slice(0, PREVIEW_ROWS).map((r, i) => (
                      <tr key={i}>
                        {table.columns.map((c) => (
                          <td key={c}>{r[c]}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </div>
      </section>
      <section className="panel" aria-labelledby="listen">
        <h2 id="listen">{t("analyst:listsTitle")}</h2>
        <p>{t("analyst:listsText")}</p>
        <ul className="plain-list">
          <li><Link to="/massnahmen">{t("nav:measures")}</Link></li>
          <li><Link to="/akteure">{t("nav:actors")}</Link></li>
          <li><Link to="/ueberschneidungen">{t("nav:overlaps")}</Link></li>
          <li><Link to="/gremien">{t("nav:networks")}</Link></li>
          <li><Link to="/versorgung">{t("nav:coverage")}</Link></li>
        </ul>
      </section>
    </section>
  );
}
