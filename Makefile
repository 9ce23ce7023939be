# The README's two quick-start commands: `make demo` and `make test`.
# Both install whatever system libraries are missing first (scripts/install-deps.sh).

BINARY := .build/release/media-archive

.PHONY: demo test deps build deb install-test

## Build, check the bundled sample hand-in against the 3-minute rule, then ingest it into a
## demo archive (.build/demo-archive) and serve it: gallery, self-check and ingest pages.
demo: build
	@echo
	@$(BINARY) check Samples; status=$$?; \
	  echo; echo "media-archive exited $$status (0 all pass, 1 some failed, 2 some unreadable)"; echo
	@scripts/demo-gallery.sh $(BINARY)

## Run the whole test suite: the Swift tests, then the real-browser test (headless Chromium
## drives /check, /ingest and the gallery of a server on a temp archive; screenshots kept in
## .build/browser-test).
test: deps
	# Issue 14: a throwaway Ceph RGW and PostgreSQL beside the Swift tests (the S3 contract tests).
	scripts/with-services.sh swift test
	python3 Tests/Browser/browser_test.py --screenshots .build/browser-test

build: deps
	scripts/build-release

deps:
	@scripts/install-deps.sh

## The Debian package: .build/deb/media-archive_<version>_amd64.deb (release binary, systemd
## units, /etc/default/media-archive; Depends from dpkg-shlibdeps). See docs/running-for-the-bureau.md.
deb: build
	scripts/make-deb

## Installs that package on a clean Debian 12 root (debootstrap, cached in .build/install-test)
## and runs check and serve there. Needs root.
install-test: deb
	scripts/install-test
