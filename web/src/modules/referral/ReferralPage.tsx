import { useLazyQuery } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { fieldErrors } from "../../app/api-error";
import { useSession } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import { ErrorSummary } from "../../ui/ErrorSummary";
import { CheckboxGroup, SelectField, TextField } from "../../ui/Field";
import { QueryState } from "../../ui/QueryState";
import { StatusMessage } from "../../ui/StatusMessage";
import { formatAgeBand, formatDateTime } from "../../ui/format";
import { useTaxonomy } from "../taxonomy/useTaxonomy";
import { whoHandlesQuery } from "./referral.documents";

/**
 * "Wer ist zuständig?": a counsellor enters age, place, groups and need, and gets the responsible
 * office (first contact first, fall-backs after) and the fitting offerings, ready to print for the
 * person. The form checks what it can itself, so nobody waits for the server to learn a field is empty.
 */
export function ReferralPage() {
  const { t } = useTranslation();
  usePageTitle(t("referral:title"));
  const { account } = useSession();
  const taxonomy = useTaxonomy();
  const [age, setAge] = useState("");
  const [municipalityId, setMunicipalityId] = useState("");
  const [need, setNeed] = useState("");
  const [groups, setGroups] = useState<string[]>([]);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [asked, setAsked] = useState<{ age: string; place: string; need: string; groups: string[] } | null>(null);
  const [run, { data, loading, error, refetch }] = useLazyQuery(whoHandlesQuery);
  const fields = { ...localErrors, ...(error ? fieldErrors(error, t) : {}) };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!need) problems["need"] = t("errors:field.required");
    if (!municipalityId) problems["municipalityId"] = t("errors:field.required");
    if (age !== "" && !/^\d{1,3}$/.test(age)) problems["age"] = t("referral:ageInvalid");
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setAsked({
      age,
      place: taxonomy.municipalityOptions.find((m) => m.value === municipalityId)?.label ?? "",
      need: taxonomy.fieldOptions.find((f) => f.value === need)?.label.replace(/^– /, "") ?? "",
      groups: taxonomy.targetGroupOptions.filter((g) => groups.includes(g.value)).map((g) => g.label),
    });
    try {
      await run({ variables: { profile: { municipalityId, need, targetGroupIds: groups, age: age === "" ? null : Number(age) } } });
    } catch {
      /* shown from `error` */
    }
  }

  const result = data?.whoHandles;
  return (
    <section className="referral">
      <h1 tabIndex={-1}>{t("referral:title")}</h1>
      <p className="lead">{t("referral:intro")}</p>
      <form className="form no-print" onSubmit={submit} noValidate>
        <ErrorSummary errors={fields} labels={{ age: t("referral:age"), municipalityId: t("referral:municipality"), need: t("referral:need"), targetGroupIds: t("referral:groups") }} />
        <div className="form-row">
          <SelectField label={t("referral:need")} name="need" required value={need} onChange={setNeed} options={taxonomy.fieldOptions} placeholder={t("measures:form.choose")} error={fields["need"]} />
          <SelectField label={t("referral:municipality")} name="municipalityId" required value={municipalityId} onChange={setMunicipalityId} options={taxonomy.municipalityOptions} placeholder={t("measures:form.choose")} error={fields["municipalityId"]} hint={t("referral:municipalityHint")} />
          <TextField label={t("referral:age")} name="age" type="number" min={0} max={120} inputMode="numeric" value={age} onChange={setAge} error={fields["age"]} hint={t("referral:ageHint")} />
        </div>
        <CheckboxGroup label={t("referral:groups")} name="targetGroupIds" columns hint={t("referral:groupsHint")} values={groups} onChange={setGroups} options={taxonomy.targetGroupOptions} error={fields["targetGroupIds"]} />
        <button type="submit" className="button" disabled={loading}>
          {t("referral:submit")}
        </button>
      </form>
      {asked && (
        <div className="referral__result" aria-live="polite">
          <QueryState loading={loading} error={error} hasData={!!result && !loading} onRetry={() => void refetch()}>
            {result && (
              <>
                <div className="actions no-print">
                  <button type="button" className="button button--secondary" onClick={() => window.print()}>
                    {t("referral:print")}
                  </button>
                </div>
                <section className="panel print-only-border" aria-labelledby="anfrage">
                  <h2 id="anfrage">{t("referral:question")}</h2>
                  <p>
                    {t("referral:summary", { need: asked.need, place: asked.place })}
                    {asked.age !== "" ? ` ${t("referral:summaryAge", { age: asked.age })}` : ""}
                    {asked.groups.length > 0 ? ` ${t("referral:summaryGroups", { groups: asked.groups.join(", ") })}` : ""}
                  </p>
                  <p className="print-only">{t("referral:printedAt", { date: formatDateTime(new Date().toISOString()) })}</p>
                </section>
                {result.ambiguous && <StatusMessage kind="error">{t("referral:ambiguous")}</StatusMessage>}
                <section className="panel" aria-labelledby="zustaendig">
                  <h2 id="zustaendig">{t("referral:handlers")}</h2>
                  {result.miss || result.handlers.length === 0 ? (
                    <StatusMessage kind="empty">{t("referral:miss")}</StatusMessage>
                  ) : (
                    <ol className="card-list handler-list">
                      {result.handlers.map((h, i) => (
                        <li key={h.id} className="card">
                          <p className="card__title">
                            {i === 0 || h.priority === 1 ? <span className="badge badge--first">{t("referral:firstContact")}</span> : <span className="badge">{t("referral:fallback")}</span>}{" "}
                            {account ? <Link to={`/akteure/${encodeURIComponent(h.actor.id)}`}>{h.actor.name}</Link> : h.actor.name}
                          </p>
                          <p className="muted">
                            {taxonomy.name(h.fieldOfAction)} · {formatAgeBand(h.ageMin, h.ageMax, t)} · {h.targetGroups.map(taxonomy.name).join(", ") || t("measures:everyone")}
                          </p>
                          <dl className="facts">
                            {h.actor.address && (<><dt>{t("actors:form.address")}</dt><dd>{h.actor.address}</dd></>)}
                            {h.actor.phone && (<><dt>{t("actors:form.phone")}</dt><dd><a href={`tel:${h.actor.phone.replace(/\s/g, "")}`}>{h.actor.phone}</a></dd></>)}
                            {h.actor.email && (<><dt>{t("actors:form.email")}</dt><dd><a href={`mailto:${h.actor.email}`}>{h.actor.email}</a></dd></>)}
                            {h.actor.website && (<><dt>{t("actors:form.website")}</dt><dd><a href={h.actor.website} rel="noreferrer noopener">{h.actor.website}</a></dd></>)}
                            {h.languages.length > 0 && (<><dt>{t("measures:languages")}</dt><dd>{h.languages.join(", ")}</dd></>)}
                          </dl>
                          {h.note && <p>{h.note}</p>}
                        </li>
                      ))}
                    </ol>
                  )}
                </section>
                <section className="panel" aria-labelledby="angebote">
                  <h2 id="angebote">{t("referral:measures")}</h2>
                  {result.measures.length === 0 ? (
                    <StatusMessage kind="empty">{t("referral:noMeasures")}</StatusMessage>
                  ) : (
                    <ul className="card-list">
                      {result.measures.map((m) => (
                        <li key={m.id} className="card">
                          <p className="card__title">
                            <Link to={`/massnahmen/${encodeURIComponent(m.id)}`}>{m.title}</Link> <span className="card__sub">– {m.provider.name}</span>
                          </p>
                          <p className="muted">
                            {formatAgeBand(m.ageMin, m.ageMax, t)}
                            {m.schedule ? ` · ${m.schedule}` : ""}
                            {m.venue ? ` · ${m.venue}` : ""}
                          </p>
                          {m.registrationUrl && (
                            <p>
                              {t("measures:registration")}: <a href={m.registrationUrl}>{m.registrationUrl}</a>
                            </p>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
              </>
            )}
          </QueryState>
        </div>
      )}
    </section>
  );
}
