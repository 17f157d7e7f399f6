// Test-only, for server-sentences.ts: a helper of a file that passes on a message its caller writes,
// `id("The team must be an id")` for `const id = (error: string) => z.uuid({ error })`, or one of
// several, `whole(0, 8, { min: "…" })` for `error.min`. Only a function of the file's own (not
// exported, so every call is in the file) whose parameter is declared `string`, or an object type of
// messages: the sentences are then the arguments of its calls.
import ts from "typescript";

export interface Helper {
  name: string;
  index: number;
  /** The message is this property of the argument (an object of messages). */
  property: string | undefined;
}

function enclosingFunction(node: ts.Node): ts.SignatureDeclaration | undefined {
  let fn: ts.Node | undefined = node.parent;
  while (fn && !ts.isFunctionDeclaration(fn) && !ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn))
    fn = fn.parent;
  return fn as ts.SignatureDeclaration | undefined;
}

/** The helper whose parameter `node` reads, or null when the message comes from elsewhere. */
export function helperOf(node: ts.Expression): Helper | null {
  const [name, property] = ts.isIdentifier(node)
    ? [node.text, undefined]
    : ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)
      ? [node.expression.text, node.name.text]
      : [undefined, undefined];
  const fn = name ? enclosingFunction(node) : undefined;
  if (!fn) return null;
  const index = fn.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === name);
  const type = fn.parameters[index]?.type;
  const declared =
    property === undefined ? type?.kind === ts.SyntaxKind.StringKeyword : type && ts.isTypeLiteralNode(type);
  if (index < 0 || !declared) return null;
  let helper: string | undefined;
  let statement: ts.Node | undefined;
  if (ts.isFunctionDeclaration(fn)) [helper, statement] = [fn.name?.text, fn];
  else if (ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name))
    [helper, statement] = [fn.parent.name.text, fn.parent.parent.parent];
  if (!helper || !statement || !ts.isSourceFile(statement.parent)) return null;
  const exported = ts.canHaveModifiers(statement)
    ? ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
    : false;
  return exported ? null : { name: helper, index, property };
}

export interface HelperCalls {
  calls: number;
  /** What each call passes as the message. */
  messages: ts.Expression[];
  /** Calls that pass the messages in a way that cannot be read (a variable instead of an object). */
  unreadable: ts.Node[];
}

/** The messages the calls of `helper` in `source` pass. */
export function helperCalls(source: ts.SourceFile, helper: Helper): HelperCalls {
  const out: HelperCalls = { calls: 0, messages: [], unreadable: [] };
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === helper.name
    ) {
      out.calls++;
      const argument = node.arguments[helper.index];
      if (helper.property === undefined) {
        if (argument) out.messages.push(argument);
      } else if (argument && ts.isObjectLiteralExpression(argument)) {
        const property = argument.properties.find((p) => p.name?.getText(source) === helper.property);
        if (property && ts.isPropertyAssignment(property)) out.messages.push(property.initializer);
        else if (property) out.unreadable.push(property);
      } else if (argument) out.unreadable.push(argument);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}
