// Every text exists in every language, and every key the source uses exists: a missing key fails
// here, before a person sees `report:summary.title` on a page.
import { describe, expect, test } from "vitest";
import { sourceFiles, texts } from "./sources";

const all = texts();
const languages = Object.keys(all).sort();
const english = all.en ?? {};
const PLURAL = /_(zero|one|two|few|many|other)$/;
const variables = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

test("English and German are both there, with the same namespaces", () => {
  expect(languages).toEqual(["de", "en"]);
  expect(Object.keys(all.de ?? {}).sort()).toEqual(Object.keys(english).sort());
});

describe.each(Object.keys(english).sort())("namespace %s", (ns) => {
  test("German has every English key and no other, none empty", () => {
    const en = english[ns] ?? {};
    const de = all.de?.[ns] ?? {};
    // German and English share their plural forms (one, other).
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of [...Object.entries(en), ...Object.entries(de)]) {
      expect(typeof text === "string" && text.trim() !== "", `${ns}:${key} is a text`).toBe(true);
    }
  });
  test("both say the same {{variables}}", () => {
    for (const [key, text] of Object.entries(english[ns] ?? {})) {
      expect(variables(all.de?.[ns]?.[key] ?? ""), `${ns}:${key}`).toEqual(variables(text));
    }
  });
});

/** Keys in the source: t("ns:key"), i18nKey="ns:key", and the static start of t(`ns:prefix.${x}`). */
function usedKeys() {
  const whole: { key: string; where: string }[] = [];
  const prefixes: { prefix: string; where: string }[] = [];
  for (const file of sourceFiles()) {
    const lines = file.text.split("\n");
    lines.forEach((line, index) => {
      const where = `${file.path}:${index + 1}`;
      if (/^\s*(\/\/|\*|\/\*)/.test(line)) return;
      for (const m of line.matchAll(/\bt\(\s*"([^"]+)"/g)) whole.push({ key: m[1] ?? "", where });
      for (const m of line.matchAll(/i18nKey="([^"]+)"/g)) whole.push({ key: m[1] ?? "", where });
      for (const m of line.matchAll(/\bt\(\s*`([^`$]*)\$\{/g)) prefixes.push({ prefix: m[1] ?? "", where });
    });
  }
  return { whole, prefixes };
}

const exists = (ns: string, key: string) => {
  const flat = english[ns] ?? {};
  return key in flat || Object.keys(flat).some((k) => PLURAL.test(k) && k.replace(PLURAL, "") === key);
};

test("every key the source names is written whole (namespace:key) and exists in English", () => {
  const { whole, prefixes } = usedKeys();
  const missing: string[] = [];
  for (const { key, where } of whole) {
    const [ns, rest] = key.includes(":") ? key.split(":", 2) : ["", key];
    if (!ns || !rest) missing.push(`${where}: "${key}" has no namespace (write "area:key")`);
    else if (!exists(ns, rest)) missing.push(`${where}: ${key}`);
  }
  for (const { prefix, where } of prefixes) {
    const [ns, rest] = prefix.split(":", 2);
    if (!ns || rest === undefined || !Object.keys(english[ns] ?? {}).some((k) => k.startsWith(rest))) {
      missing.push(`${where}: nothing starts with ${prefix}`);
    }
  }
  expect(missing).toEqual([]);
});

// <Trans> reads a text's tags as HTML: a void element (`<link>`, `<img>`…) never holds words, so
// "<link>Read it</link>" renders an empty link. Found by axe ("links must have discernible text").
test("no text wraps words in a tag that HTML keeps empty", () => {
  const VOID = /<(area|base|col|embed|hr|img|input|link|meta|source|track|wbr)>/;
  const found = Object.entries(all).flatMap(([language, namespaces]) =>
    Object.entries(namespaces).flatMap(([ns, flat]) =>
      Object.entries(flat)
        .filter(([, text]) => VOID.test(text))
        .map(([key]) => `${language} ${ns}:${key}`),
    ),
  );
  expect(found).toEqual([]);
});
