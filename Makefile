# A thin front to CMake. `make run` and `make test` are the two set-up commands; both install
# the Debian packages that are missing first.
SHELL    := /bin/bash
JOBS     ?= 2
WERROR   ?= OFF
RELEASE  := build/release
ASAN     := build/asan
PARLEY   := $(RELEASE)/cli/parley
PACKAGES := cmake make g++ libboost-graph-dev libboost-program-options-dev rapidjson-dev \
            catch2 libicu-dev libedit-dev libsqlite3-dev graphviz fonts-dejavu-core python3 python3-networkx python3-pydot
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test deps build install deb asan debug fuzz bench bench-peers format clean

run: build
	$(PARLEY) check
	$(PARLEY) who-met Abe Putin

test: build
	ctest --test-dir $(RELEASE) --output-on-failure -j$(JOBS)

# Installs only what is missing, so a prepared machine does not touch the network.
deps:
	@missing=$$(for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: deps
	cmake -S . -B $(RELEASE) -DCMAKE_BUILD_TYPE=Release -DPARLEY_WERROR=$(WERROR)
	cmake --build $(RELEASE) -j$(JOBS)

# The binary, the library with its headers, the CMake package, parley.pc, the man page and
# completions, under PREFIX (a prefix outside your home needs sudo).
PREFIX ?= /usr/local
install: build
	cmake --install $(RELEASE) --prefix $(PREFIX)

# A Debian package of the same, build/release/parley_VERSION_ARCH.deb (cmake/deb.cmake).
deb: build
	cd $(RELEASE) && cpack -G DEB

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer.
asan: deps
	cmake -S . -B $(ASAN) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPARLEY_SANITIZE=ON -DPARLEY_WERROR=$(WERROR)
	cmake --build $(ASAN) -j$(JOBS)
	ctest --test-dir $(ASAN) --output-on-failure -j$(JOBS)

# libFuzzer targets under ASan and UBSan, each run for FUZZ_SECONDS on a copy of its seed corpus
# (add FUZZ_RUNS=N to stop after N executions instead).
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := loader command_line export_roundtrip schema_verdicts record_stream shell_line
fuzz: deps
	@dpkg-query -W -f='$${Status}\n' clang libclang-rt-14-dev 2>/dev/null | grep -c '^install ok installed' | grep -q 2 || \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends clang libclang-rt-14-dev
	cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ -DPARLEY_FUZZ=ON -DPARLEY_BUILD_TESTS=OFF
	cmake --build build/fuzz -j$(JOBS) --target $(addprefix fuzz_,$(FUZZ_TARGETS))
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p build/fuzz/corpus/$$t build/fuzz/artifacts/$$t && \
	  echo "== fuzz_$$t" && \
	  UBSAN_OPTIONS=suppressions=tests/fuzz/ubsan.supp:print_stacktrace=1 \
	  build/fuzz/tests/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) $(if $(FUZZ_RUNS),-runs=$(FUZZ_RUNS)) -timeout=10 -rss_limit_mb=4096 \
	    -artifact_prefix=build/fuzz/artifacts/$$t/ -print_final_stats=1 build/fuzz/corpus/$$t tests/fuzz/corpus/$$t 2>&1 | \
	    grep -E '^(#[0-9]+ *DONE|stat::number_of_executed_units|==[0-9]+==ERROR|SUMMARY)' ; \
	  test $${PIPESTATUS[0]} -eq 0 || exit 1; \
	done

# Benchmarks on demand, never in `make test`: figures are medians over repetitions.
# The import is measured against SQLite's shell (sqlite3, installed here) and Kuzu (from npm, as
# bench-peers installs it; skipped with a message when it is not there).
bench: deps
	@dpkg-query -W -f='$${Status}\n' libbenchmark-dev sqlite3 2>/dev/null | grep -c '^install ok installed' | grep -q 2 || \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libbenchmark-dev sqlite3
	cmake -S . -B $(RELEASE) -DCMAKE_BUILD_TYPE=Release -DPARLEY_BUILD_BENCH=ON
	cmake --build $(RELEASE) -j$(JOBS) --target parley parley_batch_bench parley_query_bench parley_memory parley_generate \
	  parley_generate_events parley_import_floor parley_imported_queries parley_parse_floor parley_answer_bench
	KUZU_NODE_MODULES=$(CURDIR)/build/peers/node_modules tests/bench/run_all.sh $(RELEASE)

# The peers on the same generated data, answers checked against parley's.
# PEER_SCALES: the generated dataset scales the peers are measured at; PEER_SHAPES: the shapes
# of parley_generate (plain, and cited: every fact cited with a quote of its own).
PEER_SCALES ?= 1 10
PEER_SHAPES ?= plain cited
bench-peers: deps
	@dpkg-query -W -f='$${Status}\n' python3-igraph libbenchmark-dev 2>/dev/null | grep -c '^install ok installed' | grep -q 2 || \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-igraph libbenchmark-dev
	cmake -S . -B $(RELEASE) -DCMAKE_BUILD_TYPE=Release -DPARLEY_BUILD_BENCH=ON
	cmake --build $(RELEASE) -j$(JOBS) --target parley parley_generate
	@# Kuzu from npm; npm 11 skips install scripts, so its prebuilt binary is put in place by hand.
	mkdir -p build/peers
	[ -f build/peers/node_modules/kuzu/kuzujs.node ] || \
	  (cd build/peers && npm install --no-audit --no-fund kuzu@0.11.3 && \
	   cp node_modules/kuzu/prebuilt/kuzujs-linux-x64.node node_modules/kuzu/kuzujs.node)
	for shape in $(PEER_SHAPES); do for scale in $(PEER_SCALES); do \
	  dir=build/peers/$$shape-scale$$scale && mkdir -p $$dir && \
	  $(RELEASE)/tests/bench/parley_generate --scale $$scale --shape $$shape --csv $$dir > $$dir/dataset.json && \
	  echo "== peers at scale $$scale, $$shape shape" && \
	  KUZU_NODE_MODULES=$(CURDIR)/build/peers/node_modules \
	    /usr/bin/python3 tests/bench/peers/peers.py $(RELEASE)/cli/parley $$dir $$dir/dataset.json \
	    || exit 1; \
	done; done

debug: deps
	cmake -S . -B build/debug -DCMAKE_BUILD_TYPE=Debug
	cmake --build build/debug -j$(JOBS)

format:
	clang-format -i $$(git ls-files '*.cpp' '*.h')

clean:
	rm -rf build
