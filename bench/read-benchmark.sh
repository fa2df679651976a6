#!/usr/bin/env bash
# One catalog read, GET /api/products/{sku}, four ways in one run on this machine, so that what
# each layer costs is a ratio measured in one sitting (see docs/benchmarks.md, "Catalog read
# benchmark"):
#
#   1. bare PostgreSQL: the service's own primary-key query, pgbench, prepared
#   2. the frameworkless floor: the JDK's HTTP server and plain JDBC serving the same JSON
#      (inventory-service/src/test/java/dev/shopfront/inventory/bench/ReadFloorServer.java)
#   3. inventory-service directly
#   4. the same through the gateway
#
#   bench/read-benchmark.sh [-Dconnections=8] [-Dseconds=10] [-Dwarmup=20] [-Drounds=1] [-Dprofile=false]
#
# -Dprofile=true records a JFR profile of the gateway and inventory-service during each measured
# window (jcmd JFR.start, settings=profile) and prints their hottest methods (jfr view hot-methods);
# the recordings stay in <state>-profiles/ beside the state directory.
# Legs 2-4 are loaded by wrk (closed loop: `connections` connections, 2 threads), each after its
# own warm-up (longer while the JIT compilers are busy, see warm_up); CPU per request of each
# process, and of the gateway's and inventory-service's kinds of thread, comes from /proc. It takes the build lock, starts
# an isolated system of user-service, inventory-service and the gateway with ./shop up --no-build
# (ports from 28080, databases bench_*, rate limits raised, the services' own JVM flags; C2 with
# SHOP_JAVA_OPTS=-XX:TieredStopAtLevel=4) and always ends it with
# ./shop down --purge; it never touches a running shop. Needs wrk and pgbench (apt-get install
# wrk postgresql-contrib).
set -eo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=bench/common.sh
. bench/common.sh
bench_begin "connections, seconds, warmup, rounds" "$@"
set -u
connections=8 seconds=10 warmup=20 rounds=1 profile=false
for p in ${props[@]+"${props[@]}"}; do
	case $p in
	-Dconnections=*) connections=${p#*=} ;;
	-Dseconds=*) seconds=${p#*=} ;;
	-Dwarmup=*) warmup=${p#*=} ;;
	-Drounds=*) rounds=${p#*=} ;;
	-Dprofile=*) profile=${p#*=} ;;
	*) echo "unknown option $p" >&2; exit 2 ;;
	esac
done
for tool in wrk pgbench psql; do
	command -v $tool >/dev/null || { echo "$tool is missing: apt-get install wrk postgresql-contrib" >&2; exit 1; }
done
module=inventory-service
port_base=${BENCH_PORT_BASE:-28080}
classpath_file=$PWD/$module/target/bench-classpath.txt

./mvnw -q -B -DskipTests install -pl $module -am
bench_package_stale user-service inventory-service gateway
./mvnw -q -B -pl $module dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"

bench_isolated_shop "${BENCH_STATE_DIR:-$PWD/$module/target/bench-read}" "$port_base"
# Only the three services a catalog read needs: nothing else competes for the 2 cores.
grep -E '^(user-service|inventory-service|gateway) ' "${SHOP_SERVICES_FILE:-${BENCH_SYSTEM:-.}/shop.d/services}" >"$state/services"
export SHOP_SERVICES_FILE=$state/services
bench_start_shop

pg=(-h "${SHOP_PG_HOST:-127.0.0.1}" -p "${SHOP_PG_PORT:-5432}" -U "${SHOP_PG_SUPERUSER:-postgres}")
database=bench_inventory_service
sku=$(psql -X "${pg[@]}" -d $database -Atc "select sku from products order by sku limit 1")
[ -n "$sku" ] || { echo "the demo catalog is empty" >&2; exit 1; }
floor_port=$((port_base + 19))
floor_log=$state/logs/read-floor.log
# The floor runs with the services' own JVM flags (shop.d/jvm and SHOP_JAVA_OPTS), no agent.
jdk_args=()
if [ "$(shopfront_jdk_major "$JAVA_HOME")" -ge 25 ]; then jdk_args=(@shop.d/jvm/jdk25.args); fi
# shellcheck disable=SC2086 # SHOP_JAVA_OPTS is a list of words on purpose
"$JAVA_HOME/bin/java" @shop.d/jvm/common.args "${jdk_args[@]}" @shop.d/jvm/inventory-service.args $SHOP_JAVA_OPTS \
	-Dport=$floor_port -DjdbcUrl="jdbc:postgresql://${SHOP_PG_HOST:-127.0.0.1}:${SHOP_PG_PORT:-5432}/$database" \
	-DjdbcUser="${SHOP_PG_SUPERUSER:-postgres}" -Dconnections="$connections" \
	-cp "$module/target/test-classes:$(cat "$classpath_file")" dev.shopfront.inventory.bench.ReadFloorServer \
	>"$floor_log" 2>&1 &
floor_pid=$!
trap 'kill $floor_pid 2>/dev/null; bench_down' EXIT
for _ in $(seq 100); do
	curl -fs -o /dev/null "http://127.0.0.1:$floor_port/api/products/$sku" && break
	sleep 0.2
done
# The same body both ways, or the comparison is not of the same work.
direct_body=$(curl -fsS "http://127.0.0.1:$((port_base + 3))/api/products/$sku")
floor_body=$(curl -fsS "http://127.0.0.1:$floor_port/api/products/$sku")
gateway_body=$(curl -fsS "http://127.0.0.1:$port_base/api/products/$sku")
if [ "$(jq -S . <<<"$direct_body")" != "$(jq -S . <<<"$floor_body")" ] || [ "$direct_body" != "$gateway_body" ]; then
	printf 'The legs do not serve the same JSON:\n  direct  %s\n  floor   %s\n  gateway %s\n' \
		"$direct_body" "$floor_body" "$gateway_body" >&2
	exit 1
fi
echo "Reading $sku: $direct_body (${#direct_body} bytes)"

clk_tck=$(getconf CLK_TCK)
ticks() { # pid...: user + system CPU ticks of these processes (threads included)
	local pid sum=0 fields
	for pid in "$@"; do
		fields=$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null) || continue
		read -ra fields <<<"$fields" # from field 3 (state) on: utime is field 14, stime 15
		sum=$((sum + fields[11] + fields[12]))
	done
	echo $sum
}
service_pid() { cat "$state/pids/$1.pid"; }
declare -A group_pids
group_pids[gateway]=$(service_pid gateway)
group_pids[inventory-service]=$(service_pid inventory-service)
group_pids[floor]=$floor_pid
postgres_pids() { pgrep -x postgres | tr '\n' ' '; }

summary_file=$state/read-summary.txt
: >"$summary_file"
status=0
declare -A rate
leg() { # name url: warm-up, then the measured run, and one line of figures
	local name=$1 url=$2 out before_g before_i before_f before_p after_g after_i after_f after_p requests rps p50 p99 non2xx
	warm_up "$name" "$url"
	before_g=$(ticks "${group_pids[gateway]}") before_i=$(ticks "${group_pids[inventory-service]}")
	before_f=$(ticks "$floor_pid") before_p=$(ticks $(postgres_pids))
	thread_ticks "${group_pids[gateway]}" >"$threads/$name-gateway.before"
	thread_ticks "${group_pids[inventory-service]}" >"$threads/$name-inventory-service.before"
	[ "$profile" != true ] || profile_start
	out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$url")
	thread_ticks "${group_pids[gateway]}" >"$threads/$name-gateway.after"
	thread_ticks "${group_pids[inventory-service]}" >"$threads/$name-inventory-service.after"
	[ "$profile" != true ] || profile_stop "$name" >"$profiles/$name.txt"
	after_g=$(ticks "${group_pids[gateway]}") after_i=$(ticks "${group_pids[inventory-service]}")
	after_f=$(ticks "$floor_pid") after_p=$(ticks $(postgres_pids))
	requests=$(awk '/requests in/ {print $1}' <<<"$out")
	rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$out")
	p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
	p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
	non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
	if [ -n "$non2xx" ] || grep -q 'Socket errors' <<<"$out"; then
		echo "$name: errors: $(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr '\n' ' ')"
		status=1
	fi
	cpu_ms() { awk -v t="$1" -v n="$requests" -v hz="$clk_tck" 'BEGIN {printf "%.3f", t * 1000 / hz / n}'; }
	printf '  %-8s %8s/s   p50 %8s  p99 %8s   CPU ms/request: gateway %s, inventory-service %s, floor %s, PostgreSQL %s\n' \
		"$name" "$rps" "$p50" "$p99" "$(cpu_ms $((after_g - before_g)))" "$(cpu_ms $((after_i - before_i)))" \
		"$(cpu_ms $((after_f - before_f)))" "$(cpu_ms $((after_p - before_p)))"
	rate[$name]=$rps
	[ "$name" = floor ] || for s in gateway inventory-service; do
		printf '    %s CPU ms/request by kind of thread: %s\n' "$s" "$(thread_kinds "$name-$s" "$requests")"
	done
	[ "$profile" != true ] || sed 's/^/    /' "$profiles/$name.txt"
}

# warm_up leg url: -Dwarmup seconds of load, then 10 s more at a time while the JIT compilers
# of the gateway and inventory-service took more than a tenth of their CPU in the last 10 s
# (with C2 the gateway went on compiling the proxy's deep call chains for a minute), at
# most 4 times the warm-up in all, so that the measured window is the steady state.
warm_up() {
	local name=$1 url=$2 spent=0 s jit total
	wrk -t2 -c"$connections" -d"${warmup}s" "$url" >/dev/null
	spent=$warmup
	[ "$name" != floor ] || return 0
	while [ "$spent" -lt $((4 * warmup)) ]; do
		for s in gateway inventory-service; do thread_ticks "${group_pids[$s]}" >"$threads/warm-$s.before"; done
		wrk -t2 -c"$connections" -d10s "$url" >/dev/null
		spent=$((spent + 10))
		for s in gateway inventory-service; do thread_ticks "${group_pids[$s]}" >"$threads/warm-$s.after"; done
		read -r jit total < <(for s in gateway inventory-service; do
			join -a1 "$threads/warm-$s.after" "$threads/warm-$s.before"
		done | awk '{d = $2 - ($3 == "" ? 0 : $3); t += d; if ($1 ~ /^C[12]_Compiler/) j += d} END {print j + 0, t + 0}')
		[ $((jit * 10)) -gt "$total" ] || break
	done
	echo "  $name: warmed up for $spent s (the JIT's share of the CPU in the last 10 s: $((100 * jit / (total > 0 ? total : 1))) %)"
}
profiles=$state/../$(basename "$state")-profiles
threads=$state/threads
mkdir -p "$threads"
thread_ticks() { # pid: "thread-name ticks" per thread name (numbers cut off)
	local task name fields
	for task in /proc/"$1"/task/*; do
		name=$(tr " " _ 2>/dev/null <"$task/comm") || continue
		fields=$(sed 's/^.*) //' "$task/stat" 2>/dev/null) || continue
		read -ra fields <<<"$fields"
		echo "$(sed -E 's/[-#]?[0-9]+$//; s/[-#]?[0-9]+-?$//' <<<"$name") $((fields[11] + fields[12]))"
	done | awk '{t[$1] += $2} END {for (k in t) print k, t[k]}' | sort
}
# thread_kinds leg-service requests: the window's CPU per request of the request threads (Tomcat's
# virtual threads and their carriers), the JIT compilers, the collector (the VM thread runs the
# serial collector) and the rest; threads that ended within the window are not counted.
thread_kinds() {
	join -a1 "$threads/$1.after" "$threads/$1.before" | awk -v n="$2" -v hz="$clk_tck" '
		{ d = $2 - ($3 == "" ? 0 : $3); if (d <= 0) next
		  k = $1 ~ /^(ForkJoinPool|http-nio|Virtual)/ ? "requests" : $1 ~ /^C[12]_Compiler/ ? "JIT" : $1 ~ /^(VM_Thread|GC)/ ? "GC" : "other"
		  t[k] += d }
		END { printf "requests %.3f, JIT %.3f, GC %.3f, other %.3f", t["requests"] * 1000 / hz / n,
			t["JIT"] * 1000 / hz / n, t["GC"] * 1000 / hz / n, t["other"] * 1000 / hz / n }'
}
profile_start() {
	local s
	mkdir -p "$profiles"
	for s in gateway inventory-service; do
		"$JAVA_HOME/bin/jcmd" "${group_pids[$s]}" JFR.start name=bench settings=profile >/dev/null
	done
}
profile_stop() { # leg: stops the recordings and prints each one's hottest methods
	local s file
	for s in gateway inventory-service; do
		file=$profiles/$1-$s.jfr
		"$JAVA_HOME/bin/jcmd" "${group_pids[$s]}" JFR.stop name=bench filename="$file" >/dev/null
		echo "$s, hot methods ($file):"
		"$JAVA_HOME/bin/jfr" view --width 150 hot-methods "$file" | sed -n '4,18p'
	done
}

echo "$connections connections, at least ${warmup} s warm-up and ${seconds} s measured per leg, $rounds round(s)"
for round in $(seq "$rounds"); do
	echo "Round $round:"
	bench_sql=$state/read.sql
	echo "select sku, name, description, category, price, currency, available from products where sku = '$sku';" >"$bench_sql"
	out=$(pgbench -n -M prepared -c "$connections" -j 2 -T "$seconds" -f "$bench_sql" "${pg[@]}" $database)
	rate[postgres]=$(awk '/^tps = / {printf "%.0f", $3}' <<<"$out")
	printf '  %-8s %8s/s   latency average %s ms (pgbench, prepared, %d clients)\n' postgres "${rate[postgres]}" \
		"$(awk '/^latency average/ {print $4}' <<<"$out")" "$connections"
	leg floor "http://127.0.0.1:$floor_port/api/products/$sku"
	leg direct "http://127.0.0.1:$((port_base + 3))/api/products/$sku"
	leg gateway "http://127.0.0.1:$port_base/api/products/$sku"
	ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.0f %%", 100 * a / b}'; }
	echo "  ratios: gateway/direct $(ratio "${rate[gateway]}" "${rate[direct]}") (goal >= 80 %)," \
		"direct/floor $(ratio "${rate[direct]}" "${rate[floor]}") (goal >= 50 %)," \
		"floor/PostgreSQL $(ratio "${rate[floor]}" "${rate[postgres]}")"
	printf 'round%d postgres=%s floor=%s direct=%s gateway=%s\n' "$round" "${rate[postgres]}" "${rate[floor]}" \
		"${rate[direct]}" "${rate[gateway]}" >>"$summary_file"
done
echo "Load after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $status
