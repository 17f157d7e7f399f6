import "@mantine/core/styles.css";
import "@mantine/charts/styles.css";
import "./app.css";
import "./print.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { startI18n } from "./i18n";

// The scheme follows the system (App.tsx), but paper is white: print in the light scheme.
const html = document.documentElement;
let screenScheme: string | null = null;
window.addEventListener("beforeprint", () => {
  screenScheme = html.getAttribute("data-mantine-color-scheme");
  html.setAttribute("data-mantine-color-scheme", "light");
});
window.addEventListener("afterprint", () => {
  if (screenScheme) html.setAttribute("data-mantine-color-scheme", screenScheme);
});

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
// The texts of the browser's language arrive before the first render: no page shows keys.
startI18n().then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
