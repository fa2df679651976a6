#!/bin/sh
# The Compose stack's secrets, made on the first `docker compose up` by the one-shot
# container `secrets` and kept in volumes: nothing secret is in an image or in git.
#
# Each value is taken from the environment when set there (docker compose passes the keys of
# .env, see .env.example), else the one stored by an earlier run, else a new random one. Then
# every consumer gets the values it needs in its own volume, mounted at /run/secrets/shop:
#
#   /secrets/master/                  all values (this container only)
#   /secrets/<service>/<property>     one file per secret; the service reads the directory as
#                                     Spring Boot's configtree (SPRING_CONFIG_IMPORT), its
#                                     PostgreSQL container reads spring.datasource.password
#   /secrets/rabbitmq/rabbitmq.conf   the broker's user, password and virtual host
#   /secrets/seed/                    the demo accounts' passwords, for the seed container
#
# The same script runs outside Docker in ComposeDriftIntegrationTests (SECRETS_DIR=<temp dir>).
set -eu
umask 022
dir=${SECRETS_DIR:-/secrets}
master=$dir/master
mkdir -p "$master"

random() { od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'; }

# value NAME BYTES: the environment's SHOP_<NAME>, else the stored value, else a random one
value() {
	eval "given=\${SHOP_$1:-}"
	if [ -n "$given" ]; then
		printf '%s' "$given" >"$master/$1"
	elif [ ! -s "$master/$1" ]; then
		random "$2" >"$master/$1"
	fi
	cat "$master/$1"
}

# put CONSUMER FILE VALUE: one secret file, readable by the consumer's (non-root) user
put() {
	mkdir -p "$dir/$1"
	printf '%s' "$3" >"$dir/$1/$2.new"
	chmod 0444 "$dir/$1/$2.new"
	mv -f "$dir/$1/$2.new" "$dir/$1/$2"
}

rabbit=$(value RABBITMQ_PASSWORD 24)
for service in user-service order-service inventory-service payment-service shipping-service notification-service; do
	key=$(printf '%s' "DB_PASSWORD_$service" | tr 'a-z-' 'A-Z_')
	put "$service" spring.datasource.password "$(value "$key" 24)"
	put "$service" spring.rabbitmq.password "$rabbit"
done

# profile migration: the monolith's database, and migration-sync, which reads it and inventory's
legacy=$(value DB_PASSWORD_LEGACY_MONOLITH 24)
put legacy-monolith spring.datasource.password "$legacy"
put migration-sync shopfront.migration-sync.legacy.password "$legacy"
put migration-sync shopfront.migration-sync.service.password "$(value DB_PASSWORD_INVENTORY_SERVICE 24)"
put migration-sync spring.rabbitmq.password "$rabbit"

client=$(value ORDER_SERVICE_CLIENT_SECRET 24)
put user-service SHOPFRONT_USER_ORDER_SERVICE_CLIENT_SECRET "{noop}$client"
put order-service SHOPFRONT_ORDER_CLIENT_SECRET "$client"

admin=$(value ADMIN_PASSWORD 8)
customer=$(value CUSTOMER_PASSWORD 8)
put user-service shopfront.user.bootstrap-admin.password "$admin"
put seed ADMIN_PASSWORD "$admin"
put seed CUSTOMER_PASSWORD "$customer"
# Grafana's admin (profile observability) reads the seed's volume too
put seed GRAFANA_ADMIN_PASSWORD "$(value GRAFANA_ADMIN_PASSWORD 8)"

# The token signing key: only when .env gives one (PKCS#8 PEM); otherwise user-service makes
# one on its first start and keeps it in its database.
if [ -n "${SHOP_SIGNING_KEY:-}" ]; then
	put user-service shopfront.user.jwt.private-key "$SHOP_SIGNING_KEY"
else
	rm -f "$dir/user-service/shopfront.user.jwt.private-key"
fi

put rabbitmq rabbitmq.conf "default_user = shopfront
default_pass = $rabbit
default_vhost = shopfront
default_permissions.configure = .*
default_permissions.read = .*
default_permissions.write = .*
"
echo "secrets: in place (stored in the volume shop-secrets; set a value in .env to choose it)"
