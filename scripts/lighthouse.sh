#!/usr/bin/env bash
# Lighthouse on the home page, the case-study listing and a case study; prints the four
# category scores (targets: accessibility, best practices and SEO 100, performance 95+).
#
#   scripts/lighthouse.sh                          # builds a throwaway demo site and audits it
#   BASE_URL=http://127.0.0.1:8050 scripts/lighthouse.sh   # audits a site that is already running
#   FORM_FACTOR=desktop scripts/lighthouse.sh      # desktop instead of Lighthouse's default mobile
#
# Needs: npm ci (Lighthouse from package-lock.json) and Debian's Chromium at /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-.venv/bin/python}
PORT=${PORT:-8051}
FORM_FACTOR=${FORM_FACTOR:-mobile}
CASE_STUDY=${CASE_STUDY:-/case-studies/royal-holloway-languages-for-all/}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
[ -x node_modules/.bin/lighthouse ] || { echo "Lighthouse is missing: run npm ci" >&2; exit 1; }
[ -x "$CHROME_PATH" ] || { echo "Chromium is missing at $CHROME_PATH: apt-get install chromium" >&2; exit 1; }

work=$(mktemp -d)
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${BASE_URL:-}" ]; then
    BASE_URL="http://127.0.0.1:$PORT"
    # Production settings: DEBUG off, hashed and compressed static files served by whitenoise.
    export DJANGO_SETTINGS_MODULE=evidencebank.settings.production
    export DJANGO_SECRET_KEY=lighthouse-run-only DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost
    export DATABASE_URL="sqlite:///$work/db.sqlite3" WAGTAILADMIN_BASE_URL="$BASE_URL"
    echo "Building a demo site in $work"
    "$PYTHON" manage.py migrate --noinput -v0
    "$PYTHON" manage.py load_demo_content >/dev/null
    # Into the usual STATIC_ROOT (staticfiles/, ignored by git), as a deployment would.
    "$PYTHON" manage.py collectstatic --noinput -v0
    "$PYTHON" manage.py runserver --noreload "127.0.0.1:$PORT" >"$work/server.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 60); do curl -sf -o /dev/null "$BASE_URL/" && break; sleep 0.5; done
fi

mkdir -p "$work/home"
flags="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"
preset=()
[ "$FORM_FACTOR" = desktop ] && preset=(--preset=desktop)

printf '%-14s %12s %14s %15s %6s\n' page performance accessibility best-practices seo
for entry in "home:/" "listing:/case-studies/" "case study:$CASE_STUDY"; do
    name=${entry%%:*}
    path=${entry#*:}
    report="${REPORT_DIR:-$work}/lighthouse-${name// /-}.json"
    HOME="$work/home" node_modules/.bin/lighthouse "$BASE_URL$path" --quiet --chrome-flags="$flags" "${preset[@]}" \
        --only-categories=performance,accessibility,best-practices,seo --output=json --output-path="$report" >/dev/null 2>&1 \
        || { echo "Lighthouse failed on $path" >&2; exit 1; }
    node -e '
        const r = require(process.argv[1]);
        const s = id => Math.round(r.categories[id].score * 100);
        const failing = Object.values(r.audits).filter(a => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary").map(a => a.id);
        console.log(process.argv[2].padEnd(14) + String(s("performance")).padStart(12) + String(s("accessibility")).padStart(14) + String(s("best-practices")).padStart(15) + String(s("seo")).padStart(6) + (failing.length ? "   failing: " + failing.join(", ") : ""));
    ' "$report" "$name"
done
