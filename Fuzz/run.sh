#!/usr/bin/env bash
# Fuzz the whole pipeline with libFuzzer for a set time, keeping the corpus between runs.
#   Fuzz/run.sh [SECONDS]      (default 600)
# The corpus lives in Fuzz/corpus (seeded from Corpus/notices); crashes land in Fuzz/artifacts/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
secs="${1:-600}"
cd "$here"
swift build -c release -Xswiftc -sanitize=fuzzer --product GongwenFuzz 2>&1 | grep -E "error|Build" || true
mkdir -p corpus artifacts
cp -n ../Corpus/notices/* corpus/ 2>/dev/null || true
export GONGWEN_RULES="$here/../Rules"
./.build/release/GongwenFuzz -max_total_time="$secs" -max_len=65536 -timeout=20 -rss_limit_mb=4096 \
  -artifact_prefix=artifacts/ -print_final_stats=1 corpus 2>&1 | tee fuzz.log | grep -E "^#|stat::|ERROR|SUMMARY" | tail -15
