#!/usr/bin/env bash
# Builds a PostgreSQL image that behaves like the official "postgres" image for Testcontainers
# (POSTGRES_USER / POSTGRES_PASSWORD / POSTGRES_DB, port 5432, "ready to accept connections" logged
# twice), from Debian's packages alone: no image registry is needed. Skips the build when the image
# is already there.
#
#   .ci/postgres-image.sh [image]          default image: fixturekit/postgres:15
#   .ci/postgres-image.sh --broken [image] also tags <image>-broken, whose server never starts
set -euo pipefail

BROKEN=false
if [ "${1:-}" = "--broken" ]; then BROKEN=true; shift; fi
IMAGE="${1:-fixturekit/postgres:15}"
SUITE="${POSTGRES_IMAGE_SUITE:-bookworm}"
MAJOR="${POSTGRES_IMAGE_MAJOR:-15}"
MIRROR="${POSTGRES_IMAGE_MIRROR:-http://deb.debian.org/debian}"

build_broken() {
  if $BROKEN && ! docker image inspect "$IMAGE-broken" >/dev/null 2>&1; then
    # Same files, but the entry point exits at once: Docker answers, the database never comes up.
    printf 'FROM %s\nENTRYPOINT ["/bin/sh", "-c", "echo fixturekit broken image: refusing to start >&2; exit 3"]\n' "$IMAGE" \
      | docker build -q -t "$IMAGE-broken" - >/dev/null
    echo "built $IMAGE-broken"
  fi
}

if docker image inspect "$IMAGE" >/dev/null 2>&1; then
  echo "image $IMAGE already present"
  build_broken
  exit 0
fi

command -v debootstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap >/dev/null; }

ROOT=$(mktemp -d /tmp/fixturekit-pg-rootfs.XXXXXX)
trap 'rm -rf "$ROOT"' EXIT

echo "debootstrap $SUITE into $ROOT"
debootstrap --variant=minbase "$SUITE" "$ROOT" "$MIRROR" >/tmp/fixturekit-debootstrap.log 2>&1 \
  || { tail -20 /tmp/fixturekit-debootstrap.log >&2; exit 1; }

# No cluster from the package scripts and no service start inside the chroot.
mkdir -p "$ROOT/etc/postgresql-common"
echo "create_main_cluster = false" > "$ROOT/etc/postgresql-common/createcluster.conf"
printf '#!/bin/sh\nexit 101\n' > "$ROOT/usr/sbin/policy-rc.d"
chmod +x "$ROOT/usr/sbin/policy-rc.d"

echo "installing postgresql-$MAJOR"
chroot "$ROOT" /bin/sh -c "apt-get install -y -qq --no-install-recommends postgresql-$MAJOR >/dev/null \
  && apt-get clean && rm -rf /var/lib/apt/lists/* /usr/share/doc /usr/share/man /usr/share/locale"
rm -f "$ROOT/usr/sbin/policy-rc.d"

cat > "$ROOT/usr/local/bin/docker-entrypoint.sh" <<'ENTRYPOINT'
#!/bin/bash
# A small stand-in for the official image's entry point.
set -euo pipefail
PGDATA="${PGDATA:-/var/lib/postgresql/data}"
export PGDATA
if [ "${1:-}" != "postgres" ]; then exec "$@"; fi

if [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  chown -R postgres:postgres "$PGDATA" /var/run/postgresql
  chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  user="${POSTGRES_USER:-postgres}"
  db="${POSTGRES_DB:-$user}"
  auth=trust
  pwfile=/dev/null
  if [ -n "${POSTGRES_PASSWORD:-}" ]; then
    auth=scram-sha-256
    pwfile=$(mktemp)
    printf '%s\n' "$POSTGRES_PASSWORD" > "$pwfile"
  fi
  initdb -D "$PGDATA" --username="$user" --pwfile="$pwfile" --auth-local=trust --auth-host="$auth" \
    --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  [ "$pwfile" = /dev/null ] || rm -f "$pwfile"
  echo "host all all all $auth" >> "$PGDATA/pg_hba.conf"
  echo "listen_addresses = '*'" >> "$PGDATA/postgresql.auto.conf"
  # A first, socket-only start to create the database, as the official image does.
  pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -c fsync=off" -w start
  if [ "$db" != "postgres" ]; then
    psql -v ON_ERROR_STOP=1 -q --username="$user" --dbname=postgres -c "CREATE DATABASE \"$db\""
  fi
  pg_ctl -D "$PGDATA" -m fast -w stop
  echo "PostgreSQL init process complete; ready for start up."
fi
exec "$@"
ENTRYPOINT
chmod +x "$ROOT/usr/local/bin/docker-entrypoint.sh"

echo "importing $IMAGE"
tar -C "$ROOT" -c . | docker import \
  --change "ENV PATH=/usr/lib/postgresql/$MAJOR/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
  --change "ENV PGDATA=/var/lib/postgresql/data" \
  --change "ENV LANG=C.UTF-8" \
  --change 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]' \
  --change 'CMD ["postgres"]' \
  --change "EXPOSE 5432" \
  - "$IMAGE" >/dev/null
echo "built $IMAGE"
build_broken
