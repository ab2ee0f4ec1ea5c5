#!/usr/bin/env python3
"""Python baseline for the Gongwen benchmark: what a Python engineer would write with plain `re`.

Single process. For each JSONL record {"id", "text"}: light normalisation (full-width digits and
parentheses), segmentation on the markers 一、/（一）/1./（1） into a clause path, extraction of the
trailing attribution （…负责）/（…牵头，…参与） of each clause with departments split on 、，and
lead/responsible/participating roles, and one JSON line per task written to --output (or
discarded). Reports MB/s (UTF-8 bytes of the texts) and notices/s on stderr and, with --json, as
JSON on stdout.

Usage: baseline.py CORPUS.jsonl [--output tasks.jsonl] [--json]
"""
import argparse, json, re, sys, time

WIDTH = str.maketrans("０１２３４５６７８９()．", "0123456789（）.")
CN = {c: i + 1 for i, c in enumerate("一二三四五六七八九")}

def cn_value(s):
    if s == "十": return 10
    if "十" in s:
        a, _, b = s.partition("十")
        return (CN.get(a, 1) if a else 1) * 10 + (CN.get(b, 0) if b else 0)
    return CN.get(s, 0)

MARKER = re.compile(
    r"(?P<l1>(?<![\u4e00-\u9fff])[一二三四五六七八九十]{1,3}、)"
    r"|(?P<l2>（[一二三四五六七八九十]{1,3}）)"
    r"|(?P<l3>(?<![\d.])\d{1,2}\.(?!\d))"
    r"|(?P<l4>（\d{1,2}）)")
ATTR = re.compile(r"[（(]([^（）()]{2,200}?)(?:分别|按职责分工|共同)?(?:牵头)?负责[^（）()]{0,20}[）)]\s*[。；]?\s*$"
                  r"|[（(]([^（）()]{2,200}?)牵头[，,]([^（）()]{2,200}?)(?:参与|配合)[）)]\s*[。；]?\s*$")
SPLIT = re.compile(r"[、，,；;和及]")
ROLE_WORDS = re.compile(r"(分别|按职责分工|共同|牵头|负责)")

def departments(s):
    return [d.strip() for d in SPLIT.split(ROLE_WORDS.sub("", s)) if d.strip()]

def process(doc_id, text):
    text = text.translate(WIDTH)
    marks = list(MARKER.finditer(text))
    tasks, path = [], []
    for i, m in enumerate(marks):
        level = int(m.lastgroup[1])
        tok = m.group()
        num = cn_value(tok.strip("、（）")) if level <= 2 else int(tok.strip("（）."))
        while len(path) >= level: path.pop()
        while len(path) < level - 1: path.append(0)
        path.append(num)
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        body = text[m.end():end].strip()
        lead, resp, part, raw = [], [], [], None
        a = ATTR.search(body)
        if a:
            raw = a.group(0).strip()
            if a.group(1) is not None:
                resp = departments(a.group(1))
            else:
                lead, part = departments(a.group(2)), departments(a.group(3))
            body = body[:a.start()].rstrip()
        heading = body.split("。", 1)[0][:40] if level == 1 else None
        tasks.append({"id": f"{doc_id}:{'.'.join(map(str, [p for p in path if p]))}", "path": [p for p in path if p],
                      "markers": tok, "heading": heading, "text": body, "attribution": raw,
                      "departments": lead + resp + part, "lead": lead, "responsible": resp, "participating": part})
    return tasks

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--output")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    out = open(a.output, "w", encoding="utf-8") if a.output else None
    start = time.perf_counter()
    nbytes = docs = ntasks = attributed = 0
    with open(a.corpus, encoding="utf-8") as f:
        for line in f:
            if not line.strip(): continue
            rec = json.loads(line)
            text = rec["text"]
            nbytes += len(text.encode("utf-8"))
            tasks = process(str(rec["id"]), text)
            docs += 1
            ntasks += len(tasks)
            attributed += sum(1 for t in tasks if t["attribution"])
            lines = [json.dumps(t, ensure_ascii=False) for t in tasks]
            if out: out.write("\n".join(lines) + "\n")
    elapsed = time.perf_counter() - start
    if out: out.close()
    res = {"notices": docs, "tasks": ntasks, "attributed": attributed, "bytes": nbytes, "seconds": elapsed,
           "mb_per_s": nbytes / 1e6 / elapsed, "notices_per_s": docs / elapsed}
    print(f"baseline: {docs} notices, {ntasks} tasks ({attributed} attributed), {nbytes/1e6:.1f} MB in "
          f"{elapsed:.2f}s = {res['mb_per_s']:.2f} MB/s, {res['notices_per_s']:.0f} notices/s", file=sys.stderr)
    if a.json: print(json.dumps(res))

if __name__ == "__main__":
    main()
