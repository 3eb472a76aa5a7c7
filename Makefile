# A thin front to CMake. `make run` and `make test` are the two set-up commands; both install
# the Debian packages that are missing first.
JOBS     ?= 2
WERROR   ?= OFF
RELEASE  := build/release
ASAN     := build/asan
PARLEY   := $(RELEASE)/cli/parley
PACKAGES := cmake make g++ libboost-graph-dev libboost-program-options-dev rapidjson-dev \
            catch2 libicu-dev libedit-dev graphviz python3
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test deps build asan debug format clean

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

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer.
asan: deps
	cmake -S . -B $(ASAN) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPARLEY_SANITIZE=ON -DPARLEY_WERROR=$(WERROR)
	cmake --build $(ASAN) -j$(JOBS)
	ctest --test-dir $(ASAN) --output-on-failure -j$(JOBS)

debug: deps
	cmake -S . -B build/debug -DCMAKE_BUILD_TYPE=Debug
	cmake --build build/debug -j$(JOBS)

format:
	clang-format -i $$(git ls-files '*.cpp' '*.h')

clean:
	rm -rf build
