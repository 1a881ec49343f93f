/** @jest-environment jsdom */
/// <reference lib="dom" />
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { GraphQLError } from "graphql";
import { createElement as h } from "react";
import { loadHarness, renderWithProviders } from "./helpers/render";
import type { ActorValues, WebHarness } from "./helpers/harness-types";

let web: WebHarness;

beforeAll(async () => {
  web = await loadHarness();
}, 120000);

const initial: ActorValues = {
  name: "Caritasverband Lörrach",
  shortName: "",
  description: "Beratung",
  email: "info@caritas.example",
  phone: "",
  website: "https://caritas.example",
  address: "",
  municipalityId: "",
  languages: "de",
  contactPersons: [{ id: "Q1", name: "Sabine Köhler", role: "", email: "sk@caritas.example", phone: "" }],
};

const taxonomyMock = () => ({
  request: { query: web.taxonomyQuery as never },
  result: { data: { fieldsOfAction: [], targetGroups: [], municipalities: [{ __typename: "Municipality", id: "M1", name: "Lörrach", kind: "TOWN", population: 49000 }] } },
  maxUsageCount: 10,
});

function updateMock(result: object) {
  return { request: { query: web.updateActorMutation as never, variables: () => true }, result };
}

function renderForm(mocks: object[], reload = jest.fn()) {
  return renderWithProviders(web, h(web.ActorForm, { id: "QWN0b3I6MTU", version: 3, initial, reload }), [taxonomyMock(), ...mocks]);
}

describe("the organisation form", () => {
  it("shows every BAD_USER_INPUT field error at its field, in German, and lists them in a focused summary", async () => {
    renderForm([
      updateMock({
        errors: [
          new GraphQLError("Invalid input", {
            extensions: {
              code: "BAD_USER_INPUT",
              fields: [
                { path: "name", message: "must not be blank" },
                { path: "website", message: "must be an http(s) URL" },
                { path: "contactPersons.0.email", message: "must be an e-mail address" },
              ],
            },
          }),
        ],
      }),
    ]);
    await userEvent.clear(screen.getByLabelText(/Name der Organisation/));
    await userEvent.click(screen.getByRole("button", { name: "Speichern" }));

    const summary = await screen.findByRole("alert", { name: /Bitte korrigieren Sie 3 Angaben/ });
    await waitFor(() => expect(summary).toHaveFocus());
    expect(within(summary).getAllByRole("link")).toHaveLength(3);

    const name = screen.getByLabelText(/Name der Organisation/);
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(name).toHaveAccessibleDescription(/darf nicht leer sein/);
    expect(screen.getByLabelText(/^Website/)).toHaveAccessibleDescription(/Webadresse mit http/);
    const contactEmails = screen.getAllByLabelText(/^E-Mail/).filter((el) => el.getAttribute("name") === "contactPersons.0.email");
    expect(contactEmails[0]).toHaveAccessibleDescription(/gültige E-Mail-Adresse/);
    expect(screen.getByLabelText(/^Telefon/, { selector: "#feld-phone" })).not.toHaveAttribute("aria-invalid");
  });

  it("moves focus to a field from the summary link", async () => {
    renderForm([updateMock({ errors: [new GraphQLError("Invalid input", { extensions: { code: "BAD_USER_INPUT", fields: [{ path: "website", message: "must be an http(s) URL" }] } })] })]);
    await userEvent.click(screen.getByRole("button", { name: "Speichern" }));
    const summary = await screen.findByRole("alert", { name: /Bitte korrigieren Sie 1 Angabe/ });
    await userEvent.click(within(summary).getByRole("link"));
    expect(screen.getByLabelText(/^Website/)).toHaveFocus();
  });

  it("on CONFLICT changes nothing, then reloads the current version and re-applies the user's edits", async () => {
    const reload = jest.fn().mockResolvedValue({ version: 5, values: { ...initial, description: "Von jemand anderem geändert", phone: "07621 1" } });
    renderForm([updateMock({ errors: [new GraphQLError("Actor was changed by someone else", { extensions: { code: "CONFLICT", currentVersion: 5, givenVersion: 3 } })] })], reload);
    const name = screen.getByLabelText(/Name der Organisation/);
    await userEvent.clear(name);
    await userEvent.type(name, "Caritas Lörrach e.V.");
    await userEvent.click(screen.getByRole("button", { name: "Speichern" }));

    expect(await screen.findByText(/Jemand anderes hat diesen Eintrag inzwischen geändert/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: /Aktuellen Stand laden/ }));

    await waitFor(() => expect(reload).toHaveBeenCalled());
    expect(await screen.findByText(/Ihre Änderungen darüber gelegt/)).toBeInTheDocument();
    expect(screen.getByLabelText(/Name der Organisation/)).toHaveValue("Caritas Lörrach e.V.");
    expect(screen.getByLabelText(/^Telefon/, { selector: "#feld-phone" })).toHaveValue("07621 1");
    expect(screen.getByLabelText(/^Beschreibung/)).toHaveValue("Von jemand anderem geändert");
  });
});
