# Default: test, then lint. Everything goes through dev.py, which manages .venv.
.PHONY: all test lint demo bench format

all: test lint

test:
	python3 dev.py test

lint:
	python3 dev.py lint

demo:
	python3 dev.py demo

bench:
	python3 dev.py bench

format:
	.venv/bin/ruff format fogline tests
