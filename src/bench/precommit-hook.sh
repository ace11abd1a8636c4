#!/usr/bin/env bash
# Wall time of the kgate pre-commit hook on testdata/split-architecture, through the real
# pre-commit framework: `pre-commit run` on all files and on one changed file, 5 runs each.
# Usage: .ci/bench-precommit-hook [KGATE_COMMAND]   (default: the JVM jar; needs `./mvnw package`)
#   e.g. .ci/bench-precommit-hook target/kgate      for the native binary
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
java_bin="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
kgate="${1:-$java_bin -jar $root/target/quarkus-app/quarkus-run.jar}"
case "$kgate" in /*|*" "*) ;; *) kgate="$root/$kgate" ;; esac
command -v pre-commit >/dev/null || { echo "pre-commit is not installed" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/pre-commit-home" PRE_COMMIT_COLOR=never
printf '#!/bin/sh\nexec %s "$@"\n' "$kgate" > "$work/kgate" && chmod +x "$work/kgate"
mkdir "$work/repo" && cp -r testdata/split-architecture "$work/repo/k8s" && cd "$work/repo"
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: local
    hooks:
      - {id: kgate, name: kgate, entry: "$work/kgate", language: system, types_or: [yaml, json], require_serial: true}
YAML
git init -q && git add -A
git -c user.email=b@example.invalid -c user.name=bench commit -qm init --no-verify

measure() { # label, pre-commit arguments...
  local label=$1; shift
  local times=()
  for _ in 1 2 3 4 5; do
    local t0 t1
    t0=$(date +%s%N); pre-commit run "$@" >/dev/null; t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  local sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  echo "$label: median ${sorted[2]} ms (runs: ${times[*]} ms)"
}
pre-commit run --all-files >/dev/null # first run: pre-commit sets up its cache
measure "pre-commit run --all-files ($(git ls-files | wc -l) files)" --all-files
measure "pre-commit run --files k8s/backend/service.yaml" --files k8s/backend/service.yaml
t0=$(date +%s%N); "$work/kgate" k8s >/dev/null; t1=$(date +%s%N)
echo "kgate k8s alone (one run): $(( (t1 - t0) / 1000000 )) ms"
