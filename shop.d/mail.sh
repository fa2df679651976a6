#!/bin/sh
# What the shop e-mailed an address, read from the mail sink's web API: Mailpit (docker compose
# up) or GreenMail (./shop up), told apart by asking. POSIX sh + curl, so it runs in the seed
# container too.
#
#   sh shop.d/mail.sh code ADDRESS [SINK_URL]       the latest e-mail verification code
#   sh shop.d/mail.sh subjects ADDRESS [SINK_URL]   the subjects, one per line
#
# SINK_URL defaults to http://localhost:8025. Exit 1 when there is nothing (yet).
set -eu
what=${1:?code or subjects} address=${2:?the e-mail address} url=${3:-http://localhost:8025}

mailpit=no newest=tail # GreenMail lists oldest first, Mailpit newest first
if curl -sf -m 5 -o /dev/null "$url/api/v1/info"; then mailpit=yes newest=head; fi

messages() { # prints the messages' JSON (their text JSON-escaped inside)
	if [ $mailpit = yes ]; then
		for id in $(curl -sf -m 5 "$url/api/v1/search?query=to:$address" | grep -o '"ID":"[^"]*"' | sed 's/"ID":"//; s/"$//'); do
			curl -sf -m 5 "$url/api/v1/message/$id"
			echo
		done
	else
		curl -sf -m 5 "$url/api/user/$address/messages/INBOX"
	fi
}

case $what in
code) # the instructions hold {"token": "<code>"}, JSON-escaped in both sinks' answers
	code=$(messages | grep -o 'token\\": \\"[A-Za-z0-9_-]\{16,\}' | $newest -n 1 | sed 's/.*"//')
	[ -n "$code" ] || exit 1
	echo "$code" ;;
subjects)
	messages | grep -o '"[Ss]ubject" *: *"[^"]*"' | sed 's/.*: *"//; s/"$//' | awk 'NF && !seen[$0]++' ;;
*) echo "usage: mail.sh code|subjects ADDRESS [SINK_URL]" >&2; exit 2 ;;
esac
