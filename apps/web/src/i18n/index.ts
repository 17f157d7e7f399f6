// The web's languages (i18next). Before sign-in the browser's language, then the person's choice or
// their organisation's default (me.get). Each language's texts are a chunk of their own, loaded
// before the first render and on a switch, so a page never shows keys while a language arrives.
// Keys are written whole in the source, `t("area:key")`, so a test can find every one
// (i18n/keys.test.ts); a key missing at run time is logged as an error the journeys fail on.
import { LANGUAGES, type Language, LOCALE_OF, resolveLanguage } from "@fivefold/domain";
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { addSentences, type Catalogue } from "./sentence";

const bundles = import.meta.glob<{ default: Record<string, unknown> }>("./locales/*/*.json");
/** The server's English sentences in each other language (i18n/sentence.ts). */
const sentenceBundles = import.meta.glob<{ default: Catalogue }>("./sentences/*/*.json");

/** The namespaces: one JSON file per area of the app, the same files in every language. */
export const NAMESPACES = [
  ...new Set(
    Object.keys(bundles).map(
      (path) =>
        path
          .split("/")
          .at(-1)
          ?.replace(/\.json$/, "") ?? "",
    ),
  ),
].sort();

const loaded = new Set<Language>();

async function loadLanguage(language: Language): Promise<void> {
  if (loaded.has(language)) return;
  await Promise.all([
    ...Object.entries(bundles)
      .filter(([path]) => path.startsWith(`./locales/${language}/`))
      .map(async ([path, load]) => {
        const ns =
          path
            .split("/")
            .at(-1)
            ?.replace(/\.json$/, "") ?? "";
        i18next.addResourceBundle(language, ns, (await load()).default, true, true);
      }),
    ...Object.entries(sentenceBundles)
      .filter(([path]) => path.startsWith(`./sentences/${language}/`))
      .map(async ([, load]) => addSentences(language, (await load()).default)),
  ]);
  loaded.add(language);
}

/** Starts i18next in the browser's language; resolves once its texts are loaded. */
export async function startI18n(): Promise<void> {
  const language = resolveLanguage({ browser: navigator.languages ?? [navigator.language] });
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    ns: NAMESPACES,
    defaultNS: "common",
    resources: {},
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
    returnNull: false,
    saveMissing: true,
    missingKeyHandler: (languages, ns, key) => {
      console.error(`i18n: missing key ${ns}:${key} in ${languages.join(", ")}`);
    },
    react: { useSuspense: false },
  });
  await loadLanguage(language);
  document.documentElement.lang = language;
}

/** Switches the page to `language` (after sign-in, or when the person chooses another). */
export async function switchLanguage(language: Language): Promise<void> {
  if (i18next.language === language && loaded.has(language)) return;
  await loadLanguage(language);
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

/** The language the page is in now. */
export function currentLanguage(): Language {
  return (LANGUAGES as readonly string[]).includes(i18next.language) ? (i18next.language as Language) : "en";
}

/** The locale dates and numbers are written in now (`en-GB`, `de-DE`). */
export function currentLocale(): string {
  return LOCALE_OF[currentLanguage()];
}
