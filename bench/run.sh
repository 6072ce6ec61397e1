#!/usr/bin/env bash
# Bouncer benchmark: builds the host app, starts it as its own process on a fresh database
# (embedded H2, or a throw-away PostgreSQL cluster), runs bench/Driver.java against it and writes
# bench/results/<date>-<db>.md. Everything it starts is stopped on exit, failures included.
#
#   bench/run.sh [h2|postgres]
#
# Environment: BENCH_MESSAGES (2000), BENCH_INSTANCES (1,4), BENCH_CONCURRENCY (8),
# BENCH_WARMUP (600), BENCH_GAP_MESSAGES (50), BENCH_SKIP_BUILD=1 to reuse the built jar,
# PG_BIN to choose the PostgreSQL binaries (default: newest /usr/lib/postgresql/*/bin).
# BENCH_OUT=<file> writes the table elsewhere. For investigating: BENCH_JAVA_OPTS (JVM options
# of the host app), BENCH_HOST_ARGS (extra --properties), BENCH_KEEP_LOG=<file> (copy the host
# app's log there at the end).
set -euo pipefail

DB="${1:-h2}"
case "$DB" in
    h2|postgres) ;;
    *) echo "usage: $0 [h2|postgres]" >&2; exit 2 ;;
esac

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d /tmp/bouncer-bench.XXXXXX)"
HOST_PID=""
DRIVER_PID=""
PG_DATA=""
PG_RUN_AS=()

log() { echo "[run] $*" >&2; }

cleanup() {
    local status=$?
    if [[ -n "$DRIVER_PID" ]] && kill -0 "$DRIVER_PID" 2>/dev/null; then
        kill "$DRIVER_PID" 2>/dev/null || true
        wait "$DRIVER_PID" 2>/dev/null || true
    fi
    if [[ -n "$HOST_PID" ]] && kill -0 "$HOST_PID" 2>/dev/null; then
        log "stopping host app (pid $HOST_PID)"
        kill "$HOST_PID" 2>/dev/null || true
        for _ in $(seq 1 30); do kill -0 "$HOST_PID" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$HOST_PID" 2>/dev/null || true
    fi
    if [[ -n "$PG_DATA" && -f "$PG_DATA/postmaster.pid" ]]; then
        log "stopping PostgreSQL"
        "${PG_RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
    fi
    if [[ -n "${BENCH_KEEP_LOG:-}" && -f "$WORK/host.log" ]]; then
        cp "$WORK/host.log" "$BENCH_KEEP_LOG" && log "host app log kept in $BENCH_KEEP_LOG"
    fi
    if [[ $status -ne 0 && -f "$WORK/host.log" ]]; then
        log "failed; last lines of the host app's log:"
        tail -n 40 "$WORK/host.log" >&2 || true
    fi
    rm -rf "$WORK"
    exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A port nothing listens on; a small race remains until the server binds it.
free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    echo "no free port found" >&2
    return 1
}

build() {
    if [[ "${BENCH_SKIP_BUILD:-}" == "1" && -f "$ROOT/host-app/target/bouncer-host-app.jar" ]]; then
        log "reusing host-app/target/bouncer-host-app.jar"
    else
        log "building the host app"
        (cd "$ROOT" && ./mvnw -q -pl host-app -am package -DskipTests)
    fi
    # A copy, so that a rebuild in the shared checkout cannot swap the jar under the server.
    cp "$ROOT/host-app/target/bouncer-host-app.jar" "$WORK/bouncer-host-app.jar"
    BUILD_COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    local changed
    changed="$(git -C "$ROOT" status --porcelain -- pom.xml host-app/pom.xml host-app/src/main \
        camel-bouncer-component/pom.xml camel-bouncer-component/src/main 2>/dev/null \
        | awk '{print $2}' | xargs -r -n 1 basename | paste -sd, - || true)"
    if [[ -n "$changed" ]]; then
        BUILD_COMMIT="$BUILD_COMMIT with uncommitted changes to $changed"
    fi
    if [[ "${BENCH_SKIP_BUILD:-}" == "1" ]]; then
        BUILD_COMMIT="a jar built earlier (BENCH_SKIP_BUILD=1; HEAD is $BUILD_COMMIT)"
    fi
}

start_postgres() {
    PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
    [[ -x "$PG_BIN/initdb" ]] || { echo "no PostgreSQL binaries found; set PG_BIN" >&2; exit 1; }
    # PostgreSQL refuses to run as root.
    if [[ $(id -u) -eq 0 ]]; then
        PG_RUN_AS=(runuser -u postgres --)
    else
        PG_RUN_AS=(env)
    fi
    chmod 755 "$WORK"
    mkdir "$WORK/pg"
    PG_PASSWORD="bench-$RANDOM$RANDOM"
    echo "$PG_PASSWORD" > "$WORK/pg/pwfile"
    [[ $(id -u) -eq 0 ]] && chown -R postgres "$WORK/pg"
    PG_DATA="$WORK/pg/data"
    PG_PORT="$(free_port)"

    PG_VERSION="$("$PG_BIN/postgres" --version | awk '{print $3}')"
    log "initdb and start PostgreSQL $PG_VERSION on port $PG_PORT"
    "${PG_RUN_AS[@]}" "$PG_BIN/initdb" -D "$PG_DATA" -U bouncer --pwfile="$WORK/pg/pwfile" \
        --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --no-sync >/dev/null
    "${PG_RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$WORK/pg/server.log" -w start \
        -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1" >/dev/null
    "${PG_RUN_AS[@]}" "$PG_BIN/psql" -q -h "$WORK/pg" -p "$PG_PORT" -U bouncer -d postgres \
        -c "create database bouncer" >/dev/null
    DB_PID="$(head -n 1 "$PG_DATA/postmaster.pid")"
    DB_ARGS=(--spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/bouncer"
        --spring.datasource.username=bouncer --spring.datasource.password="$PG_PASSWORD")
    DB_DESCRIPTION="PostgreSQL $PG_VERSION (fresh cluster, default settings, fsync on, loopback TCP)"
}

start_host() {
    HOST_PORT="$(free_port)"
    OWNER_PASSWORD="bench-$RANDOM$RANDOM$RANDOM"
    log "starting the host app on port $HOST_PORT ($DB)"
    # The working directory is the temp dir, so nothing in ./routes or ./data is touched. No
    # pipelines: an empty include pattern makes the packaged app fail at start-up ("Cannot find
    # RoutesBuilderLoader ... extension: null"), so the pattern names an empty directory.
    mkdir -p "$WORK/no-pipelines"
    # shellcheck disable=SC2086 # BENCH_JAVA_OPTS and BENCH_HOST_ARGS are word lists.
    (cd "$WORK" && exec java ${BENCH_JAVA_OPTS:-} -jar "$WORK/bouncer-host-app.jar" \
        --server.port="$HOST_PORT" \
        --bouncer.data-dir="$WORK/data" \
        --bouncer.owner.email=bench@bouncer.local \
        --bouncer.owner.password="$OWNER_PASSWORD" \
        --bouncer.routes.include-pattern="file:$WORK/no-pipelines/*.yaml" \
        "${DB_ARGS[@]}" ${BENCH_HOST_ARGS:-} >"$WORK/host.log" 2>&1) &
    HOST_PID=$!
    for _ in $(seq 1 240); do
        if curl -fs "http://127.0.0.1:$HOST_PORT/actuator/health" 2>/dev/null | grep -q UP; then
            log "host app is up"
            return 0
        fi
        kill -0 "$HOST_PID" 2>/dev/null || { echo "the host app exited" >&2; exit 1; }
        sleep 0.5
    done
    echo "the host app did not become healthy within 120 s" >&2
    exit 1
}

describe_machine() {
    local cpu
    cpu="$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || true)"
    local memory
    memory="$(free -g 2>/dev/null | awk '/Mem:/ {print $2 " GB RAM"}')"
    echo "Machine: $(nproc) CPU(s)${cpu:+ ($cpu)}, $memory," \
        "$(java -version 2>&1 | head -n 1). Database: $DB_DESCRIPTION." \
        "Host app built from: $BUILD_COMMIT."
}

DB_ARGS=()
DB_PID=0
DB_DESCRIPTION="embedded H2 (file database in a fresh temp data dir)"
build
[[ "$DB" == "postgres" ]] && start_postgres
start_host

OUT="${BENCH_OUT:-$ROOT/bench/results/$(date +%F)-$DB.md}"
# In the background and waited for, so that Ctrl-C or a TERM reaches the trap at once.
java "$ROOT/bench/Driver.java" \
    --bouncer="http://127.0.0.1:$HOST_PORT" \
    --owner-email=bench@bouncer.local \
    --owner-password="$OWNER_PASSWORD" \
    --db="$DB" \
    --out="$OUT" \
    --environment="$(describe_machine)" \
    --host-pid="$HOST_PID" --db-pid="$DB_PID" --clock-ticks="$(getconf CLK_TCK)" \
    --messages="${BENCH_MESSAGES:-2000}" \
    --instances="${BENCH_INSTANCES:-1,4}" \
    --concurrency="${BENCH_CONCURRENCY:-8}" \
    --warmup="${BENCH_WARMUP:-600}" \
    --gap-messages="${BENCH_GAP_MESSAGES:-50}" &
DRIVER_PID=$!
wait "$DRIVER_PID"
