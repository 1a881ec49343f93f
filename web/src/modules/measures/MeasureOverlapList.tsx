import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MeasureOverlapsQuery } from "../../gql/graphql";
import { formatPercent } from "../../ui/format";

type Overlap = MeasureOverlapsQuery["measure"]["overlaps"][number];

/** The other offering of each overlap, its score and why; links to the review for those who review. */
export function MeasureOverlapList({ measureId, overlaps, linkToReview }: { measureId: string; overlaps: readonly Overlap[]; linkToReview: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className="card-list">
      {overlaps.map((o) => {
        const other = o.measureA?.id === measureId ? o.measureB : o.measureA;
        return (
          <li key={o.id} className="card">
            <p className="card__title">
              {other ? <Link to={`/massnahmen/${encodeURIComponent(other.id)}`}>{other.title}</Link> : t("measures:hiddenMeasure")}
              {other && <span className="card__sub"> – {other.provider.name}</span>}
            </p>
            <p>
              <span className="score">{t("overlaps:score", { score: formatPercent(o.score) })}</span> ·{" "}
              <span className={`status-pill status-pill--${o.status.toLowerCase()}`}>{t(`enums:OverlapStatus.${o.status}`)}</span> · {t(`enums:OverlapKind.${o.kind}`)}
            </p>
            <p className="muted">{o.explanation}</p>
            {linkToReview && (
              <p>
                <Link to={`/ueberschneidungen/${encodeURIComponent(o.id)}`}>{t("overlaps:openReview")}</Link>
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
