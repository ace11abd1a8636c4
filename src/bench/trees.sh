# Sourced by the benchmark scripts: the generated trees, made once into target/bench/ by
# ../shared/bench/gen-corpus.py (a file per three documents) and kept there.
GEN=../shared/bench/gen-corpus.py
OUT=target/bench

tree_of() { # documents seed -> directory
  local dir="$OUT/corpus-$1-seed$2"
  if [ ! -f "$dir.expected.tsv" ]; then
    rm -rf "$dir"
    mkdir -p "$OUT"
    python3 "$GEN" "$dir" --documents "$1" --files $(($1 / 3 + 1)) --seed "$2" >/dev/null
  fi
  echo "$dir"
}

# the seeds of the benchmark's trees: 10,000 documents seed 42, 100,000 seed 7, 1,000,000 seed 1
seed_of() {
  case $1 in
    10000) echo 42 ;;
    100000) echo 7 ;;
    1000000) echo 1 ;;
    *) return 1 ;;
  esac
}

# a JVM-only build leaves target/kgate as a launcher script: only an executable file (ELF) is native
is_native_executable() { [ -x "$1" ] && [ "$(head -c 4 "$1" | od -An -c | tr -d ' ')" = '177ELF' ]; }
