import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatCount } from "./format";

/** Cursor pagination (Relay connections): remembers the cursors of the pages before, for "back". */
export function useCursorPager() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const next = useCallback((endCursor: string | null | undefined) => {
    if (endCursor) setCursors((c) => [...c, endCursor]);
  }, []);
  const previous = useCallback(() => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)), []);
  const reset = useCallback(() => setCursors([null]), []);
  return { after, page: cursors.length, next, previous, reset };
}

type Props = {
  page: number;
  pageSize: number;
  shown: number;
  totalCount: number;
  hasNextPage: boolean;
  onNext: () => void;
  onPrevious: () => void;
  label: string;
};

export function Pagination({ page, pageSize, shown, totalCount, hasNextPage, onNext, onPrevious, label }: Props) {
  const { t } = useTranslation();
  const from = shown === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = (page - 1) * pageSize + shown;
  return (
    <nav className="pagination" aria-label={label}>
      <p aria-live="polite">
        {t("common:pagination.range", { from: formatCount(from), to: formatCount(to), total: formatCount(totalCount) })}
      </p>
      <div className="pagination__buttons">
        <button type="button" className="button button--secondary" onClick={onPrevious} disabled={page <= 1}>
          {t("common:pagination.previous")}
        </button>
        <button type="button" className="button button--secondary" onClick={onNext} disabled={!hasNextPage}>
          {t("common:pagination.next")}
        </button>
      </div>
    </nav>
  );
}
