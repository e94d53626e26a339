// Hash routes (#/thu-tuc/1.001193): the static site needs no server rewrite rules. A page receives a
// view whose show() renders only while the page is still the current one (a slow answer for a page the
// person already left is dropped), and which moves focus to the new page's heading after navigation.
const routes = [];
let generation = 0;
let navigated = false;

export function addRoute(pattern, page) {
  routes.push({ pattern, page });
}

// A page whose module loads when its route is first opened (then from the module cache): keeps the
// first load small. `path` is relative to this file (import() resolves against the importing module).
export function lazyPage(path, name) {
  return async (view, ...args) => {
    const module = await import(path);
    return module[name](view, ...args);
  };
}

export const currentPath = () => location.hash.replace(/^#/, "").split("?")[0] || "/";
export const currentRoute = () => location.hash || "#/";
export const queryParams = () => new URLSearchParams(location.hash.split("?")[1] || "");

export function render() {
  const gen = ++generation;
  const moveFocus = navigated;
  let focused = false;
  const main = document.getElementById("main");
  const view = {
    get alive() {
      return gen === generation;
    },
    show(...nodes) {
      if (gen !== generation) return false;
      main.replaceChildren(...nodes.flat(Infinity).filter((n) => n !== null && n !== undefined && n !== false));
      const h1 = main.querySelector("h1");
      if (h1) document.title = `${h1.textContent} — ${document.querySelector(".brand-name")?.textContent || ""}`;
      if (h1 && moveFocus && !focused) {
        focused = true;
        h1.setAttribute("tabindex", "-1");
        h1.focus();
      }
      return true;
    },
  };
  const path = currentPath();
  for (const { pattern, page } of routes) {
    const match = path.match(pattern);
    if (match) return page(view, ...match.slice(1).map(decodeURIComponent));
  }
  return null;
}

export function startRouter(onRoute) {
  window.addEventListener("hashchange", () => {
    navigated = true;
    window.scrollTo(0, 0);
    onRoute();
    render();
  });
  onRoute();
  render();
}
