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
#   GONGWEN=path/to/gongwen (default: builds and uses .build/release/gongwen)
#   WORK=folder (default: a temporary folder, removed at the end unless KEEP=1)
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

# wall time depends on what else runs on the machine; CPU time (user + system) is the cost
printf "%10s %8s %10s %12s %12s %8s %6s %8s\n" "archive" "batch" "wall s" "wall ms/doc" "cpu ms/doc" "added" "near" "db MB"
TIMEFORMAT='%R %U %S'
for dir in "$WORK"/in/b*; do
  count=$(ls "$dir" | wc -l)
  read -r wall user sys < <({ time "$GONGWEN" ingest "$dir" --archive "$ARCHIVE" --jobs "$JOBS" --json > "$WORK/last.json"; } 2>&1)
  total=$(python3 -c "import json;print(len(json.load(open('$WORK/last.json'))))")
  added=$(python3 -c "import json;print(sum(1 for x in json.load(open('$WORK/last.json')) if x['status']=='added'))")
  near=$(python3 -c "import json;print(sum(1 for x in json.load(open('$WORK/last.json')) if x['status']=='near_duplicate'))")
  size=$(du -m "$ARCHIVE" | cut -f1)
  docs=$("$GONGWEN" archive stats --archive "$ARCHIVE" --json | python3 -c "import json,sys;print(json.load(sys.stdin)['documents'])")
  python3 -c "print('%10d %8d %10.2f %12.2f %12.2f %8d %6d %8s' % ($docs, $count, $wall, 1000*$wall/$count, 1000*($user+$sys)/$count, $added, $near, '$size'))"
done
"$GONGWEN" archive stats --archive "$ARCHIVE" --check
# export cost at the final size
read -r wall user sys < <({ time "$GONGWEN" export --archive "$ARCHIVE" --output "$WORK/export" --format csv 2>/dev/null; } 2>&1)
echo "export: wall ${wall}s, cpu $(python3 -c "print(round($user+$sys, 2))")s"
