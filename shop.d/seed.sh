#!/bin/sh
# Registers the demo customer through the gateway and verifies its e-mail address with the code
# the shop mailed it, read from the mail sink's web API. Run by ./shop up and by the `seed`
# container of docker-compose.yml, so both ways get the same demo data. Idempotent: a customer
# that already exists is left as it is. POSIX sh + curl (the curl image has no bash).
#
# Environment: SEED_GATEWAY (e.g. http://localhost:8080), SEED_MAIL_URL (the mail sink's web
# address, read by shop.d/mail.sh; empty: register only), SEED_EMAIL, SEED_PASSWORD, SEED_NAME.
set -eu
gateway=${SEED_GATEWAY:?} mail_url=${SEED_MAIL_URL-}
email=${SEED_EMAIL:?} password=${SEED_PASSWORD:?} name=${SEED_NAME:?}
out=$(mktemp)
trap 'rm -f "$out"' EXIT

body=$(printf '{"email":"%s","password":"%s","fullName":"%s","shippingAddress":{"line1":"1 Demo Street","city":"Berlin","postalCode":"10115","country":"DE"}}' \
	"$email" "$password" "$name")
code=$(curl -s -o "$out" -w '%{http_code}' -m 20 -H 'Content-Type: application/json' -d "$body" "$gateway/api/users" || true)
case $code in
201) echo "  registered the demo customer $email" ;;
409) exit 0 ;; # there from an earlier run
*)
	echo "warning: registering the demo customer answered $code: $(head -c 300 "$out")" >&2
	exit 0
	;;
esac
[ -n "$mail_url" ] || exit 0 # no mail sink: the address stays unverified

here=$(dirname "$0")
token='' tries=0
while [ -z "$token" ] && [ "$tries" -lt 120 ]; do
	token=$(sh "$here/mail.sh" code "$email" "$mail_url") || true
	[ -n "$token" ] || { tries=$((tries + 1)); sleep 0.5; }
done
if [ -z "$token" ]; then
	echo "warning: no verification e-mail for $email in the mail sink within 60s; the demo customer stays unverified (gets no e-mails)" >&2
	exit 0
fi
code=$(curl -s -o /dev/null -w '%{http_code}' -m 20 -H 'Content-Type: application/json' \
	-d "{\"token\":\"$token\"}" "$gateway/api/users/verify-email" || true)
if [ "$code" = 204 ]; then
	echo "  verified the demo customer's e-mail address (the code from the mail sink)"
else
	echo "warning: verifying the demo customer's e-mail address answered $code" >&2
fi
