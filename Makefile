# Thin wrappers over ./dev, for those who type make.
.PHONY: help setup demo test lint schemas bench
help:  ## list the targets
	@grep -E '^[a-z]+:.*##' Makefile | sed 's/:.*## /\t/'
setup:  ## create .venv and install Parley with its dev tools
	./dev setup
demo:  ## run Parley end to end on the embedded broker
	./dev demo
test:  ## ruff, mypy, schema check and the whole test suite
	./dev test
lint:  ## ruff, mypy and the schema check only
	./dev lint
schemas:  ## regenerate schemas/ after adding a NEW message version
	.venv/bin/parley schemas
bench:  ## the benchmark harness (minutes; not part of the tests)
	.venv/bin/python -m bench
