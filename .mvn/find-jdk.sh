# Sourced by ./mvnw, ./shop and .ci/run (POSIX sh): points JAVA_HOME at a JDK >= 21.
# Keeps JAVA_HOME when it already is one; otherwise takes the newest JDK >= 21 found in the
# usual places. Stops with one line saying how to fix it when there is none.
shopfront_jdk_major() {
  # prints the major version of the JDK at $1, or nothing when $1 is not a JDK
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  if [ -r "$1/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release")
  else
    v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9][0-9]*\).*/\1/p')
  fi
  [ "$v" = 1 ] && v=8
  printf '%s' "$v"
}

shopfront_find_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ "$(shopfront_jdk_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  best= best_v=0 noglob=
  case $- in *f*) noglob=1; set +f ;; esac
  path_java=$(command -v java 2>/dev/null || true)
  path_home=
  [ -n "$path_java" ] && path_home=$(dirname "$(dirname "$(readlink -f "$path_java")")")
  for h in $path_home /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -d "$h" ] || continue
    v=$(shopfront_jdk_major "$h")
    [ -n "$v" ] || continue
    if [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best=$h best_v=$v; fi
  done
  [ -z "$noglob" ] || set -f
  if [ -z "$best" ]; then
    echo "No JDK 21 or newer found: install one (e.g. apt-get install openjdk-21-jdk-headless) or set JAVA_HOME to it." >&2
    return 1
  fi
  JAVA_HOME=$best
  export JAVA_HOME
}

shopfront_find_jdk || exit 1
