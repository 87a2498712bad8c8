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
	$(SWIFT) test
