# The two commands of the README: `make demo` and `make test`.
# Each installs missing system packages first, then builds.
SWIFT ?= swift

.PHONY: demo test build setup
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
