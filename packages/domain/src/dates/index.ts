// Days and dates, one convention everywhere (DESIGN: days are UTC on the server). A deadline given
// as a day ends at 23:59:59.999 UTC that day; a calendar day is written YYYY-MM-DD. Display goes
// through one formatter that takes the locale and time zone (UTC unless the caller has the
// organisation's), so the form, the page and the e-mail never show a date a day apart.

export const DAY_MS = 86_400_000;

/** A calendar day, `YYYY-MM-DD` (UTC). */
export type IsoDay = string;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether the string is a real calendar day (`2026-02-30` is not). */
export function isIsoDay(value: string): value is IsoDay {
  if (!ISO_DAY.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/** The UTC calendar day of a moment. */
export function isoDay(date: Date): IsoDay {
  return date.toISOString().slice(0, 10);
}

/** The day `days` after (or before, when negative) a calendar day. */
export function addDays(day: IsoDay, days: number): IsoDay {
  return isoDay(new Date(Date.parse(`${day.slice(0, 10)}T00:00:00Z`) + days * DAY_MS));
}

/** The moment `days` after (or before) another. */
export function shiftDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** The first millisecond of a calendar day (UTC). */
export function startOfDay(day: IsoDay): Date {
  return new Date(`${day.slice(0, 10)}T00:00:00.000Z`);
}

/** The last millisecond of a calendar day (UTC): where a deadline given as a day ends. */
export function endOfDay(day: IsoDay): Date {
  return new Date(`${day.slice(0, 10)}T23:59:59.999Z`);
}

/** Whole days from `from` to `to` (negative when `to` is earlier), counted on UTC calendar days. */
export function daysBetween(from: Date | IsoDay, to: Date | IsoDay): number {
  const day = (value: Date | IsoDay) =>
    startOfDay(typeof value === "string" ? value : isoDay(value)).getTime();
  return Math.round((day(to) - day(from)) / DAY_MS);
}

export interface DateDisplay {
  /** A BCP 47 locale such as `en-GB` or `de-DE`; English (British) by default. */
  locale?: string;
  /** An IANA time zone such as `Europe/Berlin`; UTC by default, the server's convention. */
  timeZone?: string;
  /** `short` (31 Dec 2026, for pages) or `long` (31 December 2026, for e-mails). */
  month?: "short" | "long";
  /** Leave the day out (`Dec 2026`), for axes and trends that speak of months. */
  monthOnly?: boolean;
}

/**
 * Formatters made once per locale, zone and form: making an Intl.DateTimeFormat costs a hundred times
 * what using one does, and a page of 500 people writes 500 days (the team heatmap spent a quarter of
 * a second on it). A formatter's output is the same as `toLocaleDateString` with the same options.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(
  key: string,
  make: () => { locale: string; options: Intl.DateTimeFormatOptions },
): Intl.DateTimeFormat {
  let made = formatters.get(key);
  if (!made) {
    const { locale, options } = make();
    made = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, made);
  }
  return made;
}

/**
 * A day or a moment as people read it. A bare day (`YYYY-MM-DD`) is that calendar day whatever the
 * time zone; a moment is shown in the given time zone (UTC by default).
 */
export function formatDay(value: Date | string, display: DateDisplay = {}): string {
  const bareDay = typeof value === "string" && ISO_DAY.test(value);
  const date = typeof value === "string" ? new Date(bareDay ? `${value}T12:00:00Z` : value) : value;
  if (Number.isNaN(date.getTime())) return "";
  const locale = display.locale ?? "en-GB";
  const month = display.month ?? "short";
  const timeZone = bareDay ? "UTC" : (display.timeZone ?? "UTC");
  const key = `day|${locale}|${month}|${display.monthOnly ? "m" : "d"}|${timeZone}`;
  return formatter(key, () => ({
    locale,
    options: { ...(display.monthOnly ? {} : { day: "numeric" }), month, year: "numeric", timeZone },
  })).format(date);
}

/**
 * A moment with its time, in the same format as `formatDay` ("1 Dec 2026, 14:05 UTC"), for logs and
 * mail lists: one format everywhere instead of each page's own `toLocaleString`.
 */
export function formatDateTime(value: Date | string, display: Omit<DateDisplay, "monthOnly"> = {}): string {
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return "";
  const timeZone = display.timeZone ?? "UTC";
  const locale = display.locale ?? "en-GB";
  const time = formatter(`time|${locale}|${timeZone}`, () => ({
    locale,
    options: { hour: "2-digit", minute: "2-digit", hour12: false, timeZone },
  })).format(date);
  return `${formatDay(date, display)}, ${time}${timeZone === "UTC" ? " UTC" : ""}`;
}
