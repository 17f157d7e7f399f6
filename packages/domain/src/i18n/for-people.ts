// Marks a sentence the server sends as data for a person to read (a pre-flight's detail, an import
// row's problem), so the web's catalogues translate it: the text is returned as it is, and the web's
// i18n test reads every `forPeople(…)` from the sources as a template, as it reads every error's
// message (apps/web/src/i18n/server-sentences.ts). gettext calls its equivalent gettext_noop.
export function forPeople(text: string): string {
  return text;
}
