// No text a person reads is written in the source: JSX text, the texts of user-facing props
// (label, title, placeholder, aria-label…) and of objects' label/title/message fields, and strings
// shown as JSX children, all come from t("area:key"). A line may opt out with `// i18n-ignore`
// (a product name, a CSV column that must stay English). I18N_ONLY=path,path limits the scan while
// converting an area.
import ts from "typescript";
import { expect, test } from "vitest";
import { sourceFiles } from "./sources";

const USER_ATTRIBUTES = new Set([
  "label",
  "title",
  "placeholder",
  "aria-label",
  "description",
  "alt",
  "error",
  "message",
  "legend",
  "confirmLabel",
  "cancelLabel",
  "emptyLabel",
  "hint",
  "tooltip",
  "nothingFoundMessage",
  "children",
]);
const USER_PROPERTIES = new Set(["label", "title", "message", "description", "placeholder", "hint"]);
/** Names that read the same in every language. */
const SAME_IN_EVERY_LANGUAGE = new Set([
  "Fivefold",
  "Slack",
  "SCIM",
  "CSV",
  "API",
  "OpenID",
  "English",
  "Deutsch",
]);

const wordy = (text: string) => {
  const trimmed = text.replace(/\s+/g, " ").trim();
  if (!/[A-Za-zÄÖÜäöüß]{2,}/.test(trimmed)) return false;
  return !trimmed.split(/[^A-Za-zÄÖÜäöüß]+/).every((word) => word === "" || SAME_IN_EVERY_LANGUAGE.has(word));
};
/** A string prop value reads as text when it holds a capital or two words (not "sm", "filled"). */
const readsAsText = (text: string) => wordy(text) && /[A-Z]|[a-z]\s+[a-z]/.test(text);

function stringsIn(node: ts.Node): ts.Node[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
    return [node];
  }
  if (ts.isParenthesizedExpression(node)) return stringsIn(node.expression);
  if (ts.isConditionalExpression(node)) return [...stringsIn(node.whenTrue), ...stringsIn(node.whenFalse)];
  if (ts.isBinaryExpression(node)) return [...stringsIn(node.left), ...stringsIn(node.right)];
  return [];
}

const textOf = (node: ts.Node) =>
  ts.isTemplateExpression(node)
    ? [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(" ")
    : (node as ts.StringLiteral).text;

function untranslated(path: string, source: string): string[] {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const lines = source.split("\n");
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const line = file.getLineAndCharacterOfPosition(node.getStart()).line;
    if (/i18n-ignore/.test(lines[line] ?? "") || /i18n-ignore/.test(lines[line - 1] ?? "")) return;
    found.push(`${path}:${line + 1}: ${text.replace(/\s+/g, " ").trim().slice(0, 80)}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && wordy(node.text)) report(node, node.text);
    if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      for (const s of stringsIn(node.expression)) if (wordy(textOf(s))) report(s, textOf(s));
    }
    if (ts.isJsxAttribute(node) && USER_ATTRIBUTES.has(node.name.getText()) && node.initializer) {
      const value = ts.isJsxExpression(node.initializer) ? node.initializer.expression : node.initializer;
      for (const s of value ? stringsIn(value) : []) if (readsAsText(textOf(s))) report(s, textOf(s));
    }
    if (ts.isPropertyAssignment(node) && USER_PROPERTIES.has(node.name.getText())) {
      for (const s of stringsIn(node.initializer)) if (readsAsText(textOf(s))) report(s, textOf(s));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

test("no text a person reads is written in the source instead of the translations", () => {
  const only = process.env.I18N_ONLY?.split(",").filter(Boolean);
  const files = sourceFiles().filter((f) => !only || only.some((prefix) => f.path.startsWith(prefix)));
  const found = files.flatMap((f) => untranslated(f.path, f.text));
  if (process.env.I18N_LIST) console.log(found.join("\n"));
  expect(found, `${found.length} texts to translate`).toEqual([]);
});
