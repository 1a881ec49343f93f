import { useState } from "react";
import { useTranslation } from "react-i18next";
import { describeApiError } from "../app/api-error";
import { downloadCsv, toCsv, type CsvColumn } from "./csv";

type Props<T> = {
  filename: string;
  columns: readonly CsvColumn<T>[];
  /** All rows of the list (every page), fetched when the button is pressed. */
  load: () => Promise<readonly T[]>;
  label?: string;
};

/** Exports the whole list as the filters define it, not just the page on screen. */
export function CsvButton<T>({ filename, columns, load, label }: Props<T>) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  return (
    <span className="csv-button">
      <button
        type="button"
        className="button button--secondary"
        disabled={state.busy}
        onClick={async () => {
          setState({ busy: true, error: null });
          try {
            downloadCsv(filename, toCsv(await load(), columns));
            setState({ busy: false, error: null });
          } catch (error) {
            setState({ busy: false, error: describeApiError(error, t) });
          }
        }}
      >
        {state.busy ? t("common:csv.busy") : (label ?? t("common:csv.export"))}
      </button>
      {state.error && (
        <span role="alert" className="field__error">
          {state.error}
        </span>
      )}
    </span>
  );
}

type Page<T> = { nodes: readonly T[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } };

/** Walks a Relay connection to its end, 100 rows at a time (the API's page-size limit). */
export async function loadAllPages<T>(fetchPage: (after: string | null) => Promise<Page<T>>, limit = 5000): Promise<T[]> {
  const rows: T[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Page<T> = await fetchPage(after);
    rows.push(...page.nodes);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor || rows.length >= limit) return rows;
    after = page.pageInfo.endCursor;
  }
}
