// One theme for the whole app: calm, data-forward, AA contrast (4.5:1 for text) in the light and
// the dark colour scheme; the scheme follows the system's (App.tsx).
import {
  Alert,
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  type MantineColorsTuple,
} from "@mantine/core";

export const theme = createTheme({
  primaryColor: "indigo",
  primaryShade: { light: 8, dark: 6 },
  defaultRadius: "md",
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  components: {
    // Light alerts colour their title with the alert colour, under 4.5:1 for orange, teal and
    // yellow: keep the colour for the frame and icon, the text colour for words.
    Alert: Alert.extend({ styles: { title: { color: "var(--mantine-color-text)" } } }),
    // A table wider than the phone scrolls sideways: the keyboard must reach it too (axe
    // scrollable-region-focusable).
    TableScrollContainer: { defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } } },
  },
});

const rgbOf = (hex: string): number[] => {
  const h = hex.replace("#", "");
  return [0, 2, 4].map((i) => Number.parseInt(h.slice(i, i + 2), 16));
};
const hexOf = (rgb: number[]): string =>
  `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;

/** WCAG relative luminance of an sRGB colour. */
export function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = rgbOf(hex).map((c) => {
    const x = c / 255;
    return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The colour, darkened toward black in small steps until it reaches `ratio` against `against`. */
export function darkenTo(hex: string, against: string, ratio = 4.6): string {
  let rgb = rgbOf(hex);
  for (let i = 0; i < 40 && contrast(hexOf(rgb), against) < ratio; i++) rgb = rgb.map((c) => c * 0.95);
  return hexOf(rgb);
}

/** The colour, lightened toward white in small steps until it reaches `ratio` against `against`. */
export function lightenTo(hex: string, against: string, ratio = 4.6): string {
  let rgb = rgbOf(hex);
  for (let i = 0; i < 40 && contrast(hexOf(rgb), against) < ratio; i++)
    rgb = rgb.map((c) => c + (255 - c) * 0.08);
  return hexOf(rgb);
}

const WHITE = "#ffffff";
const colors = DEFAULT_THEME.colors as Record<string, MantineColorsTuple>;
const DARK_BODY = colors.dark?.[7] ?? "#242424";
const DARK_CARD = colors.dark?.[6] ?? "#2e2e2e";
/** The raised grey of hovered rows and quiet panels in the dark scheme (default-hover). */
const DARK_RAISED = colors.dark?.[5] ?? "#3b3b3b";

/**
 * Per colour, the shades Mantine uses for words and for filled buttons and badges, moved just far
 * enough to reach AA: white on a filled button (the green Apply button was 3.4:1), a light badge's
 * words on its tint (green and orange were 3.8:1), coloured text on the page and on cards.
 */
function colorVariables(scheme: "light" | "dark"): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [name, shades] of Object.entries(colors)) {
    if (name === "dark") continue;
    if (scheme === "light") {
      const filled = darkenTo(shades[8], WHITE);
      variables[`--mantine-color-${name}-filled`] = filled;
      variables[`--mantine-color-${name}-filled-hover`] = darkenTo(filled, WHITE, 5.5);
      variables[`--mantine-color-${name}-text`] = filled;
      variables[`--mantine-color-${name}-outline`] = filled;
      variables[`--mantine-color-${name}-light-color`] = darkenTo(shades[9], shades[2]);
    } else {
      const filled = darkenTo(shades[7], WHITE);
      variables[`--mantine-color-${name}-filled`] = filled;
      variables[`--mantine-color-${name}-filled-hover`] = darkenTo(filled, WHITE, 5.5);
      variables[`--mantine-color-${name}-text`] = lightenTo(shades[4], DARK_CARD);
      variables[`--mantine-color-${name}-outline`] = lightenTo(shades[4], DARK_CARD);
      variables[`--mantine-color-${name}-light-color`] = lightenTo(shades[0], DARK_CARD);
    }
  }
  return variables;
}

/** Mantine's default dimmed and placeholder greys are under 4.5:1; these meet WCAG AA. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    ...colorVariables("light"),
    "--mantine-color-dimmed": "#555d66",
    "--mantine-color-placeholder": "#656d76",
    "--mantine-color-error": "var(--mantine-color-red-9)",
    "--mantine-color-anchor": "var(--mantine-color-indigo-9)",
  },
  dark: {
    ...colorVariables("dark"),
    "--mantine-color-dimmed": lightenTo(colors.dark?.[2] ?? "#969696", DARK_RAISED),
    "--mantine-color-placeholder": lightenTo(colors.dark?.[3] ?? "#828282", DARK_CARD),
    "--mantine-color-error": lightenTo(colors.red?.[5] ?? "#ff6b6b", DARK_CARD),
    "--mantine-color-anchor": lightenTo(colors.indigo?.[4] ?? "#748ffc", DARK_CARD),
    "--mantine-color-body": DARK_BODY,
  },
});
