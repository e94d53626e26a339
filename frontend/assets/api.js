// The only way the site talks to the server: a named operation from graphql/operations (operations.js).
import { forget, token } from "./auth.js";
import { operations } from "./operations.js";

export class ApiError extends Error {
  constructor(errors, code) {
    super(errors.map((e) => e.message).join("; ") || code);
    this.errors = errors;
    this.code = code || errors[0]?.extensions?.code;
  }
}

export async function run(name, variables = {}) {
  const headers = { "content-type": "application/json" };
  const bearer = token();
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  let response;
  try {
    response = await fetch("/graphql", {
      method: "POST", headers, body: JSON.stringify({ operationName: name, query: operations[name], variables }),
    });
  } catch {
    throw new ApiError([], "NETWORK"); // offline, or the connection dropped: the same request may be retried
  }
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ApiError([], response.status >= 500 ? "NETWORK" : "HTTP");
  }
  if (!body?.errors?.length && !body?.data) throw new ApiError([], response.status >= 500 ? "NETWORK" : "HTTP");
  if (body.errors?.length) {
    const error = new ApiError(body.errors);
    if (error.code === "UNAUTHENTICATED") forget(); // expired or revoked: sign in again
    throw error;
  }
  return body.data;
}

// A mutation whose answer is a union: { ok: payload } or { problem: UserError (code, message, problems) }.
export async function mutate(name, field, input) {
  const data = await run(name, { input });
  const result = data[field];
  return result.__typename.endsWith("Error") ? { problem: result } : { ok: result };
}
