#!/bin/bash
# The container's health: the service's readiness probe on its management port (loopback
# only), asked over bash's /dev/tcp because the JRE image has no curl. Exit 0 when it answers 200.
port=${MANAGEMENT_SERVER_PORT:?MANAGEMENT_SERVER_PORT is not set}
exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET /actuator/health/readiness HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
IFS= read -r -t 3 status <&3 || exit 1
[[ $status == "HTTP/1."[01]" 200 "* ]]
