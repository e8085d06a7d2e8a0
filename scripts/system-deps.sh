#!/usr/bin/env bash
# Installs the Debian packages the portal needs, only those missing.
#   scripts/system-deps.sh run   - to serve the portal (gettext, Pango for WeasyPrint)
#   scripts/system-deps.sh test  - also PostgreSQL, Redis, Chromium, fonts, poppler
#   scripts/system-deps.sh bench - the test servers (PostgreSQL, Redis) and wrk (make bench)
# As root it uses apt-get; otherwise it names what is missing and fails.
set -euo pipefail

profile=${1:-run}
# Binary or file that proves each package is there.
declare -A probe=(
  [gettext]="/usr/bin/msgfmt"
  [libpango-1.0-0]="/usr/lib/$(uname -m)-linux-gnu/libpango-1.0.so.0"
  [libpangoft2-1.0-0]="/usr/lib/$(uname -m)-linux-gnu/libpangoft2-1.0.so.0"
  [libmagic1]="/usr/lib/$(uname -m)-linux-gnu/libmagic.so.1"
  [fonts-dejavu-core]="/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
)
packages=(gettext libpango-1.0-0 libpangoft2-1.0-0 libmagic1 fonts-dejavu-core)
if [ "$profile" = test ]; then
  probe+=(
    [postgresql]="/usr/lib/postgresql"
    [redis-server]="/usr/bin/redis-server"
    [chromium]="/usr/bin/chromium"
    [fonts-noto-core]="/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"
    [poppler-utils]="/usr/bin/pdftoppm"
    [hunspell-ru]="/usr/share/hunspell/ru_RU.dic"
    [npm]="/usr/bin/npm"
    [default-jre-headless]="/usr/bin/java"
    [nginx]="/usr/sbin/nginx"
  )
  # npm installs axe-core and the Nu Html Checker (vnu-jar), which runs on Java.
  # nginx: the production stack's test (tests/portal/test_production_stack.py)
  # runs deploy/nginx.conf in front of gunicorn, as docker-compose.yml does.
  packages+=(postgresql redis-server chromium fonts-noto-core poppler-utils hunspell-ru npm
             default-jre-headless nginx)
fi

if [ "$profile" = bench ]; then
  probe+=(
    [postgresql]="/usr/lib/postgresql"
    [redis-server]="/usr/bin/redis-server"
    [wrk]="/usr/bin/wrk"
    [nginx]="/usr/sbin/nginx"
  )
  # nginx: the load scenario (bench/load.py) runs the production stack.
  packages+=(postgresql redis-server wrk nginx)
fi

missing=()
for pkg in "${packages[@]}"; do
  path=${probe[$pkg]}
  [ -e "$path" ] || missing+=("$pkg")
done
# The venv module: Debian splits ensurepip into python3-venv.
if ! python3 -c 'import ensurepip' >/dev/null 2>&1; then
  missing+=(python3-venv)
fi
if [ "$profile" != run ] && ! compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null; then
  missing+=(postgresql)
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing Debian packages: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
# The Debian postgresql package starts a cluster of its own on 5432; the
# tests start their own throwaway server and do not need it.
