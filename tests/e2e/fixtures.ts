// The journeys' `test`: every page fails its journey when the app logs a missing translation key
// (web/src/i18n: "i18n: missing key ns:key"), so a text left out of a language is found in a browser
// as well as by the key test.
import { test as base, type Page } from "@playwright/test";

export { expect } from "@playwright/test";

/** Collects the missing keys a page reports; `check()` throws when there were any. */
export function watchTranslations(page: Page): { check(): void } {
  const missing: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && message.text().startsWith("i18n: missing key"))
      missing.push(message.text());
  });
  return {
    check() {
      if (missing.length > 0) throw new Error(`missing translations:\n${[...new Set(missing)].join("\n")}`);
    },
  };
}

export const test = base.extend<{ translations: undefined }>({
  translations: [
    async ({ page }, use) => {
      const watch = watchTranslations(page);
      await use(undefined);
      watch.check();
    },
    { auto: true },
  ],
});
