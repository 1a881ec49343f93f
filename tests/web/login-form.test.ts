/** @jest-environment jsdom */
/// <reference lib="dom" />
import "@testing-library/jest-dom";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { GraphQLError } from "graphql";
import { createElement as h } from "react";
import { loadHarness, renderWithProviders } from "./helpers/render";
import type { WebHarness } from "./helpers/harness-types";

let web: WebHarness;

beforeAll(async () => {
  web = await loadHarness();
}, 120000);

afterEach(async () => {
  await web.i18n.changeLanguage("de");
});

const account = { __typename: "Account", id: "QWNjb3VudDox", email: "commissioner@demo.example", role: "COMMISSIONER", actor: null };

function loginMock(input: object, result: object) {
  return { request: { query: web.loginMutation as never, variables: { input } }, result };
}

describe("the login form", () => {
  it("labels its fields in German and logs in with what was typed", async () => {
    const onLoggedIn = jest.fn();
    renderWithProviders(web, h(web.LoginForm, { onLoggedIn }), [
      loginMock({ email: "commissioner@demo.example", password: "demo" }, { data: { login: { __typename: "LoginPayload", totpRequired: false, account } } }),
    ]);
    await userEvent.type(screen.getByLabelText(/E-Mail-Adresse/), "  commissioner@demo.example ");
    await userEvent.type(screen.getByLabelText(/^Passwort/), "demo");
    await userEvent.click(screen.getByRole("button", { name: "Anmelden" }));
    await waitFor(() => expect(onLoggedIn).toHaveBeenCalledWith(expect.objectContaining({ email: "commissioner@demo.example", role: "COMMISSIONER" })));
  });

  it("says in German that e-mail or password is wrong, without saying which", async () => {
    const onLoggedIn = jest.fn();
    renderWithProviders(web, h(web.LoginForm, { onLoggedIn }), [
      loginMock({ email: "commissioner@demo.example", password: "falsch" }, { errors: [new GraphQLError("E-mail address or password is wrong", { extensions: { code: "UNAUTHENTICATED" } })] }),
    ]);
    await userEvent.type(screen.getByLabelText(/E-Mail-Adresse/), "commissioner@demo.example");
    await userEvent.type(screen.getByLabelText(/^Passwort/), "falsch");
    await userEvent.click(screen.getByRole("button", { name: "Anmelden" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("E-Mail-Adresse oder Passwort ist falsch.");
    expect(onLoggedIn).not.toHaveBeenCalled();
  });

  it("asks for the one-time code when the account has a second factor, keeping what was typed", async () => {
    const onLoggedIn = jest.fn();
    renderWithProviders(web, h(web.LoginForm, { onLoggedIn }), [
      loginMock({ email: "a@b.example", password: "pw" }, { data: { login: { __typename: "LoginPayload", totpRequired: true, account: null } } }),
      loginMock({ email: "a@b.example", password: "pw", totpCode: "123456" }, { data: { login: { __typename: "LoginPayload", totpRequired: false, account } } }),
    ]);
    await userEvent.type(screen.getByLabelText(/E-Mail-Adresse/), "a@b.example");
    await userEvent.type(screen.getByLabelText(/^Passwort/), "pw");
    await userEvent.click(screen.getByRole("button", { name: "Anmelden" }));
    const code = await screen.findByLabelText(/Einmalcode/);
    expect(screen.getByLabelText(/E-Mail-Adresse/)).toHaveValue("a@b.example");
    await userEvent.type(code, "123456");
    await userEvent.click(screen.getByRole("button", { name: "Anmelden" }));
    await waitFor(() => expect(onLoggedIn).toHaveBeenCalled());
  });

  it("tells how long to wait after too many attempts", async () => {
    renderWithProviders(web, h(web.LoginForm, { onLoggedIn: jest.fn() }), [
      loginMock({ email: "a@b.example", password: "x" }, { errors: [new GraphQLError("Too many failed logins; try again in 30 s", { extensions: { code: "RATE_LIMITED", retryAfterSeconds: 30 } })] }),
    ]);
    await userEvent.type(screen.getByLabelText(/E-Mail-Adresse/), "a@b.example");
    await userEvent.type(screen.getByLabelText(/^Passwort/), "x");
    await userEvent.click(screen.getByRole("button", { name: "Anmelden" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Bitte warten Sie 30 Sekunden");
  });

  it("switches to English", async () => {
    await web.i18n.changeLanguage("en");
    renderWithProviders(web, h(web.LoginForm, { onLoggedIn: jest.fn() }));
    expect(screen.getByLabelText(/E-mail address/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Log in" })).toBeInTheDocument();
  });
});
