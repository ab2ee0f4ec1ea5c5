#!/usr/bin/env python3
"""Precision/recall of Gongwen's batch duplicate links (documents.jsonl `duplicates`) against the
ground truth written by make_corpus.py (OUT.truth.json).

Records with byte-identical text get the same document `id` (the id hashes the input bytes) and are
written once: the report (`report.json` next to documents.jsonl) lists the later copy as a `duplicate`
with that `document_id`, so an exact copy shows up as a shared id rather than as a link; both count as
found. Pairs are compared
on document ids. A link is correct when both ends belong to the same ground-truth cluster (base,
its exact copies and its near copies: two near copies of one base are near each other too).
Recall is per ground-truth pair: found when the two documents are linked directly (`direct`) or
through a chain of links (`connected`).

Usage: eval_dups.py OUT_DIR/documents.jsonl TRUTH.json [--json]
"""
import json, os, sys
from collections import defaultdict

def main():
    docs_path, truth_path = sys.argv[1], sys.argv[2]
    truth = json.load(open(truth_path, encoding="utf-8"))
    rec2doc, links = {}, set()
    report = json.load(open(os.path.join(os.path.dirname(docs_path) or ".", "report.json"), encoding="utf-8"))
    for f in report["files"]:
        if f.get("document_id"): rec2doc[f["path"]] = f["document_id"]
    for line in open(docs_path, encoding="utf-8"):
        d = json.loads(line)
        rec2doc[d["source"]["id"]] = d["id"]
        for l in d.get("duplicates", []):
            links.add((frozenset((d["id"], l["document_id"])), l["relation"]))
    parent = {}
    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]; x = parent[x]
        return x
    def union(a, b): parent[find(a)] = find(b)
    for a, b in truth["exact"] + truth["near"]: union(rec2doc[a], rec2doc[b])
    truth_cluster = {x: find(x) for x in list(parent)}
    # gongwen components
    gparent = {}
    def gfind(x):
        gparent.setdefault(x, x)
        while gparent[x] != x:
            gparent[x] = gparent[gparent[x]]; x = gparent[x]
        return x
    pairs = {p for p, _ in links}
    for p in pairs:
        a, b = tuple(p); gparent[gfind(a)] = gfind(b)
    res = {}
    for kind in ("exact", "near"):
        direct = connected = 0
        for a, b in truth[kind]:
            x, y = rec2doc[a], rec2doc[b]
            if x == y or frozenset((x, y)) in pairs: direct += 1; connected += 1
            elif gfind(x) == gfind(y): connected += 1
        n = len(truth[kind])
        res[kind] = {"pairs": n, "recall_direct": direct / n if n else 1.0, "recall_connected": connected / n if n else 1.0}
    correct = sum(1 for p in pairs if len(p) == 2 and truth_cluster.get(tuple(p)[0], 0) == truth_cluster.get(tuple(p)[1], 1))
    res["links"] = len(pairs)
    res["links_by_relation"] = dict(sorted(defaultdict(int, {r: sum(1 for _, rr in links if rr == r) for _, r in links}).items()))
    res["precision"] = correct / len(pairs) if pairs else 1.0
    res["false_links"] = len(pairs) - correct
    if "--json" in sys.argv: print(json.dumps(res))
    else:
        print(f"duplicates: {len(pairs)} links, precision {res['precision']:.4f}; exact recall {res['exact']['recall_direct']:.4f}; "
              f"near recall {res['near']['recall_direct']:.4f} direct, {res['near']['recall_connected']:.4f} connected")

if __name__ == "__main__":
    main()
