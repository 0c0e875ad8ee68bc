# Sourced by ./run and .ci/run: points JAVA_HOME at a JDK >= 21, the one already set if it is one, else the newest
# under /usr/lib/jvm; the `java` on PATH is not asked, it may be older.
java_major() {
  "$1/bin/java" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print v[1]; exit }'
}

if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ]; then
  best=""
  for jdk in /usr/lib/jvm/*; do
    [ -x "$jdk/bin/javac" ] || continue
    major=$(java_major "$jdk")
    if [ "${major:-0}" -ge 21 ] && { [ -z "$best" ] || [ "$major" -gt "$(java_major "$best")" ]; }; then
      best=$jdk
    fi
  done
  [ -n "$best" ] || { echo "a JDK >= 21 is needed: set JAVA_HOME to one, or install one under /usr/lib/jvm" >&2; exit 1; }
  export JAVA_HOME=$best
fi
