#!/usr/bin/env node
// Fivefold's own rules, checked on the source (run by `pnpm lint` and by `pnpm test`):
// - queries live in packages/db: nothing under apps/api/src/services imports drizzle-orm;
// - every tRPC procedure declares its output schema (`.output(` before `.query(`/`.mutation(`);
// - small functions and files: none over 80 lines in apps/api/src and apps/web/src, no file over
//   300 lines (tests excepted).
// `--report` prints the findings and exits 0; without it any finding fails the run.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const MAX_FUNCTION_LINES = 80;
const MAX_FILE_LINES = 300;

function sourceFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir)) {
    if (entry === "node_modules" || entry === "dist") continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx)$/.test(entry) && !/\.(test|spec)\.(ts|tsx)$/.test(entry) && !/\.d\.ts$/.test(entry))
      out.push(path);
  }
  return out;
}

const findings = [];
const where = (file, line) => `${relative(root, file)}:${line}`;

// 1. No drizzle-orm in the services layer.
for (const dir of ["apps/api/src/services", "apps/api/src/features"]) {
  const full = join(root, dir);
  let files = [];
  try {
    files = sourceFiles(full);
  } catch {
    continue;
  }
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const match = /from ["']drizzle-orm[^"']*["']/.exec(text);
    if (match) {
      const line = text.slice(0, match.index).split("\n").length;
      findings.push(`${where(file, line)} imports drizzle-orm: queries belong in packages/db`);
    }
  }
}

// 2 and 3: walk the syntax trees.
function lineOf(sourceFile, position) {
  return sourceFile.getLineAndCharacterOfPosition(position).line + 1;
}

function functionName(node) {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text;
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  return "(anonymous)";
}

/** The method names along a call chain such as `memberProcedure.input(x).output(y).query(fn)`. */
function chainNames(expression) {
  const names = [];
  let current = expression;
  while (current) {
    if (ts.isCallExpression(current)) current = current.expression;
    else if (ts.isPropertyAccessExpression(current)) {
      names.push(current.name.text);
      current = current.expression;
    } else break;
  }
  return names;
}

for (const dir of ["apps/api/src", "apps/web/src"]) {
  for (const file of sourceFiles(join(root, dir))) {
    const text = readFileSync(file, "utf8");
    const lines = text.split("\n").length;
    if (lines > MAX_FILE_LINES)
      findings.push(`${where(file, 1)} has ${lines} lines (at most ${MAX_FILE_LINES})`);
    const source = ts.createSourceFile(
      file,
      text,
      ts.ScriptTarget.Latest,
      true,
      file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
    );
    const isRouter = file.includes(`${join("apps", "api", "src", "routers")}`);
    const visit = (node) => {
      if (
        ts.isFunctionDeclaration(node) ||
        ts.isFunctionExpression(node) ||
        ts.isArrowFunction(node) ||
        ts.isMethodDeclaration(node)
      ) {
        const start = lineOf(source, node.getStart(source));
        const end = lineOf(source, node.getEnd());
        const length = end - start + 1;
        if (length > MAX_FUNCTION_LINES) {
          findings.push(
            `${where(file, start)} ${functionName(node)} has ${length} lines (at most ${MAX_FUNCTION_LINES})`,
          );
        }
      }
      if (isRouter && ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const method = node.expression.name.text;
        if (
          (method === "query" || method === "mutation") &&
          !chainNames(node.expression.expression).includes("output")
        ) {
          findings.push(
            `${where(file, lineOf(source, node.getStart(source)))} a procedure without .output(): declare what it returns`,
          );
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
}

const report = process.argv.includes("--report");
if (findings.length === 0) {
  console.log("Architecture checks: no findings.");
} else {
  console.log(`Architecture checks: ${findings.length} finding(s)`);
  for (const finding of findings) console.log(`- ${finding}`);
}
process.exit(report || findings.length === 0 ? 0 : 1);
