// Reads every module of the static site with a real ECMAScript parser (acorn, infra/node_modules) and
// prints, per module, what the contract tests check: the modules it imports (static and dynamic, with
// the import's specifier as written), the pages app.js routes to (lazyPage("./pages/x.js", ...)), and
// the strings it holds (literals, and templates as their fixed parts), from which text keys are found,
// the functions it calls by name, and the keys it asks t() or say() for in plain strings.
// Usage: node site_modules.mjs <assets folder> <acorn module path> (tests/support/site_modules.py runs it).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const [root, acornPath] = process.argv.slice(2);
const { parse } = await import(acornPath);

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return name.endsWith(".js") ? [path] : [];
  });
}

// Every node of the tree, depth first (acorn's nodes are plain objects with a `type`).
function* nodes(node) {
  if (!node || typeof node.type !== "string") return;
  yield node;
  for (const [key, value] of Object.entries(node)) {
    if (key === "loc" || key === "range") continue;
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof child === "object") yield* nodes(child);
    }
  }
}

const result = {};
for (const path of files(root).sort()) {
  const source = readFileSync(path, "utf8");
  const tree = parse(source, { ecmaVersion: "latest", sourceType: "module" });
  const imports = [];
  const lazyPages = [];
  const strings = new Set();
  const templates = [];
  const calls = new Set();
  const words = new Set();
  for (const node of nodes(tree)) {
    if (node.type === "CallExpression" && node.callee.type === "Identifier") {
      calls.add(node.callee.name);
      const first = node.arguments[0];
      if (["t", "say"].includes(node.callee.name) && first?.type === "Literal" && typeof first.value === "string") words.add(first.value);
    }
    if (node.type === "ImportDeclaration" || ((node.type === "ExportNamedDeclaration" || node.type === "ExportAllDeclaration") && node.source)) {
      imports.push({ specifier: node.source.value, dynamic: false });
    } else if (node.type === "ImportExpression") {
      // A dynamic import of something not written as a plain string cannot be checked: say so.
      const literal = node.source.type === "Literal" && typeof node.source.value === "string";
      imports.push({ specifier: literal ? node.source.value : null, dynamic: true });
    } else if (node.type === "CallExpression" && node.callee.type === "Identifier" && node.callee.name === "lazyPage"
      && node.arguments[0]?.type === "Literal") {
      lazyPages.push(node.arguments[0].value);
    } else if (node.type === "Literal" && typeof node.value === "string") {
      strings.add(node.value);
    } else if (node.type === "TemplateLiteral") {
      if (node.expressions.length === 0) strings.add(node.quasis[0].value.cooked);
      else templates.push(node.quasis.map((q) => q.value.cooked));
    }
  }
  result[relative(root, path).split("\\").join("/")] = {
    imports, lazyPages, strings: [...strings].sort(), templates, calls: [...calls].sort(), words: [...words].sort(),
  };
}
console.log(JSON.stringify(result));
