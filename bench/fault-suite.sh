#!/usr/bin/env bash
# The fault suite (see docs/fault-suite.md): an isolated shop under load from several clients,
# one phase per fault — each service killed (SIGKILL) and started again, RabbitMQ and PostgreSQL
# restarted, inventory-service and payment-service paused (SIGSTOP) past the clients' timeouts —
# then the invariants checked from the answers and the databases, and one table of faults ×
# invariants printed. Run from anywhere:
#
#   bench/fault-suite.sh [-Dphases=all|<fault>,<fault>] [-Dclients=6] [-DloadSeconds=20]
#                        [-DsettleSeconds=120] [-DpauseSeconds=8] [-DportBase=38080]
#
# Faults: none, kill <service> (each of the seven), restart RabbitMQ, restart PostgreSQL,
# pause inventory-service, pause payment-service. All of them take about 15 minutes.
#
# It takes the build lock, packages every service whose jar is missing or older than its
# sources, starts the shop with ./shop up --no-build (state in e2e-tests/target/fault-shop,
# ports from 38080, databases prefixed fault_, vhost shopfront_fault, Redis prefix fault:) and
# always ends it with ./shop down --purge. Restarting RabbitMQ and PostgreSQL affects everything
# on this machine that uses them: do not run it next to a test run. Exit status 0 when every
# invariant held.
set -eo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=bench/common.sh
. bench/common.sh
bench_begin "phases, clients, loadSeconds, settleSeconds, pauseSeconds, portBase" "$@"
set -u
[ "$(id -u)" = 0 ] || { echo "the fault suite restarts RabbitMQ and PostgreSQL: run it as root" >&2; exit 2; }

services=() modules=()
while read -r name module _; do
	case $name in '' | '#'*) continue ;; esac
	services+=("$name") modules+=("$module")
done <"${SHOP_SERVICES_FILE:-shop.d/services}"
stale=()
for i in "${!services[@]}"; do
	s=${services[$i]} m=${modules[$i]}
	jar=$(ls -t "$m/target/$s"-*.jar 2>/dev/null | grep -v -e '-sources.jar$' -e '-javadoc.jar$' -e '-tests.jar$' | head -1 || true)
	if [ -z "$jar" ] || [ -n "$(find "$m/src/main" "$m/pom.xml" platform/service-chassis/src/main \
		platform/service-chassis/pom.xml pom.xml -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
		stale+=("$m")
	fi
done
if [ ${#stale[@]} -gt 0 ]; then
	echo "Packaging ${stale[*]}" >&2
	./mvnw -q -B -DskipTests package -pl "$(IFS=,; echo "${stale[*]}")" -am
	for m in "${stale[@]}"; do touch "$m"/target/*.jar; done
fi
./mvnw -q -B -DskipTests -pl e2e-tests test-compile
classpath_file=$PWD/e2e-tests/target/fault-classpath.txt
./mvnw -q -B -pl e2e-tests dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"

echo "$(date -u +%FT%TZ) commit $(git rev-parse --short HEAD), args: ${props[*]-}"
"$JAVA_HOME/bin/java" -Xmx512m ${props[@]+"${props[@]}"} -Droot="$PWD" \
	-cp "e2e-tests/target/test-classes:$(cat "$classpath_file")" dev.shopfront.e2e.faults.FaultSuite
