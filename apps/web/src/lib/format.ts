// Dates and numbers in the page's language: the domain's one date format (DESIGN: days are UTC),
// written in the locale of the language the person reads (`31 Dec 2026`, `31. Dez. 2026`).
import {
  type DateDisplay,
  formatDateTime as formatDateTimeIn,
  formatDay as formatDayIn,
} from "@fivefold/domain";
import { currentLocale } from "../i18n";

export function formatDay(value: Date | string, display: Omit<DateDisplay, "locale"> = {}): string {
  return formatDayIn(value, { ...display, locale: currentLocale() });
}

export function formatDateTime(
  value: Date | string,
  display: Omit<DateDisplay, "locale" | "monthOnly"> = {},
): string {
  return formatDateTimeIn(value, { ...display, locale: currentLocale() });
}

/**
 * Number formatters made once per locale and form: `toLocaleString` makes a new Intl.NumberFormat on
 * every call, and a heatmap of 500 people writes 5,000 figures (it spent most of a second on that).
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(
  locale: string,
  form: "decimal" | "percent",
  fractionDigits: number,
): Intl.NumberFormat {
  const key = `${locale}|${form}|${fractionDigits}`;
  let made = numberFormats.get(key);
  if (!made) {
    made = new Intl.NumberFormat(locale, {
      style: form,
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
    numberFormats.set(key, made);
  }
  return made;
}

/** A number as the page's language writes it: `3.4` in English, `3,4` in German. */
export function formatNumber(value: number, fractionDigits = 0): string {
  return numberFormat(currentLocale(), "decimal", fractionDigits).format(value);
}

/** A share (0–1) as a percentage the page's language writes: `40%` in English, `40 %` in German. */
export function formatPercent(share: number, fractionDigits = 0): string {
  return numberFormat(currentLocale(), "percent", fractionDigits).format(share);
}
