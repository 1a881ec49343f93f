import "graphiql/setup-workers/vite";
import "../modules/console/console.styles";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ConsolePage } from "../modules/console/ConsolePage";

const container = document.getElementById("root");
if (!container) throw new Error("#root fehlt in graphiql.html");

createRoot(container).render(
  <StrictMode>
    <ConsolePage />
  </StrictMode>,
);
