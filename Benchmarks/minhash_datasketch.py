#!/usr/bin/env python3
"""MinHash signing throughput of datasketch (the reference Python library) on the same texts as
`gongwen bench minhash`: 128 permutations, character 5-grams of the text without whitespace,
`MinHash.update_batch` (datasketch's fastest path, numpy-vectorised).

Usage: minhash_datasketch.py CORPUS.jsonl [--limit N] [--json]
"""
import argparse, json, sys, time

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--k", type=int, default=5)
    ap.add_argument("--perm", type=int, default=128)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    from datasketch import MinHash
    import datasketch
    texts = []
    with open(a.corpus, encoding="utf-8") as f:
        for line in f:
            if a.limit is not None and len(texts) >= a.limit: break
            if line.strip(): texts.append(json.loads(line)["text"])
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    template = MinHash(num_perm=a.perm)  # permutations drawn once, as a datasketch user would
    start = time.perf_counter()
    check = 0
    for t in texts:
        s = "".join(t.split())
        shingles = {s[i:i + a.k].encode("utf-8") for i in range(max(1, len(s) - a.k + 1))}
        m = MinHash(num_perm=a.perm, permutations=template.permutations, scheme=template.scheme)
        m.update_batch(list(shingles))
        check ^= int(m.hashvalues[0])
    elapsed = time.perf_counter() - start
    res = {"notices": len(texts), "bytes": nbytes, "seconds": elapsed, "mb_per_s": nbytes / 1e6 / elapsed,
           "notices_per_s": len(texts) / elapsed, "datasketch": datasketch.__version__ if hasattr(datasketch, "__version__") else "?"}
    print(f"datasketch: {len(texts)} notices, {nbytes/1e6:.1f} MB in {elapsed:.2f}s = {res['mb_per_s']:.2f} MB/s", file=sys.stderr)
    if a.json: print(json.dumps(res))

if __name__ == "__main__":
    main()
