# shellcheck shell=bash
# The servers Shopfront needs on this machine: PostgreSQL, RabbitMQ and Redis.
# Sourced by ./shop and .ci/run. `shop_servers_ensure [postgresql] [rabbitmq] [redis]` probes
# each one cheaply, starts it when it is installed but down, installs it with apt when it is
# absent (root on Debian only), and otherwise stops with one message saying what to do.
#
# Knobs (environment): SHOP_PG_HOST (127.0.0.1), SHOP_PG_PORT (5432), SHOP_RABBIT_PORT (5672),
# SHOP_REDIS_HOST (127.0.0.1), SHOP_REDIS_PORT (6379), SHOP_SERVER_START_TIMEOUT (60 seconds).

: "${SHOP_PG_HOST:=127.0.0.1}" "${SHOP_PG_PORT:=5432}" "${SHOP_RABBIT_PORT:=5672}"
: "${SHOP_REDIS_HOST:=127.0.0.1}" "${SHOP_REDIS_PORT:=6379}" "${SHOP_SERVER_START_TIMEOUT:=60}"

shop_say() { printf '%s\n' "$*" >&2; }

shop_die() {
	printf 'shop: %s\n' "$*" >&2
	exit 1
}

shop_is_root() { [ "$(id -u)" -eq 0 ]; }

shop_port_open() { # host port: something listens there
	(exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

shop_server_up() {
	case $1 in
	postgresql)
		if command -v pg_isready >/dev/null; then
			pg_isready -q -h "$SHOP_PG_HOST" -p "$SHOP_PG_PORT"
		else
			shop_port_open "$SHOP_PG_HOST" "$SHOP_PG_PORT"
		fi
		;;
	rabbitmq)
		if command -v rabbitmq-diagnostics >/dev/null && shop_is_root; then
			rabbitmq-diagnostics -q ping >/dev/null 2>&1
		else # rabbitmq-diagnostics needs the Erlang cookie, which only root and rabbitmq can read
			shop_port_open 127.0.0.1 "$SHOP_RABBIT_PORT"
		fi
		;;
	redis)
		if command -v redis-cli >/dev/null; then
			[ "$(redis-cli -h "$SHOP_REDIS_HOST" -p "$SHOP_REDIS_PORT" ping 2>/dev/null)" = PONG ]
		else
			shop_port_open "$SHOP_REDIS_HOST" "$SHOP_REDIS_PORT"
		fi
		;;
	*) shop_die "unknown server $1" ;;
	esac
}

shop_server_installed() {
	case $1 in
	postgresql) command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ] && [ -n "$(ls -A /etc/postgresql 2>/dev/null)" ] ;;
	rabbitmq) command -v rabbitmq-server >/dev/null ;;
	redis) command -v redis-server >/dev/null ;;
	esac
}

shop_server_package() {
	case $1 in
	postgresql) echo postgresql ;;
	rabbitmq) echo rabbitmq-server ;;
	redis) echo redis-server ;;
	esac
}

shop_server_start_command() { # what a person would type (as root) to start it
	case $1 in
	postgresql) echo "pg_ctlcluster --skip-systemctl-redirect <version> main start" ;;
	rabbitmq) echo "rabbitmq-server -detached && rabbitmqctl await_startup" ;;
	redis) echo "redis-server --daemonize yes --bind 127.0.0.1 -::1 --port $SHOP_REDIS_PORT --save '' --appendonly no" ;;
	esac
}

shop_server_start() {
	case $1 in
	postgresql)
		local version
		for version in /etc/postgresql/*/; do
			version=$(basename "$version")
			[ -d "/etc/postgresql/$version/main" ] || continue
			pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
		done
		;;
	rabbitmq)
		rabbitmq-server -detached || true
		timeout "$SHOP_SERVER_START_TIMEOUT" rabbitmqctl -q await_startup >/dev/null 2>&1 || true
		;;
	redis)
		mkdir -p /var/lib/redis /var/log/redis
		redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$SHOP_REDIS_PORT" --save "" --appendonly no \
			--dir /var/lib/redis --logfile /var/log/redis/ci.log
		;;
	esac
}

shop_server_install() { # apt-get install, root on Debian only; the caller has checked
	local package
	package=$(shop_server_package "$1")
	shop_say "  installing $package with apt-get ..."
	if [ -z "${SHOP_APT_UPDATED-}" ]; then
		DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null || shop_die "apt-get update failed"
		SHOP_APT_UPDATED=1
	fi
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$package" >/dev/null || shop_die "apt-get install $package failed"
}

shop_server_wait() { # name: until it answers or the timeout passes
	local deadline=$((SECONDS + SHOP_SERVER_START_TIMEOUT))
	until shop_server_up "$1"; do
		[ "$SECONDS" -lt "$deadline" ] || return 1
		sleep 0.5
	done
}

shop_servers_ensure() { # names...: each one answers afterwards, or the script stops
	local server
	for server in "$@"; do
		if shop_server_up "$server"; then
			continue
		fi
		if ! shop_server_installed "$server"; then
			if shop_is_root && [ -f /etc/debian_version ] && command -v apt-get >/dev/null; then
				shop_server_install "$server"
			else
				shop_die "$server is not installed: install it (Debian: sudo apt-get install -y $(shop_server_package "$server")) and run this again."
			fi
		fi
		if shop_server_up "$server"; then
			shop_say "  $server answers"
			continue
		fi
		if ! shop_is_root; then
			shop_die "$server is installed but not answering: start it as root ($(shop_server_start_command "$server")) and run this again."
		fi
		shop_say "  starting $server ..."
		shop_server_start "$server" >/dev/null 2>&1 || true
		shop_server_wait "$server" ||
			shop_die "$server did not come up within ${SHOP_SERVER_START_TIMEOUT}s: try '$(shop_server_start_command "$server")' and look at its log."
		shop_say "  $server started"
	done
}
