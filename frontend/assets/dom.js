// Building the page: elements from attributes and children, never from HTML strings, and never a
// style attribute (the site runs under a strict Content-Security-Policy: looks come from classes).

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
    else if (k === "value" && (tag === "input" || tag === "textarea" || tag === "select")) node.value = v;
    else if (k === "style") throw new Error("no style attributes: use a class");
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat(Infinity)) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

// An SVG element (a chart, an icon), built the same way.
const SVG = "http://www.w3.org/2000/svg";
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) node.setAttribute(k, String(v));
  for (const c of children.flat()) if (c) node.append(typeof c === "string" ? document.createTextNode(c) : c);
  return node;
}

// <option>s from [value, label] pairs, `selected` the chosen value (made loose: moving options out of
// one select makes the browser select the next one, so build them afresh for each select).
export function options(pairs, selected) {
  return pairs.map(([value, label]) => el("option", { value, selected: String(value) === String(selected ?? "") }, label));
}

export function select(attrs, pairs, selected) {
  return el("select", attrs, options(pairs, selected));
}

let ids = 0;
export const uid = (prefix) => `${prefix}-${++ids}`;

// A visible heading the router moves focus to, so screen readers announce the new page.
export function heading(text, level = 1) {
  return el(`h${level}`, { tabindex: "-1" }, text);
}

export function message(kind, ...children) {
  const role = kind === "error" ? "alert" : "status";
  return el("div", { class: `notice ${kind}`, role }, ...children);
}

// Screen-reader-only text.
export const srOnly = (text) => el("span", { class: "sr-only" }, text);
