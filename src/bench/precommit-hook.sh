#!/usr/bin/env bash
# Wall time of the kgate pre-commit hooks on testdata/split-architecture, through the real
# pre-commit framework, 5 runs each: the hook `kgate` (whole repository as staged, against HEAD) with
# one staged change and under --all-files, and the per-file hook `kgate-files` on one changed file.
# Usage: src/bench/precommit-hook.sh [KGATE_COMMAND]   (default: the JVM jar; needs `./mvnw package`)
#   e.g. src/bench/precommit-hook.sh target/kgate      for the native binary
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
      - {id: kgate, name: kgate, entry: "$work/kgate --staged --new-from-rev HEAD", args: [.], language: system,
         pass_filenames: false, always_run: true, require_serial: true}
      - {id: kgate-files, name: kgate-files, entry: "$work/kgate", language: system, types_or: [yaml, json],
         require_serial: true}
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
echo "# a comment" >> k8s/backend/service.yaml && git add k8s/backend/service.yaml
measure "hook kgate: pre-commit run, one staged change" kgate
measure "hook kgate: pre-commit run --all-files ($(git ls-files | wc -l) files)" kgate --all-files
measure "hook kgate-files: pre-commit run --files k8s/backend/service.yaml" kgate-files --files k8s/backend/service.yaml
t0=$(date +%s%N); "$work/kgate" k8s >/dev/null; t1=$(date +%s%N)
echo "kgate k8s alone (one run): $(( (t1 - t0) / 1000000 )) ms"
