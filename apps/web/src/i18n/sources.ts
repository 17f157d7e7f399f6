// Test-only: the web's source files and its texts, read from disk for the i18n tests.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";

export const SRC = resolve(import.meta.dirname, "..");
const LOCALES = resolve(import.meta.dirname, "locales");

export function sourceFiles(): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "locales") walk(full);
      } else if (
        /\.tsx?$/.test(entry.name) &&
        !/\.test\.tsx?$/.test(entry.name) &&
        entry.name !== "sources.ts"
      ) {
        out.push({ path: relative(SRC, full), text: readFileSync(full, "utf8") });
      }
    }
  };
  walk(SRC);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

export type Texts = Record<string, Record<string, string>>;

/** Every language's texts, flattened to `key.path → text` per namespace. */
export function texts(): Record<string, Texts> {
  const out: Record<string, Texts> = {};
  for (const language of readdirSync(LOCALES)) {
    out[language] = {};
    for (const file of readdirSync(join(LOCALES, language))) {
      const ns = file.replace(/\.json$/, "");
      const flat: Record<string, string> = {};
      const visit = (value: unknown, path: string) => {
        if (value && typeof value === "object") {
          for (const [key, inner] of Object.entries(value)) visit(inner, path ? `${path}.${key}` : key);
        } else flat[path] = value as string;
      };
      visit(JSON.parse(readFileSync(join(LOCALES, language, file), "utf8")), "");
      out[language][ns] = flat;
    }
  }
  return out;
}
