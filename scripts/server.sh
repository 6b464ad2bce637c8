#!/usr/bin/env bash
# `npm run server`: checks for Docker first, then installs the npm packages (first run), builds the plugin and
# starts the stack with `docker compose` (or the older `docker-compose`). Without a Docker engine or Compose it says
# in one line what to install and what runs without Docker, instead of Docker's own usage text.
# `--check` only reports the Compose command it would use. Only shell builtins besides docker, docker-compose and npm,
# so scripts/server.test.ts can run it with a PATH that holds nothing but fakes.
set -euo pipefail
cd "${BASH_SOURCE[0]%/*}/.."

WITHOUT_DOCKER='without Docker you can still run the simulator (npm run simulator), the tests (bash .ci/run) and build the zip (npm run package)'

fail() {
  echo "npm run server: $1; $WITHOUT_DOCKER." >&2
  exit 1
}

has() { command -v "$1" >/dev/null 2>&1; }

if ! has docker && ! has docker-compose; then
  fail 'Docker is not installed: install Docker Engine with its Compose plugin (https://docs.docker.com/engine/install/)'
fi
if has docker && ! docker info >/dev/null 2>&1; then
  fail 'the Docker engine is not reachable (docker info failed): start it (systemctl start docker) or give your user access to it'
fi
if has docker && docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
elif has docker-compose; then
  compose=(docker-compose)
else
  fail "Docker has no Compose plugin: install it (apt-get install docker-compose-plugin, or https://docs.docker.com/compose/install/linux/)"
fi

if [[ "${1:-}" == --check ]]; then
  echo "${compose[*]}"
  exit 0
fi

[[ -d node_modules ]] || npm ci --no-audit --no-fund
npm run build
exec "${compose[@]}" up --build
