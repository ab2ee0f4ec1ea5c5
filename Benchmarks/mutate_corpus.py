#!/usr/bin/env python3
"""Adversarial JSONL for checking that a speed-up changed nothing: real notices, cut up and salted.

Fast paths (first-character filters, byte comparisons, skipped steps) are exactly where a change can
miss a rare input that the generated benchmark corpus never holds. This takes the real notices under
Corpus/ and, deterministically by seed, splices their pieces together, inserts characters every stage
treats specially (all bracket kinds, markers, digits, Chinese numerals, sentence ends, colons, ideographic
and no-break spaces, full-width letters, Traditional characters, combining marks, compatibility
ideographs, astral scalars, control characters, HTML-ish tags), repeats and drops stretches, and joins
or breaks lines. Run the old and the new binary on the output and `cmp` their results:

    Benchmarks/mutate_corpus.py --out /tmp/mut.jsonl --n 3000 --seed 1
    OLD process --stdin --jobs 2 --output a < /tmp/mut.jsonl; NEW ... --output b; cmp a/tasks.jsonl b/tasks.jsonl
"""
import argparse, glob, json, os, random

SALT = list("（）()[]［］【】〔〕{}「」《》<>。；;：:、，,！？!?.．…—-") + \
    ["一、", "二、", "（一）", "(二)", "1.", "2．", "3、", "（1）", "(2)", "①", "②", "第一条", "十一、", "（十二）",
     "牵头", "负责", "参与", "配合", "责任单位：", "牵头单位:", "注：", "下同", "分别负责", "省", "市", "县",
     "\u3000", "\u00a0", "\t", "\r", "\n", "\n\n", " ", "  ", "ＡＢＣ", "１２３", "ｱ", "e\u0301", "\u0301",
     "\uf900", "\ufa0a", "𠀀", "😀", "\u200b", "\ufeff", "\x07", "<p>", "</p>", "&nbsp;", "http://a.gov.cn/x",
     "發展", "衛生廳", "負責", "醫療", "2012 年", "52.67 万", "(2009—2011年)", "〔2011〕18号", "新政办发",
     "序号", "主要任务", "责任单位", "完成时限", "附件：", "二〇一一年三月五日", "发布日期：2014-01-02"]


def pieces(text, rng):
    out, i = [], 0
    while i < len(text):
        j = min(len(text), i + rng.randint(1, 400))
        out.append(text[i:j])
        i = j
    return out


def mutate(texts, rng):
    base = rng.choice(texts)
    parts = pieces(base, rng)
    for _ in range(rng.randint(0, 3)):  # splice in pieces of other notices
        parts[rng.randrange(len(parts))] += rng.choice(pieces(rng.choice(texts), rng))
    for _ in range(rng.randint(0, 4)):  # repeat a stretch (Xinjiang-style) or drop one
        k = rng.randrange(len(parts))
        if rng.random() < 0.6:
            parts.insert(rng.randrange(len(parts) + 1), parts[k])
        elif len(parts) > 1:
            del parts[k]
    s = "".join(parts)
    chars = list(s)
    for _ in range(rng.randint(0, 60)):  # salt
        pos = rng.randrange(len(chars) + 1)
        chars.insert(pos, rng.choice(SALT))
    s = "".join(chars)
    if rng.random() < 0.2:
        s = s.replace("\n", "")  # everything on one line
    if rng.random() < 0.2:
        s = "\n".join(s[i:i + 37] for i in range(0, len(s), 37))  # PDF-like wrapping
    return s


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--corpus", default=os.path.join(os.path.dirname(__file__), "..", "Corpus"))
    a = ap.parse_args()
    rng = random.Random(a.seed)
    files = sorted(glob.glob(os.path.join(a.corpus, "**", "notices", "*"), recursive=True))
    texts = []
    for f in files:
        try:
            texts.append(open(f, encoding="utf-8").read())
        except (UnicodeDecodeError, IsADirectoryError):
            pass
    with open(a.out, "w", encoding="utf-8") as out:
        for i in range(a.n):
            out.write(json.dumps({"id": f"m{i:06d}", "text": mutate(texts, rng)}, ensure_ascii=False) + "\n")
    print(f"{a.n} mutated notices from {len(texts)} real ones -> {a.out}")


if __name__ == "__main__":
    main()
