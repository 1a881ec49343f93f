import { ApolloProvider } from "@apollo/client/react";
import { useState } from "react";
import { I18nextProvider } from "react-i18next";
import { createBrowserRouter } from "react-router";
import { RouterProvider } from "react-router/dom";
import { createApolloClient } from "./apollo-client";
import { i18n } from "./i18n";
import { routes } from "./routes";
import { SessionProvider } from "./session";

export function App() {
  const [client] = useState(createApolloClient);
  const [router] = useState(() => createBrowserRouter(routes));
  return (
    <I18nextProvider i18n={i18n}>
      <ApolloProvider client={client}>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </ApolloProvider>
    </I18nextProvider>
  );
}
