import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { QueryState } from "../../ui/QueryState";
import { formatAgeBand, formatCount, formatDecimal } from "../../ui/format";
import { actorQuery } from "../actors/actors.documents";
import { useLocalName } from "../taxonomy/useTaxonomy";
import type { GraphPayload } from "./graph-build";

type Props = { id: string; node: GraphPayload["nodes"][number]; onClose: () => void };

/** The clicked actor: profile, offerings, bodies, cooperations, responsibilities and overlaps. */
export function ActorPanel({ id, node, onClose }: Props) {
  const { t } = useTranslation();
  const name = useLocalName();
  const { data, loading, error, refetch } = useQuery(actorQuery, { variables: { id } });
  const actor = data?.actor;
  return (
    <div className="actor-panel">
      <div className="actor-panel__head">
        <h2 tabIndex={-1}>{node.name}</h2>
        <button type="button" className="link-button" onClick={onClose}>
          {t("common:close")}
        </button>
      </div>
      <p className="muted">
        {t(`enums:ActorKind.${node.kind}`, { defaultValue: node.kind })} · {t("map:degreeShort", { n: node.degree })}
        {node.betweenness != null && ` · ${t("map:betweenness")} ${formatDecimal(node.betweenness, 3)}`}
      </p>
      <QueryState loading={loading} error={error} hasData={!!actor} onRetry={() => void refetch()}>
        {actor && (
          <>
            {actor.description && <p className="small">{actor.description}</p>}
            <p>
              <Link to={`/akteure/${encodeURIComponent(actor.id)}`}>{t("map:openProfile")}</Link>
            </p>
            <h3>{t("actors:measures", { count: actor.measures.length })}</h3>
            <ul className="plain-list small">
              {actor.measures.slice(0, 8).map((m) => (
                <li key={m.id}><Link to={`/massnahmen/${encodeURIComponent(m.id)}`}>{m.title}</Link></li>
              ))}
              {actor.measures.length > 8 && <li>{t("map:more", { count: actor.measures.length - 8 })}</li>}
            </ul>
            {actor.overlapCount > 0 && (
              <p>
                <Link to={`/ueberschneidungen?status=OPEN&status=CONFIRMED`}>{t("map:overlaps", { count: actor.overlapCount })}</Link>
              </p>
            )}
            <h3>{t("actors:memberships")}</h3>
            <p className="small">{actor.memberships.map((m) => m.network.name).join(", ") || t("actors:noMemberships")}</p>
            <h3>{t("actors:cooperations")}</h3>
            <p className="small">{t("map:cooperationCount", { count: formatCount(actor.cooperations.length) })}</p>
            <h3>{t("actors:handlers")}</h3>
            {actor.handlers.length === 0 ? (
              <p className="small">{t("actors:noHandlers")}</p>
            ) : (
              <ul className="plain-list small">
                {actor.handlers.map((h) => (
                  <li key={h.id}>{name(h.fieldOfAction)} – {formatAgeBand(h.ageMin, h.ageMax, t)}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </QueryState>
    </div>
  );
}
