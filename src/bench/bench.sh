#!/usr/bin/env bash
# Benchmark of the built kgate, JVM jar vs native executable (a script, not a test):
# median wall time of N runs, documents/second, peak RSS, --version start-up, size.
#
#   src/bench/bench.sh [RUNS]          # RUNS >= 10, default 10
#
# Build first: ./mvnw -B package -DskipTests            (JVM: target/quarkus-app)
#              ./mvnw -B package -DskipTests -Dnative   (native: target/kgate, measured when present)
# The 10,000-document tree comes from ../shared/bench/gen-corpus.py (seed 42) into
# target/bench/; without ../shared that part is skipped. Wall times come from hyperfine when
# installed (apt-get install -y hyperfine), else from a bash loop; peak RSS from /usr/bin/time
# (Debian package `time`).
set -euo pipefail
cd "$(dirname "$0")/../.."

RUNS=${1:-10}
if [ "$RUNS" -lt 10 ]; then
  echo "bench: use at least 10 runs for a median" >&2
  exit 2
fi
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAR=target/quarkus-app/quarkus-run.jar
NATIVE=target/kgate
GEN=../shared/bench/gen-corpus.py
CORPUS=target/bench/corpus-10000
export NO_COLOR=1

if [ ! -f "$JAR" ]; then
  echo "bench: $JAR is missing; build first: ./mvnw -B package -DskipTests" >&2
  exit 2
fi
if [ ! -x /usr/bin/time ]; then
  echo "bench: /usr/bin/time is missing (apt-get install -y time)" >&2
  exit 2
fi

trees=(testdata/split-architecture)
if [ -f "$GEN" ]; then
  rm -rf "$CORPUS" "$CORPUS.expected.tsv"
  mkdir -p "$(dirname "$CORPUS")"
  python3 "$GEN" "$CORPUS" --documents 10000 --seed 42 >/dev/null
  trees+=("$CORPUS")
else
  echo "bench: $GEN not found: the 10,000-document tree is skipped"
fi

forms=(jvm)
[ -x "$NATIVE" ] && forms+=(native) || echo "bench: $NATIVE not built: native skipped"

command_of() { # form -> the command that runs kgate
  case $1 in
    jvm) echo "$JAVA_HOME/bin/java -jar $JAR" ;;
    native) echo "$NATIVE" ;;
  esac
}

median_ms() { # cmd... -> median wall milliseconds over RUNS runs (exit 1 = findings is fine)
  if command -v hyperfine >/dev/null; then
    local json
    json=$(mktemp)
    hyperfine -N -i --style none --warmup 2 --runs "$RUNS" --export-json "$json" -- "$*" >/dev/null 2>&1
    python3 -c 'import json,sys; print("%.1f" % (json.load(open(sys.argv[1]))["results"][0]["median"] * 1000))' "$json"
    rm -f "$json"
  else
    local times=() i start end
    "$@" >/dev/null 2>&1 || true # warm-up
    for ((i = 0; i < RUNS; i++)); do
      start=$(date +%s%N)
      "$@" >/dev/null 2>&1 || true
      end=$(date +%s%N)
      times+=($(((end - start) / 1000)))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m = NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f\n", m / 1000}'
  fi
}

peak_rss_mb() { # cmd... -> largest "Maximum resident set size" of 5 runs, in MiB
  local max=0 kb i f
  f=$(mktemp)
  for ((i = 0; i < 5; i++)); do
    /usr/bin/time -f '%M' -o "$f" "$@" >/dev/null 2>&1 || true
    kb=$(tail -n 1 "$f")
    [ "$kb" -gt "$max" ] && max=$kb
  done
  rm -f "$f"
  awk -v kb="$max" 'BEGIN {printf "%.1f\n", kb / 1024}'
}

documents_in() { # cmd... -> the document count kgate reports (and checks the run did not fail)
  local summary code=0
  summary=$("$@" --output json 2>&1 >/dev/null) || code=$?
  if [ "$code" -gt 1 ]; then
    echo "bench: kgate failed (exit $code): $* : $summary" >&2
    exit 1
  fi
  echo "$summary" | sed -n 's/.* \([0-9][0-9]*\) documents,.*/\1/p' | tail -n 1
}

echo "kgate benchmark: $(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $RUNS runs, $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
printf '%-7s %-30s %10s %12s %10s\n' form case "median ms" "documents/s" "peak MiB"
for form in "${forms[@]}"; do
  read -r -a cmd <<<"$(command_of "$form")"
  printf '%-7s %-30s %10s %12s %10s\n' "$form" "--version" "$(median_ms "${cmd[@]}" --version)" "-" \
    "$(peak_rss_mb "${cmd[@]}" --version)"
  for tree in "${trees[@]}"; do
    docs=$(documents_in "${cmd[@]}" "$tree")
    ms=$(median_ms "${cmd[@]}" "$tree")
    printf '%-7s %-30s %10s %12s %10s\n' "$form" "$(basename "$tree") ($docs docs)" "$ms" \
      "$(awk -v d="$docs" -v ms="$ms" 'BEGIN {printf "%.0f", d / (ms / 1000)}')" "$(peak_rss_mb "${cmd[@]}" "$tree")"
  done
done
echo "size: JVM application target/quarkus-app $(du -sh target/quarkus-app | cut -f1) (plus a JDK 25)"
[ -x "$NATIVE" ] && echo "size: native executable $NATIVE $(du -h "$NATIVE" | cut -f1) ($(stat -c %s "$NATIVE") bytes)"
exit 0
