# shellcheck shell=bash
# Sourced by the bench/*.sh scripts (from the repository root) before anything else runs:
#   bench_begin "<options for the usage line>" "$@"
# takes the build lock for the whole run (its Maven calls are builds, and a benchmark sharing
# 2 cores with a build measures the build), collects the -Dname=value options into the array
# `props`, and finds a JDK >= 21 (JAVA_HOME) like ./mvnw does.
bench_begin() {
	local usage=$1
	shift
	local lock=${SHOPFRONT_BUILD_LOCK:-/tmp/shopfront-build.lock}
	if [ -z "${SHOPFRONT_BENCH_LOCKED-}" ]; then
		echo "Waiting for the build lock $lock ..." >&2
		SHOPFRONT_BENCH_LOCKED=1 exec flock "$lock" "$0" "$@"
	fi
	props=()
	local arg
	for arg in "$@"; do
		case $arg in
			-D*) props+=("$arg") ;;
			*) echo "usage: $0 [-Dname=value ...]  ($usage)" >&2; exit 2 ;;
		esac
	done
	. .mvn/find-jdk.sh
}

# bench_isolated_shop <state dir> <gateway port>
# Points ./shop at a system of the benchmark's own (its state, ports, databases, vhost and
# Redis keys: never a running shop's), whose user-service signs tokens with a key made for
# this run (key_file, key_id: the benchmark mints its tokens with it), with rate limits out
# of the way; stops and purges it when the script exits.
bench_isolated_shop() {
	state=$1
	local port_base=$2
	mkdir -p "$state"
	key_file=$state/signing-key.pem
	openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$key_file" 2>/dev/null
	key_id=bench-$(date +%s)
	export SHOP_STATE_DIR=$state SHOP_PORT_BASE=$port_base SHOP_DB_PREFIX=bench_ \
		SHOP_RABBIT_VHOST=shopfront_bench SHOP_REDIS_PREFIX=bench: \
		SHOPFRONT_USER_JWT_PRIVATE_KEY="$(cat "$key_file")" SHOPFRONT_USER_JWT_KEY_ID=$key_id \
		SHOPFRONT_GATEWAY_RATELIMIT_PERIP=10000000 SHOPFRONT_GATEWAY_RATELIMIT_PERUSER=10000000 \
		SHOP_JAVA_OPTS=${SHOP_JAVA_OPTS-} SHOP_AOT=${SHOP_AOT:-off}
	# SHOP_AOT=off: the AOT cache changes how a service starts, not how it runs, and its training in
	# the background would run beside the load; bench/compare.sh start measures it
	trap bench_down EXIT
}

# The system measured: this checkout's ./shop and jars, or, when bench/compare.sh sets
# BENCH_SYSTEM, another commit's checkout (its ./shop, its jars, already built), driven by this
# checkout's load generators, so that both commits meet the same client.
shop_cmd() { "${BENCH_SYSTEM:-.}/shop" "$@"; }

bench_down() {
	echo "Stopping the benchmark system: ./shop down --purge" >&2
	shop_cmd down --purge </dev/null >&2 || echo "./shop down --purge failed; logs in $state/logs" >&2
	rm -f "$key_file"
}

# bench_start_shop: starts the isolated system (bench_isolated_shop first) and prints what the
# figures were measured on: the commit, the machine, the JDK and the load before the run.
bench_start_shop() {
	echo "Starting an isolated system: ${BENCH_SYSTEM:-.}/shop up --no-build (state in $state, gateway on $SHOP_PORT_BASE)" >&2
	local started=$SECONDS
	# every service at once on 2 cores: allow a slow machine longer than ./shop's 120 s
	SHOP_READY_TIMEOUT=${SHOP_READY_TIMEOUT:-300} shop_cmd up --no-build </dev/null >&2
	echo "$(date -u +%FT%TZ) system commit $(git -C "${BENCH_SYSTEM:-.}" rev-parse --short HEAD), load generator commit $(git rev-parse --short HEAD), args: ${props[*]-}"
	echo "System ready after $((SECONDS - started)) s (./shop up --no-build)"
	echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), services with ${SHOP_JAVA_OPTS:-their own flags (shop.d/jvm)}"
	echo "Load before the run: $(cut -d' ' -f1-3 /proc/loadavg); busiest processes:"
	ps -eo pcpu,comm --sort=-pcpu | sed -n '2,6p'
}

# bench_package_stale service...: packages each service of shop.d/services whose jar is missing
# or older than its sources (or the chassis'), so the system measured is the code checked out.
bench_package_stale() {
	[ -z "${BENCH_SYSTEM-}" ] || return 0 # bench/compare.sh built that checkout's jars
	local s name service_module offset jar stale=() modules=()
	declare -A module_of
	while read -r name service_module offset _; do
		case $name in '' | '#'*) continue ;; esac
		module_of[$name]=$service_module
	done <"${SHOP_SERVICES_FILE:-shop.d/services}"
	for s in "$@"; do
		[ -n "${module_of[$s]-}" ] || { echo "$s is not in ${SHOP_SERVICES_FILE:-shop.d/services}" >&2; return 1; }
		jar=$(bench_jar_of "${module_of[$s]}" "$s")
		if [ -z "$jar" ] || [ -n "$(find "${module_of[$s]}/src/main" "${module_of[$s]}/pom.xml" platform/service-chassis/src/main \
			platform/service-chassis/pom.xml pom.xml -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
			stale+=("$s") modules+=("${module_of[$s]}")
		fi
	done
	[ ${#stale[@]} -gt 0 ] || return 0
	echo "Packaging ${stale[*]}" >&2
	./mvnw -q -B -DskipTests package -pl "$(IFS=,; echo "${modules[*]}")" -am
	for s in "${stale[@]}"; do # Maven leaves an up-to-date jar alone; it is current now
		jar=$(bench_jar_of "${module_of[$s]}" "$s")
		[ -n "$jar" ] || { echo "the build made no jar for $s" >&2; return 1; }
		touch "$jar"
	done
}

bench_jar_of() { # module service: its newest jar, as ./shop picks it
	ls -t "$1/target/$2"-*.jar 2>/dev/null | grep -v -e '-sources.jar$' -e '-javadoc.jar$' -e '-tests.jar$' | head -1 || true
}
