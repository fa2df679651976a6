#!/usr/bin/env bash
# Outbox throughput and commit-to-delivery latency on this machine (see docs/messaging.md,
# "Outbox benchmark"). Run from anywhere:
#
#   bench/outbox-benchmark.sh [-Drate=500] [-Dseconds=20] [-Dwarmup=5] [-Dwriters=4]
#                             [-Dburst.count=10000] [-Dburst.writers=4] [-Dqueue.type=classic|quorum]
#                             [-Dshopfront.chassis.messaging.relay.batch-size=100 ...]
#
# It takes the build lock (/tmp/shopfront-build.lock) for the whole run: its Maven calls are
# builds, and a benchmark sharing 2 cores with a build measures the build. It works on a fresh
# database and virtual host of the local servers (platform/test-support's TestServers) and
# drops them at the end; it never touches a running shop.
set -eo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=bench/common.sh
. bench/common.sh
bench_begin "rate, seconds, warmup, writers, burst.count, burst.writers, queue.type" "$@"
set -u
module=platform/service-chassis
classpath_file=$PWD/$module/target/bench-classpath.txt

./mvnw -q -B -DskipTests install -pl $module -am
./mvnw -q -B -pl $module dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"

echo "$(date -u +%FT%TZ) commit $(git rev-parse --short HEAD), JDK $JAVA_HOME, args: ${props[*]-}"
echo "Load before the run: $(cut -d' ' -f1-3 /proc/loadavg); busiest processes:"
ps -eo pcpu,comm --sort=-pcpu | sed -n '2,6p'

exec "$JAVA_HOME/bin/java" -Xms512m -Xmx1g ${props[@]+"${props[@]}"} \
	-cp "$module/target/test-classes:$module/target/classes:$(cat "$classpath_file")" \
	dev.shopfront.chassis.messaging.bench.OutboxBenchmark
