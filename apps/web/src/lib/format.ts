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

/** A number as the page's language writes it: `3.4` in English, `3,4` in German. */
export function formatNumber(value: number, fractionDigits = 0): string {
  return value.toLocaleString(currentLocale(), {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  });
}
