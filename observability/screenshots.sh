#!/usr/bin/env bash
# Retakes the screenshots of docs/observability.md from a running ./shop: places an order as the
# demo customer under a trace id chosen here, waits until Zipkin has its e-mail's span, and
# photographs Zipkin's view of that trace with headless Chromium (Debian's chromium package), and
# keeps `./shop logs --trace` of it; and the alerts of the local Prometheus (Debian's serves its
# classic UI only).
#
#   ./shop up && observability/screenshots.sh        (SHOP_PORT_BASE and SHOP_STATE_DIR as for ./shop)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
base=${SHOP_PORT_BASE:-8080} state=${SHOP_STATE_DIR:-.shop} out=${SCREENSHOTS_DIR:-docs/images}
gateway=http://localhost:$base zipkin=http://localhost:$((base + 1331))
command -v chromium >/dev/null || { echo "needs chromium (apt-get install chromium)" >&2; exit 1; }
password=$(sed -n 's/^CUSTOMER_PASSWORD=//p' "$state/secrets/demo.env")
[ -n "$password" ] || { echo "no demo customer in $state (run ./shop up first)" >&2; exit 1; }

token=$(curl -sf -H 'Content-Type: application/json' \
	-d "{\"email\":\"customer@shopfront.example\",\"password\":\"$password\"}" "$gateway/api/auth/token" | jq -r .access_token)
trace=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n') span=$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
order=$(curl -sf "$gateway/api/orders" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
	-H "Idempotency-Key: screenshot-$trace" -H "traceparent: 00-$trace-$span-01" \
	-d '{"items":[{"sku":"KIT-0001","quantity":1}],"payment":{"cardToken":"tok_visa"},"shippingAddress":{"line1":"1 Demo Street","city":"Berlin","postalCode":"10115","country":"DE"}}' |
	jq -r .id)
echo "order $order, trace $trace"
for _ in $(seq 1 60); do
	curl -sf "$zipkin/api/v2/trace/$trace" | grep -q '"name":"smtp send"' && break
	sleep 1
done

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
shoot() { # url file
	chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
		--disable-component-update --disable-sync --disable-quic "--user-data-dir=$profile" \
		--hide-scrollbars "--window-size=1600,${3:-1400}" --virtual-time-budget=15000 "--screenshot=$2" "$1" >/dev/null 2>&1
	echo "  $2"
}
mkdir -p "$out"
shoot "$zipkin/zipkin/traces/$trace" "$out/zipkin-order-trace.png" 2200
if curl -sf -o /dev/null "http://localhost:$((base + 1010))/-/ready"; then # the local Prometheus, when installed
	shoot "http://localhost:$((base + 1010))/classic/alerts" "$out/prometheus-alerts.png" 1100
fi
SHOP_STATE_DIR=$state ./shop logs --trace "$trace" >"$out/order-trace-logs.txt"
echo "  $out/order-trace-logs.txt"
