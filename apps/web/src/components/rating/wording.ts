// A behaviour's wording in the page's language: the form carries every language's text under the
// item's key, and the answers keep the key, so which language was read is never sent.
import { currentLanguage } from "../../i18n";

export type Wording = Readonly<Record<"en" | "de", string>>;

export function wordingOf(item: { text: string; texts?: Wording }): string {
  return item.texts?.[currentLanguage()] || item.text;
}
