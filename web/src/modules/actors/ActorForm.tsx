import { useMutation } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { conflictOf, describeApiError, fieldErrors } from "../../app/api-error";
import type { UpdateActorInput } from "../../gql/graphql";
import { ConflictNotice } from "../../ui/ConflictNotice";
import { ErrorSummary } from "../../ui/ErrorSummary";
import { SelectField, TextField } from "../../ui/Field";
import { StatusMessage } from "../../ui/StatusMessage";
import { useReapply } from "../../ui/useReapply";
import { useTaxonomy } from "../taxonomy/useTaxonomy";
import { updateActorMutation } from "./actors.documents";

export type Contact = { id?: string | undefined; name: string; role: string; email: string; phone: string };

export type ActorValues = {
  name: string;
  shortName: string;
  description: string;
  email: string;
  phone: string;
  website: string;
  address: string;
  municipalityId: string;
  languages: string;
  contactPersons: Contact[];
};

type Source = {
  name: string;
  shortName?: string | null;
  description: string;
  email?: string | null;
  phone?: string | null;
  website?: string | null;
  address?: string | null;
  languages: readonly string[];
  municipality?: { id: string } | null;
  contactPersons: readonly { id: string; name: string; role?: string | null; email?: string | null; phone?: string | null }[];
};

export function actorValues(a: Source): ActorValues {
  return {
    name: a.name,
    shortName: a.shortName ?? "",
    description: a.description,
    email: a.email ?? "",
    phone: a.phone ?? "",
    website: a.website ?? "",
    address: a.address ?? "",
    municipalityId: a.municipality?.id ?? "",
    languages: a.languages.join(", "),
    contactPersons: a.contactPersons.map((c) => ({ id: c.id, name: c.name, role: c.role ?? "", email: c.email ?? "", phone: c.phone ?? "" })),
  };
}

const text = (s: string) => (s.trim() === "" ? null : s.trim());

export function toUpdateActorInput(v: ActorValues, id: string, version: number): UpdateActorInput {
  return {
    id,
    version,
    name: v.name.trim(),
    shortName: text(v.shortName),
    description: v.description,
    email: text(v.email),
    phone: text(v.phone),
    website: text(v.website),
    address: text(v.address),
    municipalityId: v.municipalityId || null,
    languages: v.languages.split(/[,\s]+/).map((l) => l.trim().toLowerCase()).filter(Boolean),
    contactPersons: v.contactPersons.map((c) => ({ ...(c.id ? { id: c.id } : {}), name: c.name.trim(), role: text(c.role), email: text(c.email), phone: text(c.phone) })),
  };
}

type Props = {
  id: string;
  version: number;
  initial: ActorValues;
  reload: () => Promise<{ values: ActorValues; version: number }>;
  onSaved?: () => void;
};

/**
 * The organisation's profile and contact persons (updateActor). Partners may save only their own
 * organisation; the API says FORBIDDEN otherwise, which is shown like any other error.
 */
export function ActorForm({ id, version: initialVersion, initial, reload, onSaved }: Props) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const form = useReapply(initial);
  const v = form.values;
  const [version, setVersion] = useState(initialVersion);
  const [saved, setSaved] = useState(false);
  const [reapplied, setReapplied] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [update, { loading, error, reset }] = useMutation(updateActorMutation);
  const fields = error ? fieldErrors(error, t) : {};
  const conflict = error ? conflictOf(error) : null;

  const labels: Record<string, string> = {
    name: t("actors:form.name"),
    shortName: t("actors:form.shortName"),
    description: t("actors:form.description"),
    email: t("actors:form.email"),
    phone: t("actors:form.phone"),
    website: t("actors:form.website"),
    address: t("actors:form.address"),
    municipalityId: t("actors:col.municipality"),
    languages: t("measures:form.languages"),
    contactPersons: t("actors:contacts"),
  };
  v.contactPersons.forEach((_, i) => {
    labels[`contactPersons.${i}.name`] = `${t("actors:contact", { n: i + 1 })} – ${t("actors:form.contactName")}`;
    labels[`contactPersons.${i}.role`] = `${t("actors:contact", { n: i + 1 })} – ${t("actors:form.contactRole")}`;
    labels[`contactPersons.${i}.email`] = `${t("actors:contact", { n: i + 1 })} – ${t("actors:form.email")}`;
    labels[`contactPersons.${i}.phone`] = `${t("actors:contact", { n: i + 1 })} – ${t("actors:form.phone")}`;
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    setReapplied(false);
    try {
      const { data } = await update({ variables: { input: toUpdateActorInput(v, id, version) } });
      if (data) {
        setVersion(data.updateActor.actor.version);
        form.load(actorValues(data.updateActor.actor));
        setSaved(true);
        onSaved?.();
      }
    } catch {
      /* shown from `error` */
    }
  }

  const setContact = (index: number, key: keyof Contact, value: string) =>
    form.set("contactPersons", v.contactPersons.map((c, i) => (i === index ? { ...c, [key]: value } : c)));

  return (
    <form className="form" onSubmit={submit} noValidate>
      <ErrorSummary errors={fields} labels={labels} />
      {conflict && (
        <ConflictNotice
          busy={reloading}
          onReload={async () => {
            setReloading(true);
            try {
              const fresh = await reload();
              form.rebase(fresh.values);
              setVersion(fresh.version);
              reset();
              setReapplied(true);
            } finally {
              setReloading(false);
            }
          }}
        />
      )}
      {reapplied && <StatusMessage kind="empty">{t("common:conflict.reapplied")}</StatusMessage>}
      {saved && <StatusMessage kind="empty">{t("common:saved")}</StatusMessage>}
      {error && !conflict && Object.keys(fields).length === 0 && <StatusMessage kind="error">{describeApiError(error, t)}</StatusMessage>}
      <p className="form__note">{t("common:form.requiredNote")}</p>
      <TextField label={labels.name!} name="name" required value={v.name} onChange={(x) => form.set("name", x)} error={fields["name"]} />
      <TextField label={labels.shortName!} name="shortName" value={v.shortName} onChange={(x) => form.set("shortName", x)} error={fields["shortName"]} />
      <TextField label={labels.description!} name="description" multiline rows={5} value={v.description} onChange={(x) => form.set("description", x)} error={fields["description"]} />
      <div className="form-row">
        <TextField label={labels.email!} name="email" type="email" autoComplete="email" value={v.email} onChange={(x) => form.set("email", x)} error={fields["email"]} hint={t("actors:form.emailHint")} />
        <TextField label={labels.phone!} name="phone" type="tel" autoComplete="tel" value={v.phone} onChange={(x) => form.set("phone", x)} error={fields["phone"]} />
      </div>
      <TextField label={labels.website!} name="website" type="url" value={v.website} onChange={(x) => form.set("website", x)} error={fields["website"]} hint={t("actors:form.websiteHint")} />
      <TextField label={labels.address!} name="address" value={v.address} onChange={(x) => form.set("address", x)} error={fields["address"]} />
      <div className="form-row">
        <SelectField label={labels.municipalityId!} name="municipalityId" value={v.municipalityId} onChange={(x) => form.set("municipalityId", x)} options={taxonomy.municipalityOptions} placeholder={t("common:none")} error={fields["municipalityId"]} />
        <TextField label={labels.languages!} name="languages" value={v.languages} onChange={(x) => form.set("languages", x)} error={fields["languages"]} hint={t("measures:form.languagesHint")} />
      </div>
      <fieldset className="fieldset" id="feld-contactPersons" tabIndex={-1}>
        <legend className="field__label">{labels.contactPersons}</legend>
        {v.contactPersons.map((c, i) => (
          <div key={c.id ?? `neu-${i}`} className="contact-row">
            <TextField label={t("actors:form.contactName")} name={`contactPersons.${i}.name`} required value={c.name} onChange={(x) => setContact(i, "name", x)} error={fields[`contactPersons.${i}.name`]} />
            <TextField label={t("actors:form.contactRole")} name={`contactPersons.${i}.role`} value={c.role} onChange={(x) => setContact(i, "role", x)} error={fields[`contactPersons.${i}.role`]} />
            <TextField label={t("actors:form.email")} name={`contactPersons.${i}.email`} type="email" value={c.email} onChange={(x) => setContact(i, "email", x)} error={fields[`contactPersons.${i}.email`]} />
            <TextField label={t("actors:form.phone")} name={`contactPersons.${i}.phone`} type="tel" value={c.phone} onChange={(x) => setContact(i, "phone", x)} error={fields[`contactPersons.${i}.phone`]} />
            <button type="button" className="link-button" onClick={() => form.set("contactPersons", v.contactPersons.filter((_, j) => j !== i))}>
              {t("actors:form.removeContact", { n: i + 1 })}
            </button>
          </div>
        ))}
        <button type="button" className="button button--secondary" onClick={() => form.set("contactPersons", [...v.contactPersons, { name: "", role: "", email: "", phone: "" }])}>
          {t("actors:form.addContact")}
        </button>
      </fieldset>
      <div className="actions">
        <button type="submit" className="button" disabled={loading}>
          {loading ? t("common:saving") : t("common:save")}
        </button>
      </div>
    </form>
  );
}
