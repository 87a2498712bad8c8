# The two commands of the README: `make demo` and `make test`.
# Each installs missing system packages first, then builds.
SWIFT ?= swift

.PHONY: demo test build setup race
setup:
	@scripts/ensure-packages

build: setup
	$(SWIFT) build

demo: build
	$(SWIFT) run rapport demo

test: setup
	$(SWIFT) build --build-tests
	# The benchmark in its smoke mode (300 messages, debug build): proves it still runs end to end.
	scripts/bench --smoke
	# Every test, the store contract on SQLite and on a private PostgreSQL cluster (scripts/with-postgres).
	scripts/with-postgres $(SWIFT) test

# Ownership under a race (four processes, a minute) on a private PostgreSQL cluster, then on SQLite.
race: build
	scripts/race --store postgres --seconds 60 --processes 4 --customers 3
	scripts/race --store sqlite --seconds 60 --processes 4 --customers 3
