"""How the API asks how near a question is to every procedure: one adapter, two ways.

- in process (portal/procedures/semantic.py: `in_process_cosines`): the model and the catalog's vectors
  in this process, locally and in tests (they are development dependencies);
- `function(name)`: the semantic search function in AWS (portal/entrypoints/semantic_search.py), which
  alone carries the 72 MB model and numpy, so the API's package and cold start stay as they were.
Either answers `Cosines`: the catalog's fingerprint (its codes in order) and one cosine per procedure.
"""

from __future__ import annotations

import json

from portal.procedures.semantic import AskCosines, Cosines, decode


def function(name: str, region: str) -> AskCosines:
    import boto3  # the API's own client: already imported for DynamoDB

    client = boto3.client("lambda", region_name=region)

    def ask(query: str) -> Cosines:
        answer = client.invoke(FunctionName=name, Payload=json.dumps({"query": query}).encode())
        if answer.get("FunctionError"):
            raise RuntimeError(f"semantic search function failed: {answer['FunctionError']}")
        return decode(json.loads(answer["Payload"].read()))

    return ask
