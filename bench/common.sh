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
