import { useTranslation } from "react-i18next";

type Direction = "ASC" | "DESC";

type Props<F extends string> = {
  field: F;
  label: string;
  sort: { field: F; direction: Direction };
  onSort: (sort: { field: F; direction: Direction }) => void;
  className?: string;
};

/** A column header that sorts; aria-sort tells screen readers the current order. */
export function SortHeader<F extends string>({ field, label, sort, onSort, className }: Props<F>) {
  const { t } = useTranslation();
  const active = sort.field === field;
  const nextDirection: Direction = active && sort.direction === "ASC" ? "DESC" : "ASC";
  return (
    <th scope="col" className={className} aria-sort={active ? (sort.direction === "ASC" ? "ascending" : "descending") : "none"}>
      <button type="button" className="sort-button" onClick={() => onSort({ field, direction: nextDirection })}>
        {label}
        <span aria-hidden="true" className="sort-button__icon">
          {active ? (sort.direction === "ASC" ? "▲" : "▼") : "↕"}
        </span>
        <span className="visually-hidden">
          {t(nextDirection === "ASC" ? "common:sort.ascending" : "common:sort.descending")}
        </span>
      </button>
    </th>
  );
}
