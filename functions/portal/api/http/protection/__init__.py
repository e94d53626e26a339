"""What every HTTP request goes through before GraphQL sees it (ASGI middlewares): the origin check
(only CloudFront may call the function in AWS) and the body guard (size, content type, well-formed JSON).
GraphQL's own limits (depth, cost, aliases, input lengths) live with the schema, in portal.api.graphql.limits."""
