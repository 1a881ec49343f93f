/** @jest-environment jsdom */
/// <reference lib="dom" />
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { GraphQLError } from "graphql";
import { createElement as h } from "react";
import { loadHarness, renderWithProviders } from "./helpers/render";
import type { WebHarness } from "./helpers/harness-types";

let web: WebHarness;

beforeAll(async () => {
  web = await loadHarness();
}, 120000);

const NETWORK_ID = "TmV0d29yazox";
const actors = [
  { value: "QWN0b3I6MQ", label: "Caritasverband Lörrach" },
  { value: "QWN0b3I6Mg", label: "Diakonisches Werk Lörrach" },
];

/** The NetworkDetail fragment as the API returns it after a change. */
function networkDetail(extra: object = {}) {
  return { __typename: "Network", id: NETWORK_ID, version: 2, name: "Arbeitskreis Migration", shortName: null, kind: "WORKING_GROUP", description: "", archived: false, memberCount: 0, members: [], meetings: [], ...extra };
}

/** A mock that accepts any variables and records them, so a test can check what the form sent. */
function mutationMock(query: object, result: object) {
  const sent = jest.fn((_variables: Record<string, unknown>) => true);
  return { sent, mock: { request: { query: query as never, variables: sent }, result } };
}

function badInput(fields: { path: string; message: string }[]) {
  return { errors: [new GraphQLError("Invalid input", { extensions: { code: "BAD_USER_INPUT", fields } })] };
}

describe("the network form", () => {
  it("creates a body with what was typed and reports the new id", async () => {
    const onSaved = jest.fn();
    const { sent, mock } = mutationMock(web.createNetworkMutation, { data: { createNetwork: { __typename: "NetworkPayload", network: networkDetail({ id: "TmV0d29yazo5", name: "Runder Tisch Zell" }) } } });
    renderWithProviders(web, h(web.NetworkForm, { initial: web.emptyNetwork(), onSaved }), [mock]);
    await userEvent.type(screen.getByLabelText(/Name des Gremiums/), " Runder Tisch Zell ");
    await userEvent.type(screen.getByLabelText(/^Kurzname/), "RT Zell");
    await userEvent.selectOptions(screen.getByLabelText(/^Art/), "Bündnis");
    await userEvent.type(screen.getByLabelText(/^Beschreibung/), "Trifft sich zweimal im Jahr.");
    await userEvent.click(screen.getByRole("button", { name: "Speichern" }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith("TmV0d29yazo5"));
    expect(sent).toHaveBeenCalledWith({ input: { name: "Runder Tisch Zell", shortName: "RT Zell", kind: "ALLIANCE", description: "Trifft sich zweimal im Jahr." } });
  });

  it("names a missing kind at its field without asking the API", async () => {
    const { sent, mock } = mutationMock(web.createNetworkMutation, { data: null });
    renderWithProviders(web, h(web.NetworkForm, { initial: web.emptyNetwork(), onSaved: jest.fn() }), [mock]);
    await userEvent.type(screen.getByLabelText(/Name des Gremiums/), "Runder Tisch Zell");
    await userEvent.click(screen.getByRole("button", { name: "Speichern" }));

    const summary = await screen.findByRole("alert", { name: /Bitte korrigieren Sie 1 Angabe/ });
    expect(within(summary).getByRole("link")).toHaveTextContent("Art: ist erforderlich");
    expect(screen.getByLabelText(/^Art/)).toHaveAttribute("aria-invalid", "true");
    expect(sent).not.toHaveBeenCalled();
  });

  it("shows the API's field errors at their fields, in German", async () => {
    const { mock } = mutationMock(web.createNetworkMutation, badInput([
      { path: "name", message: "must not be blank" },
      { path: "shortName", message: "shortName must be shorter than or equal to 60 characters" },
    ]));
    renderWithProviders(web, h(web.NetworkForm, { initial: { ...web.emptyNetwork(), kind: "COMMITTEE" }, onSaved: jest.fn() }), [mock]);
    await userEvent.click(screen.getByRole("button", { name: "Speichern" }));

    const summary = await screen.findByRole("alert", { name: /Bitte korrigieren Sie 2 Angaben/ });
    await waitFor(() => expect(summary).toHaveFocus());
    expect(screen.getByLabelText(/Name des Gremiums/)).toHaveAccessibleDescription(/darf nicht leer sein/);
    expect(screen.getByLabelText(/^Kurzname/)).toHaveAccessibleDescription(/höchstens 60 Zeichen/);
  });
});

describe("the membership form", () => {
  it("adds a seat with actor, role and period", async () => {
    const onSaved = jest.fn();
    const { sent, mock } = mutationMock(web.addMembershipMutation, { data: { addMembership: { __typename: "MembershipPayload", membership: { __typename: "Membership", id: "TWVtYmVyc2hpcDo5", network: networkDetail() } } } });
    renderWithProviders(web, h(web.MembershipForm, { networkId: NETWORK_ID, initial: web.emptyMembership(), actorOptions: actors, onSaved }), [mock]);
    await userEvent.selectOptions(screen.getByLabelText(/^Akteur/), "Diakonisches Werk Lörrach");
    await userEvent.selectOptions(screen.getByLabelText(/^Rolle/), "Vorsitz");
    fireEvent.change(screen.getByLabelText(/^Seit/), { target: { value: "2026-01-01" } });
    await userEvent.click(screen.getByRole("button", { name: "Mitglied hinzufügen" }));

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(sent).toHaveBeenCalledWith({ input: { networkId: NETWORK_ID, actorId: "QWN0b3I6Mg", role: "CHAIR", since: "2026-01-01", until: null } });
  });

  it("says at the actor that it already has a seat, and at the end date that it lies before the start", async () => {
    const { mock } = mutationMock(web.addMembershipMutation, badInput([
      { path: "until", message: "must not be before 2026-01-01" },
      { path: "actorId", message: "already has a seat in this network for (part of) that period" },
    ]));
    renderWithProviders(web, h(web.MembershipForm, { networkId: NETWORK_ID, initial: { actorId: "QWN0b3I6MQ", role: "MEMBER", since: "2026-01-01", until: "2025-12-31" }, actorOptions: actors, onSaved: jest.fn() }), [mock]);
    await userEvent.click(screen.getByRole("button", { name: "Mitglied hinzufügen" }));

    await screen.findByRole("alert", { name: /Bitte korrigieren Sie 2 Angaben/ });
    expect(screen.getByLabelText(/^Akteur/)).toHaveAccessibleDescription(/hat in diesem Zeitraum schon einen Sitz/);
    expect(screen.getByLabelText(/^Bis/)).toHaveAccessibleDescription(/darf nicht vor dem Beginn liegen/);
  });

  it("sends an emptied end date as null when a seat is edited, so the API clears it", async () => {
    const onSaved = jest.fn();
    const { sent, mock } = mutationMock(web.updateMembershipMutation, { data: { updateMembership: { __typename: "MembershipPayload", membership: { __typename: "Membership", id: "TWVtYmVyc2hpcDox", network: networkDetail() } } } });
    renderWithProviders(
      web,
      h(web.MembershipForm, { networkId: NETWORK_ID, initial: { actorId: "QWN0b3I6MQ", role: "MEMBER", since: "2005-06-01", until: "2023-12-31" }, existing: { id: "TWVtYmVyc2hpcDox", version: 4, reload: jest.fn() }, onSaved }),
      [mock],
    );
    expect(screen.queryByLabelText(/^Akteur/)).not.toBeInTheDocument();
    fireEvent.change(screen.getByLabelText(/^Bis/), { target: { value: "" } });
    await userEvent.click(screen.getByRole("button", { name: "Speichern" }));

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(sent).toHaveBeenCalledWith({ input: { id: "TWVtYmVyc2hpcDox", version: 4, role: "MEMBER", since: "2005-06-01", until: null } });
  });
});

describe("a seat edited by two people at once", () => {
  it("on CONFLICT changes nothing, then reloads the seat and re-applies the user's change against the new version", async () => {
    const onSaved = jest.fn();
    const reload = jest.fn().mockResolvedValue({ version: 7, values: { actorId: "QWN0b3I6MQ", role: "CHAIR", since: "2005-06-01", until: "" } });
    const conflict = { errors: [new GraphQLError("Membership was changed by someone else", { extensions: { code: "CONFLICT", currentVersion: 7, givenVersion: 4 } })] };
    const first = mutationMock(web.updateMembershipMutation, conflict);
    const second = mutationMock(web.updateMembershipMutation, { data: { updateMembership: { __typename: "MembershipPayload", membership: { __typename: "Membership", id: "TWVtYmVyc2hpcDox", network: networkDetail() } } } });
    renderWithProviders(
      web,
      h(web.MembershipForm, { networkId: NETWORK_ID, initial: { actorId: "QWN0b3I6MQ", role: "MEMBER", since: "2005-06-01", until: "" }, existing: { id: "TWVtYmVyc2hpcDox", version: 4, reload }, onSaved }),
      [first.mock, second.mock],
    );
    fireEvent.change(screen.getByLabelText(/^Bis/), { target: { value: "2026-06-30" } });
    await userEvent.click(screen.getByRole("button", { name: "Speichern" }));
    await userEvent.click(await screen.findByRole("button", { name: /Aktuellen Stand laden/ }));

    expect(await screen.findByText(/Ihre Änderungen darüber gelegt/)).toBeInTheDocument();
    expect(screen.getByLabelText(/^Rolle/)).toHaveValue("CHAIR");
    expect(screen.getByLabelText(/^Bis/)).toHaveValue("2026-06-30");
    await userEvent.click(screen.getByRole("button", { name: "Speichern" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(second.sent).toHaveBeenCalledWith({ input: { id: "TWVtYmVyc2hpcDox", version: 7, role: "CHAIR", since: "2005-06-01", until: "2026-06-30" } });
  });
});

describe("the meeting form", () => {
  it("records a meeting with one decision per line and the ticked participants", async () => {
    const onSaved = jest.fn();
    const { sent, mock } = mutationMock(web.createMeetingMutation, { data: { createMeeting: { __typename: "MeetingPayload", meeting: { __typename: "Meeting", id: "TWVldGluZzo5", network: networkDetail() } } } });
    renderWithProviders(web, h(web.MeetingForm, { networkId: NETWORK_ID, initial: web.emptyMeeting(), memberOptions: actors, onSaved }), [mock]);
    fireEvent.change(screen.getByLabelText(/^Datum/), { target: { value: "2026-03-11" } });
    await userEvent.type(screen.getByLabelText(/^Titel/), "Frühjahrssitzung 2026");
    await userEvent.type(screen.getByLabelText(/^Ort/), "Landratsamt");
    await userEvent.type(screen.getByLabelText(/^Protokoll/), "Begrüßung.");
    await userEvent.type(screen.getByLabelText(/^Beschlüsse/), "Kursstarts monatlich melden{enter}{enter}  Gebiete neu aufteilen ");
    await userEvent.click(screen.getByLabelText("Caritasverband Lörrach"));
    await userEvent.click(screen.getByRole("button", { name: "Speichern" }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith("TWVldGluZzo5"));
    expect(sent).toHaveBeenCalledWith({
      input: {
        networkId: NETWORK_ID,
        date: "2026-03-11",
        title: "Frühjahrssitzung 2026",
        location: "Landratsamt",
        minutes: "Begrüßung.",
        decisions: ["Kursstarts monatlich melden", "Gebiete neu aufteilen"],
        participantIds: ["QWN0b3I6MQ"],
      },
    });
  });

  it("marks a missing date without asking the API, and shows an error about one decision at the decisions field", async () => {
    const { sent, mock } = mutationMock(web.createMeetingMutation, badInput([{ path: "decisions.1", message: "each value in decisions must be shorter than or equal to 2000 characters" }]));
    renderWithProviders(web, h(web.MeetingForm, { networkId: NETWORK_ID, initial: { ...web.emptyMeeting(), title: "Sitzung", decisions: "a\nb" }, memberOptions: [], onSaved: jest.fn() }), [mock]);
    await userEvent.click(screen.getByRole("button", { name: "Speichern" }));
    expect(await screen.findByRole("alert", { name: /Bitte korrigieren Sie 1 Angabe/ })).toHaveTextContent("Datum: ist erforderlich");
    expect(sent).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText(/^Datum/), { target: { value: "2026-03-11" } });
    await userEvent.click(screen.getByRole("button", { name: "Speichern" }));
    await waitFor(() => expect(screen.getByLabelText(/^Beschlüsse/)).toHaveAccessibleDescription(/höchstens 2000 Zeichen/));
    expect(screen.getByLabelText(/^Datum/)).not.toHaveAttribute("aria-invalid");
  });
});
