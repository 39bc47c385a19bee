# Waypost: the README's commands. `make kiosk` and `make test` do everything on a fresh machine.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= var/directory.db
STAMP := $(VENV)/.installed

.PHONY: install build compile test lint pytest bench kiosk sms system-deps clean

$(STAMP): pyproject.toml constraints.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# Debian packages the printing and QR tests need (CUPS with a PDF queue, poppler, zbar, wrk),
# the deploy tests (systemd-analyze; foot --check-config; cage for verify), and read-aloud
# (espeak-ng speaks; sox checks the audio in the tests).
# Installed only when missing, and only where we are root with apt-get.
SYSTEM_PKGS := cups cups-client cups-bsd printer-driver-cups-pdf poppler-utils zbar-tools wrk systemd foot cage espeak-ng sox chromium
system-deps:
	@missing=""; for p in $(SYSTEM_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing system packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else echo "Missing system packages:$$missing (install them with apt-get as root)"; fi; \
	fi

build: $(STAMP)
	$(BIN)/waypost build --db $(DB)

# Byte-compile the checkout (only what changed), so that the kiosk starts from .pyc files even
# where PYTHONDONTWRITEBYTECODE is set. A pip-installed release is compiled by pip.
compile: $(STAMP)
	$(BIN)/python -m compileall -q directory kiosk sms_gateway printouts waypost

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

pytest: $(STAMP) system-deps
	$(BIN)/pytest -n 2 --dist loadgroup -q

test: lint pytest

bench: $(STAMP) system-deps compile
	$(BIN)/python bench/run_all.py

# The demo kiosk: a visitor centre at HMP Lewes on the bundled data (demo PIN 2468; see the file).
kiosk: build compile
	$(BIN)/waypost --config config/demo-kiosk.toml kiosk --demo

sms: build
	$(BIN)/waypost sms serve --dev

clean:
	rm -rf var build *.egg-info .pytest_cache .mypy_cache .ruff_cache
