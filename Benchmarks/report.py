#!/usr/bin/env python3
"""Turns the raw outputs of Benchmarks/run.sh (WORK/raw) into one Markdown report on stdout."""
import json, os, statistics, sys

work, mb, small_mb, repeats, mh_limit = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
raw = os.path.join(work, "raw")
def rd(name): return open(os.path.join(raw, name), encoding="utf-8").read()
def js(name): return json.loads(rd(name))
def tm(name):
    lines = rd(name + ".time").split()
    # "%e %U %S %M" then the 1-minute load average at the end of the run
    return {"wall": float(lines[-5]), "cpu": float(lines[-4]) + float(lines[-3]), "rss": int(lines[-2]) / 1024,
            "load": float(lines[-1])}

truth = json.load(open(os.path.join(work, "big.truth.json"), encoding="utf-8"))
small_truth = json.load(open(os.path.join(work, "small.truth.json"), encoding="utf-8"))
nbytes, ndocs = truth["text_bytes"], truth["notices"]
out = []
p = out.append
p(f"## Machine\n\n```\n{rd('machine.txt').rstrip()}\nload at start: {rd('uptime_start.txt').strip()}\n"
  f"load at end:   {rd('uptime_end.txt').strip()}\n```\n")
p(f"Corpus: {ndocs} notices, {nbytes/1e6:.1f} MB of text (UTF-8), generated with seed 1 ({truth['kinds']}; "
  f"Traditional via {truth['traditional_converter']}); small corpus {small_truth['notices']} notices, "
  f"{small_truth['text_bytes']/1e6:.1f} MB (seed 2).\n")

st = js("stages.json")
p(f"### Per stage (one thread, in one process: `gongwen bench stages`, {st['notices']} notices)\n")
p("| stage | seconds | MB/s | notices/s | share |\n|---|---:|---:|---:|---:|")
total = st["seconds"]["total (one thread)"]
order = ["decode (JSONL record)", "ingest", "normalize", "dedup (in-notice)", "segment", "attribute", "records",
         "batch duplicates (MinHash/LSH)", "emit (JSON encode)", "total (one thread)"]
for name in sorted(st["seconds"], key=lambda n: order.index(n) if n in order else 99):
    s = st["seconds"][name]
    p(f"| {name} | {s:.2f} | {st['bytes']/1e6/s:.1f} | {st['notices']/s:.0f} | {100*s/total:.1f}% |")
p("")

runs = {k: [tm(f"{k}_{r}") for r in range(1, repeats + 1)] for k in ("py", "j1", "j2")}
def med(k, f): return statistics.median(x[f] for x in runs[k])
p(f"### End to end ({nbytes/1e6:.0f} MB, median of {repeats} interleaved runs; wall time, so the shared load counts)\n")
p("| run | wall s | MB/s | notices/s | CPU s (user+sys) | MB per CPU-s | peak RSS MB | 1-min load after |\n|---|---:|---:|---:|---:|---:|---:|---:|")
names = {"py": "Python baseline (`baseline.py`, segment + attribute only)", "j1": "`gongwen process --stdin --jobs 1`",
         "j2": "`gongwen process --stdin --jobs 2`"}
for k in ("py", "j1", "j2"):
    w, c = med(k, "wall"), med(k, "cpu")
    p(f"| {names[k]} | {w:.1f} | {nbytes/1e6/w:.2f} | {ndocs/w:.0f} | {c:.1f} | {nbytes/1e6/c:.2f} | {med(k,'rss'):.0f} | "
      f"{statistics.median(x['load'] for x in runs[k]):.1f} |")
p("")
p("All runs: " + "; ".join(f"{k}: " + ", ".join(f"{x['wall']:.1f}s/{x['cpu']:.1f}cpu" for x in runs[k]) for k in runs) + "\n")

s1, s2 = tm("small_j1"), tm("small_j2")
mg, md = js("minhash_gongwen.json"), js("minhash_datasketch.json")
d = js("dups.json")
j1_vs_py = med("py", "wall") / med("j1", "wall")
j1_vs_py_cpu = med("py", "cpu") / med("j1", "cpu")
j2_vs_j1 = med("j1", "wall") / med("j2", "wall")
rss_ratio = max(med("j1", "rss") / s1["rss"], med("j2", "rss") / s2["rss"])
mh = mg["mb_per_s"] / md["mb_per_s"]
p(f"### Memory: peak RSS, {small_mb} MB vs {mb} MB\n")
p(f"| | {small_mb} MB | {mb} MB | ratio |\n|---|---:|---:|---:|")
p(f"| --jobs 1 | {s1['rss']:.0f} MB | {med('j1','rss'):.0f} MB | {med('j1','rss')/s1['rss']:.2f} |")
p(f"| --jobs 2 | {s2['rss']:.0f} MB | {med('j2','rss'):.0f} MB | {med('j2','rss')/s2['rss']:.2f} |\n")
p(f"### MinHash signing (first {mh_limit} notices, {mg['bytes']/1e6:.1f} MB; 128 values, character 5-grams)\n")
p("| | MB/s | notices/s |\n|---|---:|---:|")
p(f"| Gongwen `Signature` (one-permutation hashing + densification) | {mg['mb_per_s']:.1f} | {mg['notices_per_s']:.0f} |")
p(f"| datasketch {md.get('datasketch','')} `MinHash.update_batch`, 128 permutations | {md['mb_per_s']:.2f} | {md['notices_per_s']:.1f} |\n")
p(f"### Batch duplicate links vs ground truth ({d['links']} links: {d['links_by_relation']})\n")
p(f"precision {d['precision']:.4f} ({d['false_links']} false links); exact-copy recall {d['exact']['recall_direct']:.4f} "
  f"({d['exact']['pairs']} pairs); near-duplicate recall {d['near']['recall_direct']:.4f} direct, "
  f"{d['near']['recall_connected']:.4f} through chains ({d['near']['pairs']} pairs). "
  f"--jobs 1 and --jobs 2 outputs: {rd('determinism.txt').strip()}.\n")
def ok(b): return "**met**" if b else "**not met**"
p("### Targets\n")
p("| target | measured | |\n|---|---:|---|")
p(f"| `--jobs 1` ≥ 3× Python baseline (aim 5×), wall | {j1_vs_py:.2f}× (CPU time: {j1_vs_py_cpu:.2f}×) | {ok(j1_vs_py >= 3)} |")
p(f"| `--jobs 2` ≥ 1.8× `--jobs 1`, wall | {j2_vs_j1:.2f}× | {ok(j2_vs_j1 >= 1.8)} |")
p(f"| peak RSS({mb} MB) ≤ 1.3× RSS({small_mb} MB) | {rss_ratio:.2f}× | {ok(rss_ratio <= 1.3)} |")
p(f"| MinHash ≥ 20× datasketch | {mh:.1f}× | {ok(mh >= 20)} |")
p(f"| near-dup recall ≥ 0.95 at precision 1.0 | recall {d['near']['recall_direct']:.3f}, precision {d['precision']:.3f} | "
  f"{ok(d['near']['recall_direct'] >= 0.95 and d['precision'] >= 1.0)} |")
print("\n".join(out))
