import { useApolloClient, useMutation } from "@apollo/client/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { describeApiError } from "../../app/api-error";
import type { MembershipNodeQuery, NetworkDetailFragment } from "../../gql/graphql";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { QueryState } from "../../ui/QueryState";
import { StatusMessage } from "../../ui/StatusMessage";
import { formatDate, todayIso } from "../../ui/format";
import { useActorOptions } from "../actors/useActorOptions";
import { emptyMembership, membershipValues } from "./network.form";
import { MembershipForm } from "./MembershipForm";
import { membershipNodeQuery, removeMembershipMutation } from "./networks.documents";

type Member = NetworkDetailFragment["members"][number];
type MembershipNode = Extract<NonNullable<MembershipNodeQuery["node"]>, { role: unknown }>;

/** `node` answers for any type; only a Membership carries the fields asked for. */
function isMembership(node: MembershipNodeQuery["node"] | undefined): node is MembershipNode {
  return !!node && "role" in node;
}

/** A seat counts as current until the day in `until` (the API's memberCount counts the same way). */
export function isCurrentSeat(m: { until?: string | null }, today = todayIso()): boolean {
  return !m.until || m.until >= today;
}

/**
 * The seats of a body, current and former. The commissioner adds seats, changes role and period (an
 * end date records that an actor left) and removes seats entered by mistake (asks first). One form
 * at a time, so every field keeps a unique label and id.
 */
export function MembersPanel({ network, mayEdit }: { network: NetworkDetailFragment; mayEdit: boolean }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [editing, setEditing] = useState<"new" | Member | null>(null);
  const [asking, setAsking] = useState<Member | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [remove, removeState] = useMutation(removeMembershipMutation);
  const actors = useActorOptions(!mayEdit || editing !== "new");
  const formHeading = useRef<HTMLHeadingElement>(null);
  const panelHeading = useRef<HTMLHeadingElement>(null);
  const current = network.members.filter((m) => isCurrentSeat(m));
  const former = network.members.filter((m) => !isCurrentSeat(m));

  useEffect(() => {
    if (editing) formHeading.current?.focus();
  }, [editing]);

  function close(message: string | null) {
    setEditing(null);
    setNotice(message);
    panelHeading.current?.focus();
  }

  const table = (members: Member[], caption: string) => (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("networks:membership.actor")}</th>
            <th scope="col">{t("networks:membership.role")}</th>
            <th scope="col">{t("networks:membership.since")}</th>
            <th scope="col">{t("networks:membership.until")}</th>
            {mayEdit && <th scope="col">{t("networks:actions")}</th>}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                <Link to={`/akteure/${encodeURIComponent(m.actor.id)}`}>{m.actor.name}</Link>
              </th>
              <td>{t(`enums:MembershipRole.${m.role}`)}</td>
              <td className="nowrap">{formatDate(m.since) || "–"}</td>
              <td className="nowrap">{formatDate(m.until) || "–"}</td>
              {mayEdit && (
                <td>
                  <div className="row-actions">
                    <button type="button" className="link-button" onClick={() => setEditing(m)}>
                      {t("common:edit")}
                      <span className="visually-hidden">: {m.actor.name}</span>
                    </button>
                    <button type="button" className="link-button" onClick={() => setAsking(m)}>
                      {t("networks:membership.remove")}
                      <span className="visually-hidden">: {m.actor.name}</span>
                    </button>
                  </div>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <section className="panel" aria-labelledby="mitglieder">
      <h2 id="mitglieder" tabIndex={-1} ref={panelHeading}>
        {t("networks:members")}
      </h2>
      {notice && <StatusMessage kind="empty">{notice}</StatusMessage>}
      {removeState.error && <StatusMessage kind="error">{describeApiError(removeState.error, t)}</StatusMessage>}
      {current.length === 0 ? <p className="muted">{t("networks:noMembers")}</p> : table(current, t("networks:membersCaption"))}
      {former.length > 0 && (
        <details>
          <summary>{t("networks:former", { count: former.length })}</summary>
          {table(former, t("networks:formerCaption"))}
        </details>
      )}
      {mayEdit && !editing && (
        <p className="actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              setNotice(null);
              setEditing("new");
            }}
          >
            {t("networks:membership.add")}
          </button>
        </p>
      )}
      {mayEdit && editing === "new" && (
        <section className="subpanel" aria-labelledby="sitz-neu">
          <h3 id="sitz-neu" tabIndex={-1} ref={formHeading}>
            {t("networks:membership.addTitle")}
          </h3>
          <QueryState loading={actors.loading} error={actors.error} hasData={!!actors.options} onRetry={actors.retry}>
            <MembershipForm
              networkId={network.id}
              initial={emptyMembership()}
              actorOptions={actors.options ?? []}
              onSaved={() => close(t("networks:membership.added"))}
              onCancel={() => close(null)}
            />
          </QueryState>
        </section>
      )}
      {mayEdit && editing && editing !== "new" && (
        <section className="subpanel" aria-labelledby="sitz-bearbeiten">
          <h3 id="sitz-bearbeiten" tabIndex={-1} ref={formHeading}>
            {t("networks:membership.editTitle", { name: editing.actor.name })}
          </h3>
          <MembershipForm
            key={editing.id}
            networkId={network.id}
            initial={membershipValues(editing)}
            existing={{
              id: editing.id,
              version: editing.version,
              reload: async () => {
                const fresh = (await client.query({ query: membershipNodeQuery, variables: { id: editing.id }, fetchPolicy: "network-only" })).data?.node;
                if (!isMembership(fresh)) throw new Error("membership is gone");
                return { values: membershipValues({ ...fresh, actor: editing.actor }), version: fresh.version };
              },
            }}
            onSaved={() => close(t("networks:membership.saved", { name: editing.actor.name }))}
            onCancel={() => close(null)}
          />
        </section>
      )}
      <ConfirmDialog
        open={!!asking}
        title={t("networks:membership.removeTitle")}
        confirmLabel={t("networks:membership.remove")}
        danger
        busy={removeState.loading}
        onCancel={() => setAsking(null)}
        onConfirm={async () => {
          const seat = asking;
          if (!seat) return;
          try {
            await remove({ variables: { input: { id: seat.id } } });
            if (editing && editing !== "new" && editing.id === seat.id) setEditing(null);
            setNotice(t("networks:membership.removed", { name: seat.actor.name }));
          } catch {
            /* shown above the table */
          } finally {
            setAsking(null);
          }
        }}
      >
        <p>{t("networks:membership.removeText", { name: asking?.actor.name ?? "" })}</p>
      </ConfirmDialog>
    </section>
  );
}
