#!/usr/bin/env bash
# Benchmark of the built kgate (a script, not a test): the native executable and the JVM jar on the
# bundled example and on generated trees of 10,000 and 100,000 documents, with every check and with
# --only schema, against a floor: the same files parsed by snakeyaml-engine alone, on all cores.
# Prints one table: median wall time, documents/second, CPU time / wall time, peak RSS, and kgate's
# time as a multiple of the floor.
#
#   src/bench/bench.sh [--runs N] [--million] [--no-jvm] [--no-native] [--native-option OPTION]...
#
#   --runs N     runs per case (default 5; the median is reported)
#   --million    also the 1,000,000-document tree (about 1.7 GB of YAML; a native run took 109 s on 2 cores at 45b4ecc)
#   --native-option OPTION  given to every native run, before kgate's arguments: an option of the
#                native runtime, e.g. -XX:MaxNewSize=48m, the bound a GraalVM or Mandrel build bakes in
#                (application.properties) and a native-image launcher that drops -R: options does not
#
# Build first: ./mvnw -B package -DskipTests            (JVM: target/quarkus-app)
#              ./mvnw -B package -DskipTests -Dnative   (native: target/kgate, measured when present)
# Trees come from ../shared/bench/gen-corpus.py (10,000 documents seed 42, 100,000 seed 7, a file per
# three documents) into target/bench/; without ../shared only --version and the example are measured.
# Every run is timed by /usr/bin/time (wall, user+system CPU, maximum RSS); the report goes to a file.
set -euo pipefail
cd "$(dirname "$0")/../.."

RUNS=5
MILLION=0
JVM=1
NATIVE_ON=1
NATIVE_OPTIONS=()
while [ $# -gt 0 ]; do
  case $1 in
    --runs) RUNS=$2; shift 2 ;;
    --million) MILLION=1; shift ;;
    --no-jvm) JVM=0; shift ;;
    --no-native) NATIVE_ON=0; shift ;;
    --native-option) NATIVE_OPTIONS+=("$2"); shift 2 ;;
    *) echo "usage: src/bench/bench.sh [--runs N] [--million] [--no-jvm] [--no-native] [--native-option OPTION]..." >&2; exit 2 ;;
  esac
done
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
JAR=target/quarkus-app/quarkus-run.jar
NATIVE=target/kgate
source src/bench/trees.sh
export NO_COLOR=1

if [ ! -f "$JAR" ]; then
  echo "bench: $JAR is missing; build first: ./mvnw -B package -DskipTests" >&2
  exit 2
fi
if [ ! -x /usr/bin/time ]; then
  echo "bench: /usr/bin/time is missing (apt-get install -y time)" >&2
  exit 2
fi
mkdir -p "$OUT"

trees=()
if [ -f "$GEN" ]; then
  trees+=("$(tree_of 10000 "$(seed_of 10000)")" "$(tree_of 100000 "$(seed_of 100000)")")
  [ "$MILLION" = 1 ] && trees+=("$(tree_of 1000000 "$(seed_of 1000000)")")
else
  echo "bench: $GEN not found: the generated trees are skipped"
fi

# the floor: snakeyaml-engine alone, compiled once against the jar kgate ships
SNAKE=$(ls target/quarkus-app/lib/main/org.snakeyaml.snakeyaml-engine-*.jar)
mkdir -p "$OUT/floor"
"$JAVA_HOME/bin/javac" -d "$OUT/floor" -cp "$SNAKE" src/bench/ParseFloor.java

measure() { # label docs cmd... -> one table row; median of RUNS runs under /usr/bin/time
  local form=$1 label=$2 docs=$3
  shift 3
  local f rows=() i code
  f=$(mktemp)
  for ((i = 0; i < RUNS; i++)); do
    code=0
    /usr/bin/time -f '%e %U %S %M' -o "$f" "$@" >"$OUT/report.txt" 2>"$OUT/stderr.txt" || code=$?
    if [ "$code" -gt 1 ]; then
      echo "bench: failed (exit $code): $*" >&2
      cat "$OUT/stderr.txt" >&2
      exit 1
    fi
    rows+=("$(tail -n 1 "$f")")
  done
  rm -f "$f"
  printf '%s\n' "${rows[@]}" | python3 -c '
import sys, statistics
form, label, docs, floor = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
runs = [tuple(float(x) for x in l.split()) for l in sys.stdin if l.strip()]
wall = statistics.median(r[0] for r in runs)
cpu = statistics.median((r[1] + r[2]) / max(r[0], 0.001) for r in runs)
rss = max(r[3] for r in runs) / 1024
rate = "%d" % (docs / max(wall, 0.001)) if docs else "-"
ratio = "%.1f×" % (wall / float(floor)) if floor != "-" and docs else "-"
ms = "%d ms" % round(wall * 1000) if wall < 10 else "%.1f s" % wall
print("| %s | %s | %s | %s | %.2f | %.0f MiB | %s |" % (form, label, ms, rate, cpu, rss, ratio))
sys.stderr.write("%.3f\n" % wall)
' "$form" "$label" "$docs" "${FLOOR:--}" 2>"$OUT/last-wall.txt"
}

echo "kgate benchmark: $(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD 2>/dev/null || echo '?'), median of $RUNS runs (/usr/bin/time), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
[ ${#NATIVE_OPTIONS[@]} -gt 0 ] && echo "native runs with: ${NATIVE_OPTIONS[*]}"
echo
echo "| form | case | median wall | documents/s | CPU/wall | peak RSS | × floor |"
echo "|---|---|---|---|---|---|---|"
forms=()
is_native() { is_native_executable "$NATIVE"; }
[ "$NATIVE_ON" = 1 ] && { is_native && forms+=(native) || echo "bench: $NATIVE is not a native executable: native skipped" >&2; }
[ "$JVM" = 1 ] && forms+=(jvm)
declare -A floor_of
for tree in "${trees[@]}"; do
  docs=$(($(wc -l <"$tree.expected.tsv") - 1))
  FLOOR=- measure floor "$(printf "%'d" "$docs") docs: snakeyaml-engine parse" "$docs" "$JAVA" -cp "$SNAKE:$OUT/floor" ParseFloor "$tree"
  floor_of[$tree]=$(cat "$OUT/last-wall.txt")
done
for form in "${forms[@]}"; do
  case $form in
    jvm) cmd=("$JAVA" -jar "$JAR") ;;
    native) cmd=("$NATIVE" ${NATIVE_OPTIONS[@]+"${NATIVE_OPTIONS[@]}"}) ;;
  esac
  FLOOR=- measure "$form" "--version" 0 "${cmd[@]}" --version
  FLOOR=- measure "$form" "testdata/split-architecture" 8 "${cmd[@]}" testdata/split-architecture
  for tree in "${trees[@]}"; do
    docs=$(($(wc -l <"$tree.expected.tsv") - 1))
    FLOOR=${floor_of[$tree]} measure "$form" "$(printf "%'d" "$docs") docs, every check" "$docs" "${cmd[@]}" "$tree"
    FLOOR=${floor_of[$tree]} measure "$form" "$(printf "%'d" "$docs") docs, --only schema" "$docs" "${cmd[@]}" --only schema "$tree"
  done
done
echo
"$JAVA_HOME/bin/javac" -d "$OUT/floor" -cp "target/quarkus-app/app/kgate.jar" src/bench/RetainedBytes.java
for tree in "${trees[@]:0:2}"; do
  echo "retained between the passes, $(basename "$tree") (JVM heap after a full collection, findings not counted):"
  # kgate's classes without KgateMain, which silences the JDK's warning about protobuf's use of Unsafe
  "$JAVA" --sun-misc-unsafe-memory-access=allow -cp "target/quarkus-app/app/kgate.jar:target/quarkus-app/lib/main/*:$OUT/floor" \
    RetainedBytes "$tree" | sed 's/^/  /'
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "size: JVM application target/quarkus-app $(du -sh target/quarkus-app | cut -f1) (plus a JDK 25)"
is_native && echo "size: native executable $NATIVE $(du -h "$NATIVE" | cut -f1) ($(stat -c %s "$NATIVE") bytes)"
exit 0
