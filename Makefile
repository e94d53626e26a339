# The portal's commands. Each installs what it needs first (infra/bootstrap.sh), and reuses it after.
.PHONY: dev test test-fast bench schema token lint deploy clean help mail deliveries redrive eval audit-catalog vectors fileable coverage
.DEFAULT_GOAL := help

PY := .venv/bin/python
ROLE ?= citizen
CENTER ?= hcc-01

help: ## list the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-9s %s\n", $$1, $$2}'

dev: ## run the portal on http://127.0.0.1:8080 (DynamoDB Local, tables, seed data, API + site)
	@./infra/bootstrap.sh
	@$(PY) -m infra.dev $(ARGS)

# ORDER: files in order (what CI runs, until the order dependencies in docs/testing.md are fixed); "random"
# shuffles them with pytest-randomly (the seed is printed; replay it with ARGS="--randomly-seed=N").
ORDER ?= files
test: ## run every test (own DynamoDB Local on a free port, real browser); non-zero on failure (ORDER=random)
	@./infra/bootstrap.sh --browser
	@$(PY) -m pytest $(if $(filter random,$(ORDER)),,-p no:randomly) $(ARGS)

test-fast: ## unit + contract tests only (no DynamoDB Local, no browser): the everyday loop, about a minute
	@./infra/bootstrap.sh
	@$(PY) -m pytest tests/unit tests/contract -q $(ARGS)

bench: ## benchmarks: figures printed and written to bench-results/ (ARGS="--quick" for a short run)
	@./infra/bootstrap.sh --bench
	@$(PY) -m tests.bench $(ARGS)

eval: ## search evaluation: top-1, top-3, MRR per set and kind (ARGS="--set dev --misses")
	@$(PY) -m tests.search_eval $(ARGS)

fileable: ## how many procedures can be filed online, by kind of form, and why the others cannot
	@$(PY) -m infra.reference.fileable

coverage: ## who is within 5 km / 30 minutes of a place that receives: figures, failing communes, frontend/assets/coverage.json (ARGS="--plan 12")
	@$(PY) -m infra.coverage $(ARGS)

audit-catalog: ## every served catalog detail against its cited source text (CHATBOT=dir PIPELINE=dir: the crawl copies)
	@$(PY) -m infra.reference.audit_catalog $(if $(CHATBOT),--chatbot $(CHATBOT)) $(if $(PIPELINE),--pipeline $(PIPELINE)) $(ARGS)

schema: ## re-export graphql/schema.graphql, the frontend's operations and its province list
	@$(PY) -m infra.export_schema
	@$(PY) -m infra.export_operations
	@$(PY) -m infra.export_provinces
	@$(PY) -m infra.export_persisted
	@$(PY) -m infra.schema_versions check
	@$(PY) -m infra.reference.catalog_index
	@$(PY) -m infra.reference.forms
	@$(PY) -m infra.export_form_lists

vectors: ## re-embed the catalog for semantic search after it changed (only changed passages; minutes)
	@./infra/bootstrap.sh
	@$(PY) -m infra.reference.catalog_vectors

token: ## print a local token: make token ROLE=citizen|officer|admin [CENTER=hcc-01] [PORT=9090]
	@$(PY) -m infra.token $(ROLE) --center $(CENTER) $(if $(PORT),--port $(PORT))

mail: ## the e-mails the portal sent locally (make dev keeps them in .local/mail)
	@$(PY) -m infra.local.smtp $(ARGS)

deliveries: ## deliveries failed for good and stream records in the dead letters (while make dev runs)
	@$(PY) -m infra.deliveries $(ARGS)

redrive: ## hand the stream's dead letters to the consumer again (make dev's consumer does it)
	@$(PY) -m infra.deliveries --redrive $(ARGS)

lint: ## ruff and the import-layer contracts
	@.venv/bin/ruff check functions infra tests
	@cd functions && ../.venv/bin/lint-imports --config ../pyproject.toml

deploy: ## sam build + sam deploy (infra/samconfig.toml), then upload the static site
	@./infra/deploy.sh

clean: ## remove local data (DynamoDB Local's files, dev keys) - not the installed tools
	rm -rf .local
