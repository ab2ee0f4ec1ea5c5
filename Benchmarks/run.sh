#!/usr/bin/env bash
# Gongwen throughput benchmark: per-stage and end-to-end MB/s vs a Python baseline, --jobs scaling,
# peak RSS on a small vs a large corpus, MinHash signing vs datasketch, and near-duplicate
# precision/recall against the generator's ground truth. Prints one Markdown report.
#
# Usage: Benchmarks/run.sh [MB=100] [SMALL_MB=10] [REPEATS=3]
#   GONGWEN=path (default: swift build -c release and .build/release/gongwen)
#   WORK=folder (default: a temporary folder, removed at the end unless KEEP=1)
#   MINHASH_LIMIT=notices for the MinHash comparison (default 300; datasketch is slow)
#   PYTHON=python3 (needs `pip install datasketch opencc-python-reimplemented`)
set -euo pipefail

MB=${1:-100}
SMALL_MB=${2:-10}
REPEATS=${3:-3}
MINHASH_LIMIT=${MINHASH_LIMIT:-300}
PYTHON=${PYTHON:-python3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

if [[ -z "${GONGWEN:-}" ]]; then
  swift build -c release --product gongwen 2>&1 | grep -E "error|Build" >&2
  GONGWEN="$ROOT/.build/release/gongwen"
fi
WORK=${WORK:-$(mktemp -d /tmp/gongwen-bench.XXXXXX)}
trap '[[ "${KEEP:-0}" == 1 ]] || rm -rf "$WORK"' EXIT
RAW="$WORK/raw"
mkdir -p "$RAW"
TIME=/usr/bin/time
log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

log "machine"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc: $(nproc)"
  lscpu | head -20
  free -m
  echo "gongwen: $("$GONGWEN" --version) ($(git rev-parse --short HEAD 2>/dev/null || echo '?'))"
  echo "swift: $(swift --version 2>&1 | head -1)"
  echo "python: $($PYTHON --version 2>&1)"
} > "$RAW/machine.txt"
uptime > "$RAW/uptime_start.txt"

log "corpora: ${MB} MB and ${SMALL_MB} MB"
[[ -f "$WORK/big.jsonl" ]] || $PYTHON Benchmarks/make_corpus.py --out "$WORK/big" --mb "$MB" --seed 1 2> "$RAW/gen_big.txt"
[[ -f "$WORK/small.jsonl" ]] || $PYTHON Benchmarks/make_corpus.py --out "$WORK/small" --mb "$SMALL_MB" --seed 2 2> "$RAW/gen_small.txt"

# One timed run: name, then the command; stdin from $IN. Records "wall user sys maxrss_kb" and the load.
timed() {
  local name=$1; shift
  # the previous run's output is still being written back to disk; let that finish first so the
  # kernel's writeback does not take a core from this run
  sync
  $TIME -o "$RAW/$name.time" -f "%e %U %S %M" "$@" < "$IN" > "$RAW/$name.out" 2> "$RAW/$name.err" || {
    echo "failed: $name (see $RAW/$name.err)" >&2; tail -3 "$RAW/$name.err" >&2; }
  cut -d' ' -f1 /proc/loadavg >> "$RAW/$name.time"
}

log "per-stage timing (one thread, in process)"
"$GONGWEN" bench stages "$WORK/big.jsonl" --json > "$RAW/stages.json"

IN=/dev/null
for r in $(seq 1 "$REPEATS"); do
  log "end to end, round $r/$REPEATS: Python baseline, --jobs 1, --jobs 2 (${MB} MB)"
  IN=/dev/null timed "py_$r" $PYTHON Benchmarks/baseline.py "$WORK/big.jsonl" --output "$WORK/py_tasks.jsonl" --json
  IN="$WORK/big.jsonl" timed "j1_$r" "$GONGWEN" process --stdin --jobs 1 --output "$WORK/out_j1"
  IN="$WORK/big.jsonl" timed "j2_$r" "$GONGWEN" process --stdin --jobs 2 --output "$WORK/out_j2"
done
log "peak RSS on ${SMALL_MB} MB"
for j in 1 2; do IN="$WORK/small.jsonl" timed "small_j$j" "$GONGWEN" process --stdin --jobs $j --output "$WORK/out_small_j$j"; done
cmp -s "$WORK/out_j1/documents.jsonl" "$WORK/out_j2/documents.jsonl" && cmp -s "$WORK/out_j1/tasks.jsonl" "$WORK/out_j2/tasks.jsonl" \
  && echo identical > "$RAW/determinism.txt" || echo DIFFERENT > "$RAW/determinism.txt"

log "MinHash signing: gongwen vs datasketch (first $MINHASH_LIMIT notices)"
"$GONGWEN" bench minhash "$WORK/big.jsonl" --limit "$MINHASH_LIMIT" --json > "$RAW/minhash_gongwen.json"
$PYTHON Benchmarks/minhash_datasketch.py "$WORK/big.jsonl" --limit "$MINHASH_LIMIT" --json > "$RAW/minhash_datasketch.json"

log "near-duplicate precision/recall"
$PYTHON Benchmarks/eval_dups.py "$WORK/out_j2/documents.jsonl" "$WORK/big.truth.json" --json > "$RAW/dups.json"
uptime > "$RAW/uptime_end.txt"

$PYTHON Benchmarks/report.py "$WORK" "$MB" "$SMALL_MB" "$REPEATS" "$MINHASH_LIMIT"
