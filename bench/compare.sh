#!/usr/bin/env bash
# Compares two commits on this machine in one sitting: each commit's system, as that commit's
# ./shop starts it, measured alternately (A B A B ...) by this checkout's load generators, and
# every figure's ratio B/A printed at the end. Machines like this one swing several-fold from day
# to day; a ratio of two builds measured back to back is the only performance claim worth making
# (see docs/benchmarks.md, "Comparing two commits").
#
#   bench/compare.sh BASE HEAD [order|read|start] [-Dname=value ...]
#
#   order   bench/order-benchmark.sh: orders/s, POST p50 and p99, RSS under load, system/floor,
#           the services' JIT share of the window (the -D options go to it; use -Dwarmup=120)
#   read    bench/read-benchmark.sh: catalog reads/s of each leg (the -D options go to it)
#   start   ./shop up --no-build with the runner's own JVM flags from a clean state: seconds until
#           it returned (ready_s); then, once any AOT cache it makes in the background is made,
#           ./shop down and up again (ready_again_s, the start a developer gets from then on) and
#           the whole system's RSS at rest 30 s after that (seven services and the mail sink;
#           trace viewer and metrics excluded), then ./shop down --purge
#
# COMPARE_ROUNDS (2) sets how many A B pairs. Each commit is checked out once into
# target/compare/<commit> (git worktree) and packaged there (./mvnw -DskipTests package: nothing
# is installed into the local repository); the benchmark's own harness always comes from this
# checkout. Both systems use the benchmark's isolated state, ports (28080) and databases, one at
# a time. It takes the build lock for the whole run.
set -eo pipefail
cd "$(dirname "$0")/.."
lock=${SHOPFRONT_BUILD_LOCK:-/tmp/shopfront-build.lock}
if [ -z "${SHOPFRONT_COMPARE_LOCKED-}" ]; then
	echo "Waiting for the build lock $lock ..." >&2
	SHOPFRONT_COMPARE_LOCKED=1 SHOPFRONT_BENCH_LOCKED=1 exec flock "$lock" "$0" "$@"
fi
usage() { echo "usage: $0 BASE HEAD [order|read|start] [-Dname=value ...]" >&2; exit 2; }
[ $# -ge 2 ] || usage
base=$(git rev-parse --short "$1^{commit}") || usage
head=$(git rev-parse --short "$2^{commit}") || usage
shift 2
kind=order
case ${1-} in order | read | start) kind=$1; shift ;; esac
for arg in "$@"; do case $arg in -D*) ;; *) usage ;; esac; done
rounds=${COMPARE_ROUNDS:-2}
. .mvn/find-jdk.sh
root=$PWD
work=$root/target/compare
mkdir -p "$work"

checkout() { # commit: a packaged checkout of it, made once
	local dir=$work/$1
	if [ ! -f "$dir/.packaged" ]; then
		rm -rf "$dir"
		git worktree prune
		git worktree add -f --detach "$dir" "$1" >/dev/null
		echo "Packaging $1 in $dir ..." >&2
		(cd "$dir" && ./mvnw -q -B -DskipTests package) >&2
		touch "$dir/.packaged"
	fi
	echo "$dir"
}
declare -A dir_of
dir_of[$base]=$(checkout "$base")
dir_of[$head]=$(checkout "$head")

# Each run prints its figures as name=value lines into $1. Each commit has its own state
# directory: in one shared by both, ./shop (until it compared the jar's path and time, 2026-12-07)
# kept running the extracted jars of whichever commit had the newer ones (docs/benchmarks.md,
# "Comparing two commits").
run_order() { # system summary
	local state=$work/state-order-${1##*/} log=$2.log
	BENCH_SYSTEM=$1 BENCH_STATE_DIR=$state bench/order-benchmark.sh "${options[@]}" >"$log" 2>&1 || echo "failed=1" >>"$2"
	grep -E '^(orders_per_s|post_p50_ms|post_p99_ms|rss_mib_loaded|system_over_floor|services_jit_share)=' \
		"$state/bench-summary.txt" >>"$2" || echo "failed=1" >>"$2"
	sed -n 's/^System ready after \([0-9]*\) s.*/ready_s=\1/p' "$log" >>"$2"
}
run_read() { # system summary
	local state=$work/state-read-${1##*/} log=$2.log
	BENCH_SYSTEM=$1 BENCH_STATE_DIR=$state bench/read-benchmark.sh "${options[@]}" >"$log" 2>&1 || echo "failed=1" >>"$2"
	tail -1 "$state/read-summary.txt" | tr ' ' '\n' | grep '=' >>"$2" || echo "failed=1" >>"$2"
}
run_start() { # system summary: ready time (a first start, then a second one) and RSS at rest
	local system=$1 state=$work/state-start log=$2.log started pid total=0 s waited
	(
		export SHOP_STATE_DIR=$state SHOP_PORT_BASE=28080 SHOP_DB_PREFIX=bench_ SHOP_RABBIT_VHOST=shopfront_bench \
			SHOP_REDIS_PREFIX=bench: SHOP_READY_TIMEOUT=900
		"$system/shop" down --purge >/dev/null 2>&1 || true
		rm -rf "$state"
		started=$SECONDS
		# the first start from a clean state (jars extracted; a commit with JDK 25's AOT cache makes it
		# afterwards, in the background), then the start a developer gets every time after that
		if "$system/shop" up --no-build </dev/null >"$log" 2>&1; then
			echo "ready_s=$((SECONDS - started))"
			waited=$SECONDS
			flock -w 600 "$state/.lock" true # ./shop launches them after it returned, holding its lock
			while [ $((SECONDS - waited)) -lt 600 ] && pgrep -f -- "-Dshop.service=[a-z-]*-aot -Dshop.state=$state " >/dev/null; do
				sleep 2
			done
			"$system/shop" down >>"$log" 2>&1 || true
			started=$SECONDS
			if "$system/shop" up --no-build </dev/null >>"$log" 2>&1; then
				echo "ready_again_s=$((SECONDS - started))"
				sleep 30 # at rest: what a developer's machine holds once the shop is up
				for s in "$state"/pids/*.pid; do
					pid=$(<"$s")
					case $(basename "$s" .pid) in traces | metrics | *-aot) continue ;; esac
					total=$((total + $(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)))
				done
				echo "rss_mib=$((total / 1024))"
			else
				echo "failed=1"
			fi
		else
			echo "failed=1"
		fi
		"$system/shop" down --purge >/dev/null 2>&1 || true
	) >>"$2"
}

options=("$@")
results=$work/results-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$results"
echo "Comparing $base (A) and $head (B) with the $kind benchmark, $rounds rounds of A B, options: ${options[*]-none}"
echo "Load generators from $(git rev-parse --short HEAD)$( [ -z "$(git status --porcelain)" ] || echo ' (uncommitted changes)'); results in $results"
for round in $(seq "$rounds"); do
	for commit in "$base" "$head"; do
		summary=$results/$round-$commit
		: >"$summary"
		echo "$(date -u +%T) round $round, $commit ..." >&2
		"run_$kind" "${dir_of[$commit]}" "$summary"
		echo "  round $round $commit: $(paste -sd' ' "$summary")"
	done
done

# name -> each run's value; ratio B/A of the means
echo
printf '%-16s %-28s %-28s %s\n' figure "A $base (runs)" "B $head (runs)" "B/A (of the means)"
names=$(cat "$results"/*-"$base" "$results"/*-"$head" | cut -d= -f1 | sort -u)
status=0
for name in $names; do
	values_a=$(cat "$results"/*-"$base" | sed -n "s/^$name=//p" | paste -sd' ')
	values_b=$(cat "$results"/*-"$head" | sed -n "s/^$name=//p" | paste -sd' ')
	ratio=$(awk -v a="$values_a" -v b="$values_b" 'BEGIN {
		na = split(a, x, " "); nb = split(b, y, " "); sa = 0; sb = 0
		for (i = 1; i <= na; i++) sa += x[i]; for (i = 1; i <= nb; i++) sb += y[i]
		if (na == 0 || nb == 0 || sa == 0) print "-"; else printf "%.2f", (sb / nb) / (sa / na) }')
	printf '%-16s %-28s %-28s %s\n' "$name" "$values_a" "$values_b" "$ratio"
	[ "$name" != failed ] || status=1
done
[ $status = 0 ] || echo "A run failed: its log is beside its summary in $results" >&2
exit $status
