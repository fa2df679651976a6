#!/usr/bin/env bash
# Catalog reads/s through the gateway and reservations/s at inventory-service on this machine,
# with latency percentiles (see docs/benchmarks.md, "Inventory benchmark"). Run from anywhere:
#
#   bench/inventory-benchmark.sh [-Dclients=8] [-Dseconds=15] [-Dwarmup=3] [-Dproducts=50] [-Dstock=1000000]
#
# It takes the build lock (/tmp/shopfront-build.lock) for the whole run (its Maven calls are
# builds, and a benchmark sharing 2 cores with a build measures the build). It starts an
# isolated system with ./shop up --no-build (own state directory, ports from 28080, databases
# prefixed bench_, own RabbitMQ vhost and Redis prefix, a signing key generated here, the
# gateway's rate limits raised so they do not shape the measurement) and always ends it with
# ./shop down --purge; it never touches a running shop.
set -eo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=bench/common.sh
. bench/common.sh
bench_begin "clients, seconds, warmup, products, stock" "$@"
set -u
module=inventory-service
classpath_file=$PWD/$module/target/bench-classpath.txt
port_base=${BENCH_PORT_BASE:-28080}

./mvnw -q -B -DskipTests install -pl $module -am
for jar in gateway/target/gateway-*.jar user-service/target/user-service-*.jar; do
	[ -e "$jar" ] || { ./mvnw -q -B -DskipTests package -pl gateway,user-service -am; break; }
done
./mvnw -q -B -pl $module dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"

bench_isolated_shop "${BENCH_STATE_DIR:-$PWD/$module/target/bench-shop}" "$port_base"

bench_start_shop

status=0
"$JAVA_HOME/bin/java" -Xms256m -Xmx512m ${props[@]+"${props[@]}"} \
	-Dgateway=http://localhost:$port_base -Dservice=http://localhost:$((port_base + 3)) \
	-DkeyFile="$key_file" -DkeyId="$key_id" \
	-cp "$module/target/test-classes:$module/target/classes:$(cat "$classpath_file")" \
	dev.shopfront.inventory.bench.InventoryBenchmark || status=$?

# The same check in the database: the products' own reserved column, not the client's tally.
stock=1000000
for p in ${props[@]+"${props[@]}"}; do case $p in -Dstock=*) stock=${p#-Dstock=} ;; esac; done
echo "Database check (products BENCH-*: count, reserved units, rows with available < 0 or available + reserved != $stock):"
psql -X -h "${SHOP_PG_HOST:-127.0.0.1}" -p "${SHOP_PG_PORT:-5432}" -U "${SHOP_PG_SUPERUSER:-postgres}" \
	-d bench_inventory_service -Atc "select count(*), coalesce(sum(reserved), 0), count(*) filter (where available < 0
		or available + reserved <> $stock) from products where sku like 'BENCH-%'" || status=$?
echo "Load after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $status
