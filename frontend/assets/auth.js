// The signed-in person: the token the identity provider returned in the address (#access_token=…),
// kept in sessionStorage for this tab only. Its claims are decoded here for DISPLAY only: the server
// verifies the token on every request and decides everything from its own verification.
const KEY = "token";
const ROUTE = /^#\/[A-Za-z0-9/._~?=&%+-]*$/;

function decodePart(part) {
  const b64 = part.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(part.length / 4) * 4, "=");
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

export function claimsOf(token) {
  try {
    const claims = decodePart(token.split(".")[1]);
    return claims && typeof claims === "object" ? claims : null;
  } catch {
    return null;
  }
}

// Called before anything else: take the token out of the address at once (history.replaceState), so it
// is neither bookmarked, shared, nor left in the history, and go on to the route it names.
export function takeTokenFromAddress() {
  if (!location.hash.startsWith("#access_token=")) return;
  const params = new URLSearchParams(location.hash.slice(1));
  const token = params.get("access_token") || "";
  const next = params.get("next") || "";
  if (claimsOf(token)) sessionStorage.setItem(KEY, token);
  history.replaceState(null, "", `${location.pathname}${location.search}${ROUTE.test(next) ? next : "#/"}`);
}

// { token, claims, role: "citizen" | "officer" | "admin" } while a token is held and not expired.
export function session() {
  const token = sessionStorage.getItem(KEY);
  if (!token) return null;
  const claims = claimsOf(token);
  if (!claims || (claims.exp && claims.exp * 1000 <= Date.now())) {
    sessionStorage.removeItem(KEY);
    return null;
  }
  const roles = Array.isArray(claims.roles) ? claims.roles : [];
  const role = roles.includes("admin") ? "admin" : roles.includes("officer") ? "officer" : "citizen";
  return { token, claims, role };
}

export const token = () => session()?.token || null;

export function forget() {
  sessionStorage.removeItem(KEY);
}
