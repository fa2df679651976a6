#!/usr/bin/env bash
# Orders/s end to end through the gateway (POST /api/orders until the order is CONFIRMED:
# reservation at inventory-service, payment at payment-service, confirmation at order-service)
# with latency percentiles of the POST and of the saga, on this machine (see docs/benchmarks.md,
# "Order saga benchmark"). Run from anywhere:
#
#   bench/order-benchmark.sh [-Dclients=8] [-Dseconds=20] [-Dwarmup=5] [-Dcustomers=16]
#                            [-Dproducts=20] [-Dstock=1000000] [-Dwait=5] [-DpollMs=25] [-Dsettle=60]
#                            [-DsampleSeconds=2] [-DpaymentSample=200] [-Drate=0]
#
# -Dprofile=true records JFR (settings=profile) in every service JVM over the measured window and
# prints each one's hottest methods and busiest threads; the recordings stay in <state>-profiles/.
# -Drate=N paces the clients at N orders/s in all (open loop; latencies counted from each order's
# scheduled time), for latency at a given load; 0 (the default) is a closed loop, for the maximum.
#
# It takes the build lock (/tmp/shopfront-build.lock) for the whole run (its Maven calls are
# builds, and a benchmark sharing 2 cores with a build measures the build). It packages every
# service ./shop runs (shop.d/services) whose jar is missing or older than its sources, starts
# an isolated system with ./shop up --no-build (own state directory, ports from 28080, databases
# prefixed bench_, own RabbitMQ vhost and Redis prefix, a signing key generated here, the
# gateway's rate limits raised so they do not shape the measurement), checks the outcome in the
# databases as well, and always ends it with ./shop down --purge; it never touches a running shop.
set -eo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=bench/common.sh
. bench/common.sh
bench_begin "clients, seconds, warmup, customers, products, stock, wait, pollMs, settle, sampleSeconds, paymentSample, rate, profile" "$@"
set -u
profile=false java_props=()
for p in ${props[@]+"${props[@]}"}; do
	case $p in -Dprofile=*) profile=${p#*=} ;; *) java_props+=("$p") ;; esac
done
module=order-service
# The services ./shop runs (shop.d/services): name, module and port offset of each.
services=()
declare -A module_of offset_of
while read -r name service_module offset _; do
	case $name in '' | '#'*) continue ;; esac
	services+=("$name")
	module_of[$name]=$service_module offset_of[$name]=$offset
done <"${SHOP_SERVICES_FILE:-${BENCH_SYSTEM:-.}/shop.d/services}"
for s in order-service inventory-service payment-service gateway; do
	[ -n "${offset_of[$s]-}" ] || { echo "$s is not in ${SHOP_SERVICES_FILE:-${BENCH_SYSTEM:-.}/shop.d/services}" >&2; exit 1; }
done
classpath_file=$PWD/$module/target/bench-classpath.txt
port_base=${BENCH_PORT_BASE:-28080}

# order-service with its test classes, and what it needs (installed: the classpath below
# resolves test-support and the chassis from the local repository).
./mvnw -q -B -DskipTests install -pl $module -am
# Every service ./shop starts, packaged when its jar is missing or older than its sources.
bench_package_stale "${services[@]}"
./mvnw -q -B -pl $module dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"

bench_isolated_shop "${BENCH_STATE_DIR:-$PWD/$module/target/bench-shop}" "$port_base"
summary_file=$state/bench-summary.txt
rm -f "$summary_file"

# Where this run's lines start in each service log (the logs are appended to, run after run).
declare -A log_from
for s in "${services[@]}"; do
	lines=0
	[ ! -f "$state/logs/$s.log" ] || lines=$(wc -l <"$state/logs/$s.log")
	log_from[$s]=$((lines + 1))
done

bench_start_shop

status=0
# The floor phase's databases: the services' schemas (Flyway's result), no data.
floor_databases=()
for s in order-service inventory-service payment-service shipping-service notification-service; do
	floor_databases+=("bench_floor_${s//-/_}")
done
drop_floor() {
	local db
	for db in "${floor_databases[@]}"; do
		psql -X -q "${pg[@]}" -d postgres -c "drop database if exists $db" 2>/dev/null || true
	done
}
pg=(-h "${SHOP_PG_HOST:-127.0.0.1}" -p "${SHOP_PG_PORT:-5432}" -U "${SHOP_PG_SUPERUSER:-postgres}")
trap 'drop_floor; bench_down' EXIT
drop_floor
for s in order-service inventory-service payment-service shipping-service notification-service; do
	psql -X -q "${pg[@]}" -d postgres -c "create database bench_floor_${s//-/_}"
	pg_dump "${pg[@]}" --schema-only --no-owner --no-privileges "bench_${s//-/_}" |
		psql -X -q "${pg[@]}" -v ON_ERROR_STOP=1 -d "bench_floor_${s//-/_}" >/dev/null
done

profiles=$state-profiles
[ "$profile" != true ] || { rm -rf "$profiles"; mkdir -p "$profiles"; java_props+=("-Dprofile=$profiles"); }
"$JAVA_HOME/bin/java" -Xms256m -Xmx512m ${java_props[@]+"${java_props[@]}"} \
	-Dgateway=http://localhost:$((port_base + ${offset_of[gateway]})) -DkeyFile="$key_file" -DkeyId="$key_id" \
	-DshopState="$state" -DclkTck="$(getconf CLK_TCK)" -DsummaryFile="$summary_file" \
	-DcensusJdbc="jdbc:postgresql://${SHOP_PG_HOST:-127.0.0.1}:${SHOP_PG_PORT:-5432}/" -DcensusUser="${SHOP_PG_SUPERUSER:-postgres}" \
	-Dfloor=true -DfloorAmqp="amqp://${SHOP_RABBIT_USER:-guest}:${SHOP_RABBIT_PASSWORD:-guest}@127.0.0.1:${SHOP_RABBIT_PORT:-5672}/$SHOP_RABBIT_VHOST" \
	-DcensusDatabases="$(for s in "${services[@]}"; do [ "$s" = gateway ] || printf 'bench_%s,' "${s//-/_}"; done)" \
	-Dmetrics="order-service=http://127.0.0.1:$((port_base + 1000 + ${offset_of[order-service]})),inventory-service=http://127.0.0.1:$((port_base + 1000 + ${offset_of[inventory-service]})),payment-service=http://127.0.0.1:$((port_base + 1000 + ${offset_of[payment-service]}))" \
	-cp "$module/target/test-classes:$module/target/classes:$(cat "$classpath_file")" \
	dev.shopfront.order.bench.OrderBenchmark || status=$?

# The same outcome in the three databases, not the client's tally: every order CONFIRMED, as
# many committed reservations and authorised payments, no units held, and per product
# available + held + committed = stock.
stock=1000000
for p in ${props[@]+"${props[@]}"}; do case $p in -Dstock=*) stock=${p#-Dstock=} ;; esac; done
sql() { # database query
	psql -X -h "${SHOP_PG_HOST:-127.0.0.1}" -p "${SHOP_PG_PORT:-5432}" -U "${SHOP_PG_SUPERUSER:-postgres}" \
		-d "$1" -Atc "$2"
}
echo
echo "Database check:"
orders=$(sql bench_order_service "select status || ' ' || count(*) from orders group by status order by status" | paste -sd, -) || status=1
sagas=$(sql bench_order_service "select step || '/' || payment || ' ' || count(*) from checkout_sagas group by step, payment order by 1" | paste -sd, -) || status=1
reservations=$(sql bench_inventory_service "select status || ' ' || count(*) from reservations group by status order by status" | paste -sd, -) || status=1
payments=$(sql bench_payment_service "select status || ' ' || count(*) from payments group by status order by status" | paste -sd, -) || status=1
products=$(sql bench_inventory_service "select count(*) || ' products, ' || coalesce(sum(p.reserved), 0) || ' units held, '
		|| coalesce(sum(c.units), 0) || ' units committed, ' || count(*) filter (where p.available + p.reserved
		+ coalesce(c.units, 0) <> $stock) || ' with available + held + committed <> $stock'
	from products p left join (select l.sku, sum(l.quantity) as units from reservation_lines l
		join reservations r using (order_id) where r.status = 'COMMITTED' group by l.sku) c using (sku)
	where p.sku like 'OBENCH-%'") || status=1
echo "  orders (order-service):          ${orders:-none}"
echo "  sagas step/payment:              ${sagas:-none}"
echo "  reservations (inventory-service): ${reservations:-none}"
echo "  payments (payment-service):      ${payments:-none}"
echo "  stock:                           $products"
count_of() { sed -n "s/.*\b$2 \([0-9]*\).*/\1/p" <<<"$1"; }
client_confirmed=$(sed -n 's/^confirmed=//p' "$summary_file" 2>/dev/null || true)
client_units=$(sed -n 's/^units=//p' "$summary_file" 2>/dev/null || true)
db_confirmed=$(count_of "$orders" CONFIRMED)
db_committed=$(count_of "$reservations" COMMITTED)
db_authorized=$(count_of "$payments" AUTHORIZED)
if [ -n "$client_confirmed" ] && [ "${db_confirmed:-0}" = "$client_confirmed" ] && [ "${db_committed:-0}" = "$client_confirmed" ] &&
	[ "${db_authorized:-0}" = "$client_confirmed" ] && [ "$orders" = "CONFIRMED $client_confirmed" ] &&
	[[ $products == *" 0 units held, $client_units units committed, 0 with "* ]]; then
	echo "  check: only CONFIRMED orders, one committed reservation and one authorised payment each, $client_units units committed as the client counted, stock conserved: yes"
else
	echo "  check: NO (client: ${client_confirmed:-?} confirmed, ${client_units:-?} units)"
	status=1
fi
echo "Load after the run: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ "$profile" = true ]; then
	echo
	echo "Profiles of the measured window ($profiles):"
	for file in "$profiles"/*.jfr; do
		[ -f "$file" ] || continue
		echo "  $(basename "$file" .jfr), hottest methods and busiest threads:"
		"$JAVA_HOME/bin/jfr" view --width 140 hot-methods "$file" | sed -n '4,13p' | sed 's/^/    /'
		"$JAVA_HOME/bin/jfr" view --width 140 thread-cpu-load "$file" | sed -n '5,9p' | sed 's/^/    /'
	done
fi

# Warnings and errors the services logged during this run (startup included), most frequent first.
echo
echo "Service logs ($state/logs), WARN and ERROR lines of this run:"
for s in "${services[@]}"; do
	file=$state/logs/$s.log
	[ -f "$file" ] || continue
	lines=$(tail -n "+${log_from[$s]}" "$file" | jq -R -r 'try (fromjson | select(.log.level == "WARN" or .log.level == "ERROR")
		| "\(.log.level) \(.log.logger // "" | split(".") | last): \(.message // "" | gsub("[0-9a-f]{8}-[0-9a-f-]{27}"; "<uuid>") | .[0:150])") catch empty' |
		sort | uniq -c | sort -rn)
	echo "  $s: $(grep -c . <<<"$lines" || true) distinct, $(awk '{n += $1} END {print n + 0}' <<<"$lines") lines"
	[ -z "$lines" ] || head -5 <<<"$lines" | sed 's/^/    /'
done
exit $status
