// The site's settings from /config.json (fetched once at start), so operations can point sign-in at the
// real identity provider without touching the code.
let config = { signIn: {}, nextParam: "next", signOut: "" };

export async function loadConfig() {
  try {
    const response = await fetch("/config.json", { cache: "no-cache" });
    if (response.ok) config = { ...config, ...(await response.json()) };
  } catch {
    // No settings: sign-in links are not offered; everything public still works.
  }
  return config;
}

// Where to sign in as `role` (citizen, officer), coming back to the site route `next` (#/...).
export function signInUrl(role, next) {
  const base = config.signIn?.[role];
  if (!base) return null;
  const url = new URL(base, location.origin);
  url.searchParams.set(config.nextParam || "next", next);
  return url.origin === location.origin ? url.pathname + url.search : url.href;
}

export const signOutUrl = () => config.signOut || "";

// Where third-party apps get tokens by OAuth 2 client credentials (shown on the developer page).
export const clientTokenUrl = () => new URL(config.clientToken || "/oauth2/token", location.origin).href;
