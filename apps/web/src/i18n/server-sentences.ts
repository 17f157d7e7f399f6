// Test-only: every sentence the server can send a person (an error's message, a field's, a zod
// check's, a text marked `forPeople(…)`), read from the sources of the
// domain and the API with the TypeScript compiler, as the templates the web's catalogues translate
// (i18n/sentence.ts). A `${…}` becomes `{{name}}`, named after the expression's last word; a
// conditional whose branches are written out gives one template per branch.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";
import { type Helper, helperCalls, helperOf } from "./server-sentence-helpers";

const ROOT = resolve(import.meta.dirname, "../../../..");

/**
 * Where the server's sentences are written. The e-mails (apps/api/src/mail, translated on their
 * own), the CLI and the seeds speak for themselves; the mail services' refusals are read.
 */
const SOURCES = ["packages/domain/src", "apps/api/src"];
const SKIP = /(\.test\.ts$|\/testing\/|\/seed\/|\/cli\/|apps\/api\/src\/mail\/|\/scim\/|test-clock)/;

/** Errors whose first argument (or the one named) is a sentence for a person. */
const ERROR_MESSAGE_ARGUMENT: Record<string, number> = {
  InvalidInputError: 0,
  ConflictError: 0,
  PreconditionFailedError: 0,
  ForbiddenError: 0,
  NotFoundError: 0,
  DomainError: 1,
};

/** zod's checks that take their message as a string argument. */
const ZOD_MESSAGE_METHODS = new Set([
  "min",
  "max",
  "length",
  "regex",
  "refine",
  "email",
  "url",
  "uuid",
  "int",
  "positive",
  "nonnegative",
  "startsWith",
  "endsWith",
  "includes",
]);

export interface Found {
  template: string;
  where: string;
}

export interface Extraction {
  sentences: Found[];
  /** Messages the extractor cannot read as text (a variable, a call): each needs a look. */
  unreadable: Found[];
}

function placeholderName(expression: ts.Expression, source: ts.SourceFile): string {
  // `limit.toLocaleString("en-GB")`, `score.toFixed(1)`, `String(count)`: the name is the value's.
  if (ts.isCallExpression(expression)) {
    const callee = expression.expression;
    if (ts.isPropertyAccessExpression(callee)) return placeholderName(callee.expression, source);
    const first = expression.arguments[0];
    if (first) return placeholderName(first, source);
  }
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isElementAccessExpression(expression)) return placeholderName(expression.expression, source);
  if (ts.isParenthesizedExpression(expression) || ts.isNonNullExpression(expression)) {
    return placeholderName(expression.expression, source);
  }
  return "value";
}

function constantText(name: string, source: ts.SourceFile): ts.Expression | undefined {
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const))
      continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.name.text === name && declaration.initializer) {
        const value = declaration.initializer;
        if (
          ts.isStringLiteral(value) ||
          ts.isTemplateExpression(value) ||
          ts.isNoSubstitutionTemplateLiteral(value)
        ) {
          return value;
        }
      }
    }
  }
  return undefined;
}

/** The templates an expression can evaluate to, or null when it is not text written out. */
function templatesOf(node: ts.Expression, source: ts.SourceFile): string[] | null {
  if (ts.isParenthesizedExpression(node)) return templatesOf(node.expression, source);
  // `{ error: (issue) => `…` }`: the sentence the function writes.
  if (ts.isArrowFunction(node) && !ts.isBlock(node.body)) return templatesOf(node.body, source);
  // A constant of the same file: `const SCORE = "…"`, used where the message goes.
  if (ts.isIdentifier(node)) {
    const initializer = constantText(node.text, source);
    return initializer ? templatesOf(initializer, source) : null;
  }
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isConditionalExpression(node)) {
    const a = templatesOf(node.whenTrue, source);
    const b = templatesOf(node.whenFalse, source);
    return a && b ? [...a, ...b] : null;
  }
  if (ts.isTemplateExpression(node)) {
    let results = [node.head.text];
    const names = new Map<string, string>(); // name → the expression it stands for
    for (const span of node.templateSpans) {
      const inner = span.expression;
      const branches =
        ts.isConditionalExpression(inner) || ts.isParenthesizedExpression(inner)
          ? templatesOf(inner, source)
          : null;
      let name = placeholderName(inner, source);
      for (let n = 2; names.has(name) && names.get(name) !== inner.getText(source); n++) {
        name = `${placeholderName(inner, source)}${n}`;
      }
      names.set(name, inner.getText(source));
      const parts = branches ?? [`{{${name}}}`];
      results = results.flatMap((start) => parts.map((part) => start + part + span.literal.text));
    }
    return results;
  }
  return null;
}

/** The identifier a chain of calls and property reads starts from: `z` in `z.string().min(1)`. */
function rootOf(node: ts.Expression): ts.Expression {
  if (ts.isCallExpression(node) || ts.isPropertyAccessExpression(node) || ts.isNonNullExpression(node)) {
    return rootOf(node.expression);
  }
  return node;
}

/** A call on a zod schema: `z.…`, or a chain from a `…Schema` constant. */
function isZodChain(node: ts.CallExpression): boolean {
  const root = rootOf(node.expression);
  return ts.isIdentifier(root) && (root.text === "z" || /Schema$/.test(root.text));
}

function calleeName(node: ts.NewExpression | ts.CallExpression): string {
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return "";
}

interface Collector {
  source: ts.SourceFile;
  take: (node: ts.Expression | undefined) => void;
  takeFields: (node: ts.Expression | undefined) => void;
  takeErrorProperty: (node: ts.Expression | undefined) => void;
}

/** The messages of `new SomeError(…)`: the message argument, and the fields of those that have them. */
function visitError(node: ts.NewExpression, c: Collector): void {
  const name = calleeName(node);
  const index = ERROR_MESSAGE_ARGUMENT[name];
  if (index !== undefined && node.arguments) {
    c.take(node.arguments[index]);
    if (name === "InvalidInputError") c.takeFields(node.arguments[1]);
    const options = name === "DomainError" ? node.arguments[2] : undefined;
    if (options && ts.isObjectLiteralExpression(options)) {
      for (const property of options.properties) {
        if (ts.isPropertyAssignment(property) && property.name.getText(c.source) === "fields") {
          c.takeFields(property.initializer);
        }
      }
    }
  }
  if (name === "TRPCError") c.takeErrorProperty(node.arguments?.[0]);
}

/** The messages of a call: a zod check's, an added issue's, a `forPeople(…)` sentence. */
function visitCall(node: ts.CallExpression, c: Collector): void {
  if (ts.isPropertyAccessExpression(node.expression)) {
    const method = node.expression.name.text;
    if (isZodChain(node)) {
      for (const argument of node.arguments) {
        const text = ts.isStringLiteral(argument) || ts.isTemplateExpression(argument);
        if (ZOD_MESSAGE_METHODS.has(method) && text) c.take(argument);
        if (ts.isObjectLiteralExpression(argument)) c.takeErrorProperty(argument);
      }
    }
    if (method === "addIssue") c.takeErrorProperty(node.arguments[0]);
  }
  // A sentence sent as data, marked by the domain's `forPeople(…)`.
  if (calleeName(node) === "forPeople") c.take(node.arguments[0]);
}

function visitFile(path: string, out: Extraction): void {
  const text = readFileSync(path, "utf8");
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const where = (node: ts.Node) =>
    `${relative(ROOT, path)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
  const unreadable = (node: ts.Node) =>
    out.unreadable.push({ template: node.getText(source), where: where(node) });
  const helpers = new Map<string, Helper>();
  const take = (node: ts.Expression | undefined) => {
    if (!node) return;
    const found = templatesOf(node, source);
    const helper = found ? null : helperOf(node);
    if (found) for (const template of found) out.sentences.push({ template, where: where(node) });
    else if (helper) helpers.set(`${helper.name} ${helper.index} ${helper.property}`, helper);
    else unreadable(node);
  };
  const takeFields = (node: ts.Expression | undefined) => {
    if (!node || !ts.isObjectLiteralExpression(node)) return take(node);
    for (const property of node.properties) {
      if (ts.isPropertyAssignment(property)) take(property.initializer);
      if (ts.isShorthandPropertyAssignment(property)) take(property.name);
    }
  };
  const takeErrorProperty = (node: ts.Expression | undefined) => {
    if (!node || !ts.isObjectLiteralExpression(node)) return;
    for (const property of node.properties) {
      if (!["error", "message"].includes(property.name?.getText(source) ?? "")) continue;
      // `{ error }`: a variable of that name, most often a helper's parameter.
      if (ts.isShorthandPropertyAssignment(property)) take(property.name);
      // `{ message: z.string() }` is a schema with a field called message, not a message.
      if (ts.isPropertyAssignment(property) && !property.initializer.getText(source).startsWith("z."))
        take(property.initializer);
    }
  };
  const collector: Collector = { source, take, takeFields, takeErrorProperty };
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node)) visitError(node, collector);
    if (ts.isCallExpression(node)) visitCall(node, collector);
    ts.forEachChild(node, visit);
  };
  visit(source);
  // A helper's messages are written where it is called (a Map visits the helpers added meanwhile).
  for (const helper of helpers.values()) {
    const calls = helperCalls(source, helper);
    for (const message of calls.messages) take(message);
    for (const node of calls.unreadable) unreadable(node);
    if (calls.calls === 0)
      out.unreadable.push({ template: `${helper.name}(…)`, where: relative(ROOT, path) });
  }
}

function files(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...files(full));
    else if (/\.ts$/.test(entry.name) && !SKIP.test(full)) out.push(full);
  }
  return out;
}

/** Every error sentence of the domain and the API, and the messages that are not written out. */
export function extractServerSentences(): Extraction {
  const out: Extraction = { sentences: [], unreadable: [] };
  for (const dir of SOURCES) for (const path of files(join(ROOT, dir))) visitFile(path, out);
  return out;
}
