import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useSession } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import type { ActorQuery } from "../../gql/graphql";
import { QueryState } from "../../ui/QueryState";
import { formatAgeBand, formatDate } from "../../ui/format";
import { useLocalName } from "../taxonomy/useTaxonomy";
import { actorQuery } from "./actors.documents";

export function ActorPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const name = useLocalName();
  const { account, role } = useSession();
  // Seats, cooperations and responsibilities are edited on other screens: show the current state.
  const { data, loading, error, refetch } = useQuery(actorQuery, { variables: { id }, fetchPolicy: "cache-and-network" });
  const actor = data?.actor;
  usePageTitle(actor?.name ?? t("actors:detailTitle"));
  const mayEdit = !!actor && (role === "COMMISSIONER" || (role === "PARTNER" && account?.actor?.id === actor.id));
  return (
    <QueryState loading={loading} error={error} hasData={!!actor} onRetry={() => void refetch()}>
      {actor && <ActorProfile actor={actor} mayEdit={mayEdit} name={name} />}
    </QueryState>
  );
}

type Actor = ActorQuery["actor"];

export function ActorProfile({ actor, mayEdit, name, headingLevel = 1 }: { actor: Actor; mayEdit: boolean; name: (n: { nameDe: string; nameEn: string }) => string; headingLevel?: 1 | 2 }) {
  const { t } = useTranslation();
  // Cooperations and responsibilities are kept by the commissioner (the API allows no one else).
  const manages = useSession().role === "COMMISSIONER";
  const forActor = `akteur=${encodeURIComponent(actor.id)}`;
  const Title = headingLevel === 1 ? "h1" : "h2";
  const Sub = headingLevel === 1 ? "h2" : "h3";
  return (
    <article>
      {headingLevel === 1 && (
        <p className="breadcrumb">
          <Link to="/akteure">{t("actors:title")}</Link>
        </p>
      )}
      <Title tabIndex={-1}>{actor.name}</Title>
      <p className="lead">
        {t(`enums:ActorKind.${actor.kind}`)} · {t(`enums:Level.${actor.level}`)}
        {actor.municipality ? ` · ${actor.municipality.name}` : ""}
        {actor.shortName ? ` · ${actor.shortName}` : ""}
      </p>
      {mayEdit && (
        <p className="actions">
          <Link className="button" to={`/akteure/${encodeURIComponent(actor.id)}/bearbeiten`}>
            {t("actors:edit")}
          </Link>
          {manages && <Link to={`/konten?${forActor}`}>{t("actors:invite")}</Link>}
        </p>
      )}
      <div className="two-columns">
        <section className="panel">
          <Sub>{t("actors:profile")}</Sub>
          <p className="prewrap">{actor.description || t("measures:noDescription")}</p>
          <dl className="facts">
            {actor.address && (<><dt>{t("actors:form.address")}</dt><dd>{actor.address}</dd></>)}
            {actor.email && (<><dt>{t("actors:form.email")}</dt><dd><a href={`mailto:${actor.email}`}>{actor.email}</a></dd></>)}
            {actor.phone && (<><dt>{t("actors:form.phone")}</dt><dd><a href={`tel:${actor.phone.replace(/\s/g, "")}`}>{actor.phone}</a></dd></>)}
            {actor.website && (<><dt>{t("actors:form.website")}</dt><dd><a href={actor.website} rel="noreferrer noopener">{actor.website}</a></dd></>)}
            {actor.languages.length > 0 && (<><dt>{t("measures:languages")}</dt><dd>{actor.languages.join(", ")}</dd></>)}
          </dl>
        </section>
        <section className="panel">
          <Sub>{t("actors:contacts")}</Sub>
          {actor.contactPersons.length === 0 ? (
            <p className="muted">{t("actors:noContacts")}</p>
          ) : (
            <ul className="plain-list">
              {actor.contactPersons.map((c) => (
                <li key={c.id}>
                  <strong>{c.name}</strong>
                  {c.role ? `, ${c.role}` : ""}
                  {c.email && <> · <a href={`mailto:${c.email}`}>{c.email}</a></>}
                  {c.phone && <> · {c.phone}</>}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <section className="panel">
        <Sub>{t("actors:measures", { count: actor.measures.length })}</Sub>
        {actor.measures.length === 0 ? (
          <p className="muted">{t("actors:noMeasures")}</p>
        ) : (
          <ul className="plain-list">
            {actor.measures.map((m) => (
              <li key={m.id}>
                <Link to={`/massnahmen/${encodeURIComponent(m.id)}`}>{m.title}</Link> – {t(`enums:MeasureStatus.${m.status}`)}
                {!m.published && <span className="badge">{t("measures:unpublished")}</span>}
              </li>
            ))}
          </ul>
        )}
        {actor.partnerMeasures.length > 0 && (
          <>
            <h3>{t("actors:partnerMeasures")}</h3>
            <ul className="plain-list">
              {actor.partnerMeasures.map((m) => (
                <li key={m.id}>
                  <Link to={`/massnahmen/${encodeURIComponent(m.id)}`}>{m.title}</Link> ({m.provider.name})
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <div className="two-columns">
        <section className="panel">
          <Sub>{t("actors:memberships")}</Sub>
          {actor.memberships.length === 0 ? (
            <p className="muted">{t("actors:noMemberships")}</p>
          ) : (
            <ul className="plain-list">
              {actor.memberships.map((m) => (
                <li key={m.id}>
                  <Link to={`/gremien/${encodeURIComponent(m.network.id)}`}>{m.network.name}</Link> – {t(`enums:MembershipRole.${m.role}`)}
                  {m.until ? ` (${t("actors:until", { date: formatDate(m.until) })})` : ""}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="panel">
          <Sub>{t("actors:cooperations")}</Sub>
          {actor.cooperations.length === 0 ? (
            <p className="muted">{t("actors:noCooperations")}</p>
          ) : (
            <ul className="plain-list">
              {actor.cooperations.map((c) => {
                const other = c.actorA.id === actor.id ? c.actorB : c.actorA;
                return (
                  <li key={c.id}>
                    <Link to={`/akteure/${encodeURIComponent(other.id)}`}>{other.name}</Link> – {t(`enums:CooperationKind.${c.kind}`)}
                    {manages && (
                      <>
                        {" "}
                        <Link to={`/kooperationen/${encodeURIComponent(c.id)}/bearbeiten`}>
                          {t("common:edit")}
                          <span className="visually-hidden">: {other.name}</span>
                        </Link>
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          <p className="row-actions">
            <Link to={`/kooperationen?${forActor}`}>{t("cooperations:all")}</Link>
            {manages && <Link to={`/kooperationen/neu?${forActor}`}>{t("cooperations:add")}</Link>}
          </p>
        </section>
      </div>
      <section className="panel">
        <Sub>{t("actors:handlers")}</Sub>
        {actor.handlers.length === 0 ? (
          <p className="muted">{t("actors:noHandlers")}</p>
        ) : (
          <table className="data-table">
            <caption className="visually-hidden">{t("actors:handlers")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("referral:need")}</th>
                <th scope="col">{t("measures:col.age")}</th>
                <th scope="col">{t("measures:col.targetGroups")}</th>
                <th scope="col">{t("measures:col.area")}</th>
                <th scope="col" className="num">{t("referral:priority")}</th>
                {manages && <th scope="col">{t("handlers:col.actions")}</th>}
              </tr>
            </thead>
            <tbody>
              {actor.handlers.map((h) => (
                <tr key={h.id}>
                  <th scope="row">{name(h.fieldOfAction)}</th>
                  <td>{formatAgeBand(h.ageMin, h.ageMax, t)}</td>
                  <td>{h.targetGroups.map(name).join(", ") || t("measures:everyone")}</td>
                  <td>{h.countyWide ? t("common:countyWide") : h.municipalities.map((m) => m.name).join(", ")}</td>
                  <td className="num">{h.priority}</td>
                  {manages && (
                    <td>
                      <Link to={`/zustaendigkeiten/${encodeURIComponent(h.id)}/bearbeiten`}>
                        {t("common:edit")}
                        <span className="visually-hidden">: {name(h.fieldOfAction)}</span>
                      </Link>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="row-actions">
          <Link to={`/zustaendigkeiten?${forActor}`}>{t("actors:allHandlers")}</Link>
          {manages && <Link to={`/zustaendigkeiten/neu?${forActor}`}>{t("actors:addHandler")}</Link>}
        </p>
      </section>
    </article>
  );
}
