// One theme for the whole app: calm, data-forward, AA contrast.
import { Alert, type CSSVariablesResolver, createTheme } from "@mantine/core";

export const theme = createTheme({
  primaryColor: "indigo",
  primaryShade: { light: 8, dark: 6 },
  defaultRadius: "md",
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  components: {
    // Light alerts colour their title with the alert colour, under 4.5:1 for orange, teal and
    // yellow: keep the colour for the frame and icon, the text colour for words.
    Alert: Alert.extend({ styles: { title: { color: "var(--mantine-color-text)" } } }),
  },
});

/** Mantine's default "dimmed" grey is under 4.5:1 on white; this one meets WCAG AA. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { "--mantine-color-dimmed": "#555d66" },
  dark: {},
});
