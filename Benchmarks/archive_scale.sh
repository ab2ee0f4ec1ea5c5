#!/usr/bin/env bash
# Archive scale benchmark (not run in CI).
#
# Generates N synthetic notices from the seed notices and ingests them into a fresh archive in
# batches, printing the per-notice ingest cost as the archive grows. Each synthetic notice is ~40
# sentences drawn at random from all seed sentences, with its numbers changed, so notices share a
# genre (like real ones) without being copies; every 20th is a ~5%-edited copy of an earlier one
# (a near-duplicate the archive must find).
#
# Usage: Benchmarks/archive_scale.sh [N=10000] [BATCH=1000] [JOBS=cores]
#   e.g. Benchmarks/archive_scale.sh 100000 10000 2   (results: Benchmarks/ARCHIVE_RESULTS.md)
#   GONGWEN=path/to/gongwen (default: builds and uses .build/release/gongwen)
#   WORK=folder (default: a temporary folder, removed at the end unless KEEP=1)
#   RULES=folder (default: Rules), e.g. to compare similarity settings
set -euo pipefail

N=${1:-10000}
BATCH=${2:-1000}
JOBS=${3:-$(nproc)}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

if [[ -z "${GONGWEN:-}" ]]; then
  swift build -c release --product gongwen >&2
  GONGWEN="$ROOT/.build/release/gongwen"
fi
WORK=${WORK:-$(mktemp -d /tmp/gongwen-archive-scale.XXXXXX)}
trap '[[ "${KEEP:-0}" == 1 ]] || rm -rf "$WORK"' EXIT
ARCHIVE="$WORK/archive.sqlite"

echo "generating $N synthetic notices in $WORK/in (batches of $BATCH)" >&2
python3 - "$N" "$BATCH" "$WORK/in" Corpus/notices <<'PY'
import os, random, re, sys
n, batch, out, seeds = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
rng = random.Random(20131219)
sentences = []
for name in sorted(os.listdir(seeds)):
    text = open(os.path.join(seeds, name), encoding="utf-8").read()
    sentences += [s.strip() + "。" for s in re.split(r"[。\n]", text) if len(s.strip()) > 8]
made = []
for i in range(n):
    if i % 20 == 19 and made:
        base = list(rng.choice(made))          # a ~5%-edited copy of an earlier notice
        for _ in range(max(1, len(base) // 400)):
            at = rng.randrange(max(1, len(base) - 20))
            base[at:at + 20] = [chr(0x4E00 + rng.randrange(20000)) for _ in range(20)]
        text = "".join(base)
    else:
        parts = [f"关于做好第{i}批重点工作任务分工的通知\n"]
        for _ in range(40):
            s = rng.choice(sentences)
            s = re.sub(r"\d+", lambda m: str(rng.randrange(1, 3000)), s)
            parts.append(s + ("\n" if rng.random() < 0.3 else ""))
        text = "".join(parts)
        made.append(text)
        if len(made) > 200: made.pop(0)
    d = os.path.join(out, f"b{i // batch:04d}")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, f"n{i:06d}.txt"), "w", encoding="utf-8") as f:
        f.write(text)
PY

# wall time depends on what else runs on the machine; CPU time (user + system) is the cost.
# cand/doc: LSH candidates per lookup; cmp/doc: signatures compared; ver/doc: texts verified;
# rows/doc: bucket rows read (from the run's counts in the archive); load: 1-minute load average.
# look/store: CPU ms per notice of the writing thread in lookups / in the whole store transaction
# (the rest of "cpu ms" is the pipeline, run in parallel, and reading inputs).
# A line ends with a note when a planted near-duplicate was missed or an unplanted notice was linked.
printf "%9s %6s %8s %9s %9s %6s %6s %6s %5s %8s %7s %7s %7s %7s %6s\n" "archive" "batch" "wall s" "wall ms" "cpu ms" \
  "look" "store" "added" "near" "db MB" "rows" "cand" "cmp" "ver" "load"
TIMEFORMAT='%R %U %S'
for dir in "$WORK"/in/b*; do
  count=$(ls "$dir" | wc -l)
  read -r wall user sys < <({ time "$GONGWEN" ingest "$dir" --archive "$ARCHIVE" --rules "${RULES:-$ROOT/Rules}" --jobs "$JOBS" --json > "$WORK/last.json"; } 2>&1)
  load=$(cut -d' ' -f1 /proc/loadavg)
  size=$( (du -cm "$ARCHIVE" "$ARCHIVE-wal" 2>/dev/null || true) | tail -1 | cut -f1)
  python3 - "$WORK/last.json" "$ARCHIVE" "$count" "$wall" "$user" "$sys" "$size" "$load" <<'PY'
import json, sqlite3, sys
out, archive, count, wall, user, sys_, size, load = sys.argv[1:]
count, wall, cpu = int(count), float(wall), float(user) + float(sys_)
items = json.load(open(out))
added = sum(1 for x in items if x["status"] == "added")
near = sum(1 for x in items if x["status"] == "near_duplicate")
planted = lambda x: int(x["path"].rsplit("/n", 1)[1].split(".")[0]) % 20 == 19
missed = sum(1 for x in items if planted(x) and x["status"] != "near_duplicate")
extra = sum(1 for x in items if not planted(x) and x["links"])
db = sqlite3.connect(archive)
docs = db.execute("SELECT count(*) FROM document").fetchone()[0]
counts = json.loads(db.execute("SELECT counts_json FROM ingest_run ORDER BY id DESC LIMIT 1").fetchone()[0] or "{}")
n = max(1, counts.get("lookups", 0))
per = lambda k: counts.get(k, 0) / n
print("%9d %6d %8.2f %9.2f %9.2f %6.2f %6.2f %6d %5d %8s %7.1f %7.1f %7.2f %7.2f %6s" % (
    docs, count, wall, 1000 * wall / count, 1000 * cpu / count, counts.get("lookup_cpu_us", 0) / 1000 / count,
    counts.get("store_cpu_us", 0) / 1000 / count, added, near, size,
    per("lsh_bucket_rows_read"), per("lsh_candidates"), per("signatures_compared"), per("texts_verified"), load)
    + ("   missed %d planted near-duplicate(s)" % missed if missed else "")
    + ("   %d unplanted notice(s) linked" % extra if extra else ""), flush=True)
PY
done
"$GONGWEN" archive stats --archive "$ARCHIVE" --check
# export cost at the final size
read -r wall user sys < <({ time "$GONGWEN" export --archive "$ARCHIVE" --output "$WORK/export" --format csv 2>/dev/null; } 2>&1)
echo "export: wall ${wall}s, cpu $(python3 -c "print(round($user+$sys, 2))")s"
