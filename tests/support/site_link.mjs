// Links every module of the static site as the browser does, without running it (node:vm, which needs
// --experimental-vm-modules): an import of a name its module does not export, or of a module that does
// not exist, fails here as it would in the browser. Prints one line per module that fails to link.
// Usage: node --experimental-vm-modules site_link.mjs <assets folder>
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import vm from "node:vm";

const root = process.argv[2];
const modules = new Map();

function load(path) {
  if (!modules.has(path)) modules.set(path, new vm.SourceTextModule(readFileSync(path, "utf8"), { identifier: path }));
  return modules.get(path);
}

const files = (dir) => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  if (statSync(path).isDirectory()) return files(path);
  return name.endsWith(".js") ? [path] : [];
});

for (const path of files(root).sort()) {
  const module = load(path);
  if (module.status !== "unlinked") continue; // linked with a module that imports it
  try {
    await module.link((specifier, referrer) => load(resolve(dirname(referrer.identifier), specifier)));
  } catch (error) {
    console.log(`${relative(root, path)}: ${error.message}`);
  }
}
