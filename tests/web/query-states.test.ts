/** @jest-environment jsdom */
/// <reference lib="dom" />
import "@testing-library/jest-dom";
import { CombinedGraphQLErrors } from "@apollo/client";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createElement as h } from "react";
import { loadHarness, renderWithProviders } from "./helpers/render";
import type { WebHarness } from "./helpers/harness-types";

let web: WebHarness;

beforeAll(async () => {
  web = await loadHarness();
}, 120000);

function apiError(code: string, extensions: object = {}) {
  return new CombinedGraphQLErrors({ data: null, errors: [{ message: "x", extensions: { code, ...extensions } }] });
}

function renderState(props: { loading: boolean; error: unknown; hasData: boolean; isEmpty?: boolean; onRetry?: () => void }) {
  return renderWithProviders(web, h(web.QueryState, { ...props, emptyText: "Keine Maßnahmen gefunden." }, h("p", null, "Inhalt")));
}

describe("loading, empty and error states", () => {
  it("announces loading politely", () => {
    renderState({ loading: true, error: undefined, hasData: false });
    expect(screen.getByRole("status")).toHaveTextContent("Wird geladen");
    expect(screen.queryByText("Inhalt")).not.toBeInTheDocument();
  });

  it("says so when the list is empty instead of showing a blank table", () => {
    renderState({ loading: false, error: undefined, hasData: true, isEmpty: true });
    expect(screen.getByRole("status")).toHaveTextContent("Keine Maßnahmen gefunden.");
  });

  it("shows the content once there is data, and keeps it while refetching", () => {
    renderState({ loading: true, error: undefined, hasData: true });
    expect(screen.getByText("Inhalt")).toBeInTheDocument();
  });

  it("interrupts with a German error and offers to retry", async () => {
    const onRetry = jest.fn();
    renderState({ loading: false, error: apiError("FORBIDDEN"), hasData: false, onRetry });
    expect(screen.getByRole("alert")).toHaveTextContent("Dafür fehlt Ihnen die Berechtigung.");
    await userEvent.click(screen.getByRole("button", { name: "Erneut versuchen" }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it("reports a network failure as unreachable, not as a refusal", () => {
    renderState({ loading: false, error: new TypeError("Failed to fetch"), hasData: false });
    expect(screen.getByRole("alert")).toHaveTextContent("nicht erreichbar");
  });
});

describe("the API's error codes", () => {
  const t = (key: string, options?: object) => (web.i18n as unknown as { t: (k: string, o?: object) => string }).t(key, options);

  it("each have their own helpful German message", () => {
    const messages = web.API_ERROR_CODES.map((code) => web.describeApiError(apiError(code, { retryAfterSeconds: 10 }), t));
    for (const message of messages) {
      expect(message).not.toMatch(/errors:|abgelehnt\.$/);
      expect(message.length).toBeGreaterThan(20);
    }
    expect(web.describeApiError(apiError("CONFLICT"), t)).toMatch(/inzwischen geändert/);
    expect(web.describeApiError(apiError("QUERY_TOO_COMPLEX"), t)).toMatch(/zu umfangreich/);
  });

  it("quote the reference of an internal error so it can be found in the server log", () => {
    expect(web.describeApiError(apiError("INTERNAL_SERVER_ERROR", { errorId: "ab12cd" }), t)).toContain("ab12cd");
  });

  it("map BAD_USER_INPUT paths to translated field messages", () => {
    const error = apiError("BAD_USER_INPUT", { fields: [{ path: "contactPersons.0.email", message: "must be an e-mail address" }, { path: "ageMax", message: "must not be below ageMin (18)" }] });
    expect(web.fieldErrors(error, t)).toEqual({ "contactPersons.0.email": "muss eine gültige E-Mail-Adresse sein", ageMax: "darf nicht kleiner als das Mindestalter sein" });
  });
});
