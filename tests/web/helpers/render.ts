/// <reference lib="dom" />
import { MockedProvider } from "@apollo/client/testing/react";
import { render } from "@testing-library/react";
import { createElement as h, type ReactElement } from "react";
import { I18nextProvider } from "react-i18next";
import { buildWebHarness } from "./web-harness";
import type { WebHarness } from "./harness-types";

let harness: WebHarness | null = null;

/** Builds (or reuses) the bundled client components; call in beforeAll. */
export async function loadHarness(): Promise<WebHarness> {
  if (!harness) {
    const file = await buildWebHarness();
    harness = require(file) as WebHarness;
    await harness.i18n.changeLanguage("de");
  }
  return harness;
}

/** Renders a client component with the app's i18n instance and a mocked Apollo link. */
export function renderWithProviders(web: WebHarness, element: ReactElement, mocks: object[] = []) {
  return render(h(I18nextProvider, { i18n: web.i18n as never }, h(MockedProvider, { mocks: mocks as never, cache: web.createCache() as never }, element)));
}
