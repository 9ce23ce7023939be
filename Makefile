# The README's two quick-start commands: `make demo` and `make test`.
# Both install whatever system libraries are missing first (scripts/install-deps.sh).

BINARY := .build/release/media-archive

.PHONY: demo test deps build

## Build, then check the bundled sample hand-in against the 3-minute rule (default ./Archive).
demo: build
	@echo
	@$(BINARY) check Samples; status=$$?; \
	  echo; echo "media-archive exited $$status (0 all pass, 1 some failed, 2 some unreadable)"

## Run the whole test suite.
test: deps
	swift test

build: deps
	swift build -c release

deps:
	@scripts/install-deps.sh
