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

const actors = [
  { value: "QWN0b3I6Mw", label: "Jugendmigrationsdienst Lörrach" },
  { value: "QWN0b3I6NA", label: "Migrationsberatung Caritas" },
];

const taxonomyMock = () => ({
  request: { query: web.taxonomyQuery as never },
  result: {
    data: {
      fieldsOfAction: [{ __typename: "FieldOfAction", id: "F1", key: "SOCIAL_COUNSELLING", nameDe: "Soziale Beratung", nameEn: "Social counselling", sortOrder: 1, parent: null }],
      targetGroups: [{ __typename: "TargetGroup", id: "T1", key: "YOUTH", nameDe: "Jugendliche", nameEn: "Youth", sortOrder: 1 }],
      municipalities: [
        { __typename: "Municipality", id: "M1", name: "Lörrach", kind: "TOWN", population: 49000 },
        { __typename: "Municipality", id: "M2", name: "Schopfheim", kind: "TOWN", population: 20000 },
      ],
    },
  },
  maxUsageCount: 10,
});

/** A mock that accepts any variables and records them, so a test can check what the form sent. */
function mutationMock(query: object, result: object) {
  const sent = jest.fn((_variables: Record<string, unknown>) => true);
  return { sent, mock: { request: { query: query as never, variables: sent }, result } };
}

function badInput(fields: { path: string; message: string }[], code = "BAD_USER_INPUT") {
  return { errors: [new GraphQLError("Invalid input", { extensions: { code, fields } })] };
}

describe("the responsibility form", () => {
  it("creates a responsibility for an age band, a target group and chosen municipalities", async () => {
    const onSaved = jest.fn();
    const { sent, mock } = mutationMock(web.createHandlerMutation, { data: { createHandler: { __typename: "HandlerPayload", handler: { __typename: "Handler", id: "SGFuZGxlcjo5", version: 1 } } } });
    renderWithProviders(web, h(web.HandlerForm, { initial: web.emptyHandler("QWN0b3I6Mw"), actorOptions: actors, onSaved }), [taxonomyMock(), mock]);
    // The taxonomy (needs, target groups, places) arrives with its own query.
    await screen.findByRole("option", { name: "Soziale Beratung" });
    await userEvent.selectOptions(screen.getByLabelText(/^Anliegen/), "Soziale Beratung");
    await userEvent.click(screen.getByLabelText("Jugendliche"));
    await userEvent.type(screen.getByLabelText(/^Mindestalter/), "12");
    await userEvent.type(screen.getByLabelText(/^Höchstalter/), "27");
    await userEvent.click(screen.getByLabelText("Schopfheim"));
    await userEvent.type(screen.getByLabelText(/^Sprachen/), "de, TR");
    await userEvent.type(screen.getByLabelText(/^Notiz/), "Sprechstunde dienstags");
    await userEvent.click(screen.getByRole("button", { name: "Speichern" }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith({ id: "SGFuZGxlcjo5", actorId: "QWN0b3I6Mw" }));
    expect(sent).toHaveBeenCalledWith({
      input: {
        actorId: "QWN0b3I6Mw",
        fieldOfActionId: "F1",
        targetGroupIds: ["T1"],
        ageMin: 12,
        ageMax: 27,
        countyWide: false,
        municipalityIds: ["M2"],
        languages: ["de", "tr"],
        priority: 1,
        note: "Sprechstunde dienstags",
      },
    });
  });

  it("sends no municipalities for a county-wide responsibility", async () => {
    const { sent, mock } = mutationMock(web.createHandlerMutation, { data: { createHandler: { __typename: "HandlerPayload", handler: { __typename: "Handler", id: "SGFuZGxlcjo5", version: 1 } } } });
    renderWithProviders(web, h(web.HandlerForm, { initial: { ...web.emptyHandler("QWN0b3I6NA"), fieldOfActionId: "F1", municipalityIds: ["M1"] }, actorOptions: actors, onSaved: jest.fn() }), [taxonomyMock(), mock]);
    await userEvent.click(await screen.findByLabelText(/Für den ganzen Landkreis/));
    expect(screen.queryByRole("group", { name: /Gemeinden/ })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Speichern" }));
    await waitFor(() => expect(sent).toHaveBeenCalledWith({ input: expect.objectContaining({ countyWide: true, municipalityIds: [] }) }));
  });

  it("asks for actor and need first, then shows the API's errors at age, place and priority", async () => {
    const { sent, mock } = mutationMock(web.createHandlerMutation, badInput([
      { path: "ageMax", message: "must not be below ageMin (27)" },
      { path: "municipalityIds", message: "name at least one municipality, or set countyWide" },
      { path: "priority", message: "priority must not be greater than 99" },
    ]));
    renderWithProviders(web, h(web.HandlerForm, { initial: web.emptyHandler(), actorOptions: actors, onSaved: jest.fn() }), [taxonomyMock(), mock]);
    await userEvent.click(screen.getByRole("button", { name: "Speichern" }));
    const missing = await screen.findByRole("alert", { name: /Bitte korrigieren Sie 2 Angaben/ });
    expect(within(missing).getAllByRole("link").map((a) => a.textContent)).toEqual(["Akteur: ist erforderlich", "Anliegen (Handlungsfeld): ist erforderlich"]);
    expect(sent).not.toHaveBeenCalled();

    await userEvent.selectOptions(screen.getByLabelText(/^Akteur/), "Migrationsberatung Caritas");
    await screen.findByRole("option", { name: "Soziale Beratung" });
    await userEvent.selectOptions(screen.getByLabelText(/^Anliegen/), "Soziale Beratung");
    await userEvent.click(screen.getByRole("button", { name: "Speichern" }));
    await screen.findByRole("alert", { name: /Bitte korrigieren Sie 3 Angaben/ });
    expect(screen.getByLabelText(/^Höchstalter/)).toHaveAccessibleDescription(/darf nicht kleiner als das Mindestalter sein/);
    expect(screen.getByRole("group", { name: /Gemeinden/ })).toHaveAccessibleDescription(/mindestens eine Gemeinde/);
    expect(screen.getByLabelText(/^Priorität/)).toHaveAccessibleDescription(/darf nicht größer als 99 sein/);
  });

  it("shows an unknown target group reported as NOT_FOUND at the target-group field", async () => {
    const { mock } = mutationMock(web.createHandlerMutation, badInput([{ path: "targetGroupIds.0", message: "unknown TargetGroup" }], "NOT_FOUND"));
    renderWithProviders(web, h(web.HandlerForm, { initial: { ...web.emptyHandler("QWN0b3I6Mw"), fieldOfActionId: "F1", countyWide: true, targetGroupIds: ["T1"] }, actorOptions: actors, onSaved: jest.fn() }), [taxonomyMock(), mock]);
    await userEvent.click(screen.getByRole("button", { name: "Speichern" }));
    await waitFor(() => expect(screen.getByRole("group", { name: /Zielgruppen/ })).toHaveAccessibleDescription(/verweist auf keinen passenden Eintrag/));
  });
});

describe("the cooperation form", () => {
  it("creates a cooperation between two actors", async () => {
    const onSaved = jest.fn();
    const { sent, mock } = mutationMock(web.createCooperationMutation, { data: { createCooperation: { __typename: "CooperationPayload", cooperation: { __typename: "Cooperation", id: "Q29vcGVyYXRpb246OQ", version: 1 } } } });
    renderWithProviders(web, h(web.CooperationForm, { initial: web.emptyCooperation("QWN0b3I6Mw"), actorOptions: actors, onSaved }), [mock]);
    await userEvent.selectOptions(screen.getByLabelText(/^Zweiter Akteur/), "Migrationsberatung Caritas");
    await userEvent.selectOptions(screen.getByLabelText(/^Art/), "Weitervermittlung");
    fireEvent.change(screen.getByLabelText(/^Seit/), { target: { value: "2024-09-01" } });
    await userEvent.type(screen.getByLabelText(/^Notiz/), "Übergabe ab 27 Jahren");
    await userEvent.click(screen.getByRole("button", { name: "Speichern" }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith({ id: "Q29vcGVyYXRpb246OQ", actorId: "QWN0b3I6Mw" }));
    expect(sent).toHaveBeenCalledWith({ input: { actorAId: "QWN0b3I6Mw", actorBId: "QWN0b3I6NA", kind: "REFERRAL", since: "2024-09-01", until: null, note: "Übergabe ab 27 Jahren" } });
  });

  it("says at the second actor that it must differ from the first", async () => {
    const { mock } = mutationMock(web.createCooperationMutation, badInput([{ path: "actorBId", message: "must be a different actor than actorAId" }]));
    renderWithProviders(web, h(web.CooperationForm, { initial: { ...web.emptyCooperation("QWN0b3I6Mw"), actorBId: "QWN0b3I6Mw", kind: "AGREEMENT" }, actorOptions: actors, onSaved: jest.fn() }), [mock]);
    await userEvent.click(screen.getByRole("button", { name: "Speichern" }));
    await screen.findByRole("alert", { name: /Bitte korrigieren Sie 1 Angabe/ });
    expect(screen.getByLabelText(/^Zweiter Akteur/)).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText(/^Zweiter Akteur/)).toHaveAccessibleDescription(/muss ein anderer Akteur sein/);
  });
});

describe("the invitation form", () => {
  it("invites a partner organisation for its actor and shows the single-use link to copy", async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    const url = "http://localhost:4000/einladung#token=abc123";
    const { sent, mock } = mutationMock(web.createInvitationMutation, { data: { createInvitation: { __typename: "InvitationPayload", url, expiresAt: "2026-03-14T10:00:00.000Z" } } });
    renderWithProviders(web, h(web.InvitationForm, { actorOptions: actors }), [mock]);
    await userEvent.type(screen.getByLabelText(/^E-Mail-Adresse der eingeladenen Person/), " jmd@example.org ");
    await userEvent.selectOptions(screen.getByLabelText(/^Organisation/), "Jugendmigrationsdienst Lörrach");
    await userEvent.click(screen.getByRole("button", { name: "Einladungslink erstellen" }));

    const heading = await screen.findByRole("heading", { name: "Einladungslink für jmd@example.org" });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(sent).toHaveBeenCalledWith({ input: { email: "jmd@example.org", role: "PARTNER", actorId: "QWN0b3I6Mw" } });
    expect(screen.getByLabelText("Einladungslink")).toHaveValue(url);
    expect(screen.getByLabelText("Einladungslink")).toHaveAttribute("readonly");

    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    fireEvent.click(screen.getByRole("button", { name: "Link kopieren" }));
    expect(await screen.findByText("Der Link wurde in die Zwischenablage kopiert.")).toBeInTheDocument();
    expect(writeText).toHaveBeenCalledWith(url);
  });

  it("invites an analyst without an organisation", async () => {
    const { sent, mock } = mutationMock(web.createInvitationMutation, { data: { createInvitation: { __typename: "InvitationPayload", url: "http://x/einladung#token=t", expiresAt: "2026-03-14T10:00:00.000Z" } } });
    renderWithProviders(web, h(web.InvitationForm, { actorOptions: actors }), [mock]);
    await userEvent.type(screen.getByLabelText(/^E-Mail-Adresse/), "statistik@example.org");
    await userEvent.selectOptions(screen.getByLabelText(/^Rolle/), "Analyse");
    expect(screen.queryByLabelText(/^Organisation/)).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Einladungslink erstellen" }));
    await screen.findByRole("heading", { name: /Einladungslink für statistik@example.org/ });
    expect(sent).toHaveBeenCalledWith({ input: { email: "statistik@example.org", role: "ANALYST", actorId: null } });
  });

  it("says at the e-mail field that it already has an account and that a partner needs its organisation", async () => {
    const { mock } = mutationMock(web.createInvitationMutation, badInput([
      { path: "actorId", message: "is required for a PARTNER invitation" },
      { path: "email", message: "already has an account" },
    ]));
    renderWithProviders(web, h(web.InvitationForm, { actorOptions: actors }), [mock]);
    await userEvent.type(screen.getByLabelText(/^E-Mail-Adresse/), "partner@demo.example");
    await userEvent.click(screen.getByRole("button", { name: "Einladungslink erstellen" }));

    await screen.findByRole("alert", { name: /Bitte korrigieren Sie 2 Angaben/ });
    expect(screen.getByLabelText(/^E-Mail-Adresse/)).toHaveAccessibleDescription(/hat bereits ein Konto/);
    expect(screen.getByLabelText(/^Organisation/)).toHaveAccessibleDescription(/für Partnerorganisationen erforderlich/);
    expect(screen.queryByRole("heading", { name: /Einladungslink für/ })).not.toBeInTheDocument();
  });
});
