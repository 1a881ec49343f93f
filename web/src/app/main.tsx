import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import "../ui/base.css";

const container = document.getElementById("root");
if (!container) throw new Error("#root fehlt in index.html");

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
