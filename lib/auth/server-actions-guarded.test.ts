// Every server action is a public POST endpoint. This test reads every file of app/ and lib/ and
// fails for any server action (an export of a 'use server' file, or a function that starts with
// 'use server') whose body does not call the guard.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
// The guard itself, or the wrapper that calls it first (guarded-action.ts).
const GUARD_CALL = /\b(requireAuditReader|requireAdmin|guardedAction)\s*\(/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function hasUseServer(statements: ts.NodeArray<ts.Statement> | undefined): boolean {
  for (const statement of statements ?? []) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) return false;
    if (statement.expression.text === "use server") return true;
  }
  return false;
}

function isFunctionLike(node: ts.Node): node is ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration {
  return ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node);
}

function isExported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
}

/** Names of the server actions in `source` that never call the guard. */
function unguardedServerActions(source: string, fileName = "file.ts"): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const unguarded: string[] = [];
  const check = (name: string, node: ts.Node) => {
    if (!GUARD_CALL.test(node.getText(file))) unguarded.push(name);
  };
  if (hasUseServer(file.statements)) {
    for (const statement of file.statements) {
      if (!isExported(statement)) continue;
      if (ts.isFunctionDeclaration(statement)) check(statement.name?.text ?? "default", statement);
      else if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          check(declaration.name.getText(file), declaration.initializer ?? declaration);
        }
      }
    }
    for (const statement of file.statements) {
      if (ts.isExportAssignment(statement)) check("default", statement.expression);
    }
  }
  // Inline actions: functions whose own body starts with 'use server'.
  const visit = (node: ts.Node) => {
    if (isFunctionLike(node) && node.body && ts.isBlock(node.body) && hasUseServer(node.body.statements)) {
      const name = node.name?.getText(file) ?? (ts.isVariableDeclaration(node.parent) ? node.parent.name.getText(file) : "(inline action)");
      check(name, node.body);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return [...new Set(unguarded)];
}

describe("the server-action check itself", () => {
  it("finds unguarded exports of a 'use server' file", () => {
    const source = `"use server";
      import { requireAdmin } from "@/lib/auth/guard";
      export async function saveRetention(input: unknown) { await requireAdmin(); return input; }
      export async function purgeNow() { return 1; }
      export const exportNow = async () => { return 2; };
      export const previewNow = guardedAction({ role: "reader", action: "Previewing", input: z.undefined() }, async () => 3);`;
    expect(unguardedServerActions(source)).toEqual(["purgeNow", "exportNow"]);
  });

  it("finds unguarded inline actions in other files", () => {
    const source = `export default function Page() {
      async function save() { "use server"; return 1; }
      async function load() { "use server"; await requireAuditReader(); }
      return null;
    }`;
    expect(unguardedServerActions(source, "page.tsx")).toEqual(["save"]);
  });

  it("ignores files without 'use server'", () => {
    expect(unguardedServerActions(`export async function helper() { return 1; }`)).toEqual([]);
  });
});

describe("every server action in app/ and lib/", () => {
  it("is declared through guardedAction() or calls requireAuditReader() or requireAdmin()", () => {
    const files = [...sourceFiles(path.join(ROOT, "app")), ...sourceFiles(path.join(ROOT, "lib"))];
    const unguarded: Record<string, string[]> = {};
    for (const file of files) {
      const source = readFileSync(file, "utf8");
      if (!source.includes("use server")) continue;
      const names = unguardedServerActions(source, file);
      if (names.length > 0) unguarded[path.relative(ROOT, file)] = names;
    }
    expect(unguarded).toEqual({});
  });
});
