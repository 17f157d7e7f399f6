// The heatmap's one diverging, colour-blind-safe scale (PuOr): orange below the midpoint 3, purple
// above, with a text colour that keeps the printed number readable.
const LOW = [179, 88, 6];
const MID = [247, 247, 247];
const HIGH = [84, 39, 136];

const mix = (a: number[], b: number[], t: number) => a.map((x, i) => Math.round(x + ((b[i] ?? 0) - x) * t));

/** WCAG relative luminance of an sRGB colour. */
function luminance(rgb: number[]): number {
  const [r = 0, g = 0, b = 0] = rgb.map((c) => {
    const x = c / 255;
    return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function heatColor(value: number): { background: string; color: string } {
  const t = Math.max(-1, Math.min(1, (value - 3) / 2));
  const rgb = t < 0 ? mix(MID, LOW, -t) : mix(MID, HIGH, t);
  // Pick whichever of black and white contrasts more with the cell (at least 4.6:1 on this scale).
  const l = luminance(rgb);
  const onDark = 1.05 / (l + 0.05);
  const onLight = (l + 0.05) / 0.05;
  return { background: `rgb(${rgb.join(",")})`, color: onDark >= onLight ? "#ffffff" : "#000000" };
}
