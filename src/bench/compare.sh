#!/usr/bin/env bash
# Two builds of kgate on the same generated tree, run by run in turn (a script, not a test). On a
# machine whose speed drifts by half within an hour, two tables taken minutes apart do not compare
# builds; runs interleaved do. Prints, per build: median and range of wall time, CPU time / wall
# time, peak RSS and, for a native executable, its collector's summary (time collecting, bytes
# allocated: the one figure that does not drift). Then whether the two reports are byte-identical.
#
#   src/bench/compare.sh [--runs N] [--documents 10000|100000|1000000] A B [-- KGATE_ARGS...]
#
#   A, B         kgate executables: native ones, or the launcher target/kgate of a JVM build
#   --runs N     runs of each (default 5), A then B, N times
#   --documents  the generated tree (default 10000; the trees of src/bench/bench.sh)
#   KGATE_ARGS   given to both before the tree (e.g. --only schema, -o json)
#
# Exit code 1 when the reports differ.
set -euo pipefail
cd "$(dirname "$0")/../.."
source src/bench/trees.sh

RUNS=5
DOCS=10000
builds=()
args=()
usage() { echo "usage: src/bench/compare.sh [--runs N] [--documents N] A B [-- KGATE_ARGS...]" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case $1 in
    --runs) RUNS=$2; shift 2 ;;
    --documents) DOCS=$2; shift 2 ;;
    --) shift; args=("$@"); break ;;
    -*) usage ;;
    *) builds+=("$1"); shift ;;
  esac
done
[ ${#builds[@]} -eq 2 ] || usage
for b in "${builds[@]}"; do
  [ -x "$b" ] || { echo "compare: $b is not an executable" >&2; exit 2; }
done
seed=$(seed_of "$DOCS") || { echo "compare: --documents is 10000, 100000 or 1000000" >&2; exit 2; }
[ -f "$GEN" ] || { echo "compare: $GEN not found: no tree to run on" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "compare: /usr/bin/time is missing (apt-get install -y time)" >&2; exit 2; }
tree=$(tree_of "$DOCS" "$seed")
export NO_COLOR=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "kgate compare: $(date -u +%Y-%m-%dT%H:%MZ), $DOCS documents ($tree), $RUNS runs each, in turn, $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((i = 0; i < RUNS; i++)); do
  for n in 0 1; do
    b=${builds[$n]}
    gc=()
    is_native_executable "$b" && gc=(-XX:+PrintGCSummary)
    code=0
    /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$b" "${gc[@]}" "${args[@]}" "$tree" \
      >"$work/report-$n.txt" 2>"$work/stderr" || code=$?
    if [ "$code" -gt 1 ]; then
      echo "compare: $b failed (exit $code)" >&2
      cat "$work/stderr" >&2
      exit 1
    fi
    # wall user system rss gc-seconds allocated-MB ("-" when the build prints no summary)
    echo "$(tail -n 1 "$work/time") $(sed -n 's/^ *GC time: \([0-9.]*\)s$/\1/p' "$work/stderr" | tail -n 1 | grep . || echo -)" \
      "$(sed -n 's/^ *Allocated object bytes: \([0-9.]*\)M$/\1/p' "$work/stderr" | tail -n 1 | grep . || echo -)" \
      >>"$work/runs-$n"
  done
done
for n in 0 1; do
  python3 -c '
import sys, statistics
name = sys.argv[1]
runs = [l.split() for l in open(sys.argv[2]) if l.strip()]
wall = sorted(float(r[0]) for r in runs)
cpu = statistics.median((float(r[1]) + float(r[2])) / max(float(r[0]), 0.001) for r in runs)
rss = [int(r[3]) / 1024 for r in runs]
gc = [float(r[4]) for r in runs if r[4] != "-"]
alloc = [float(r[5]) for r in runs if r[5] != "-"]
line = "%s: wall median %.2f s (%s), CPU/wall %.2f, peak RSS %.0f-%.0f MiB" % (
    name, statistics.median(wall), " ".join("%.2f" % w for w in wall), cpu, min(rss), max(rss))
if gc:
    line += ", collecting %.2f s median, %.0f MB allocated" % (statistics.median(gc), statistics.median(alloc))
print(line)
' "${builds[$n]}" "$work/runs-$n"
done
if cmp -s "$work/report-0.txt" "$work/report-1.txt"; then
  echo "reports: byte-identical ($(wc -l <"$work/report-0.txt") lines)"
else
  echo "reports: DIFFER, first difference: $(cmp "$work/report-0.txt" "$work/report-1.txt" 2>&1 | head -n 1)"
  exit 1
fi
