#!/usr/bin/env python3
"""Deterministic synthetic corpus for the Gongwen benchmarks.

Builds notices from the clauses of the seed notices (Corpus/notices): each notice gets a preamble
and a fresh clause hierarchy 一、/（一）/1./（1） whose bodies are seed clause bodies drawn at random
from all seeds and mutated (numbers changed, ~3% of characters substituted, departments swapped),
most with a trailing attribution （…负责）/（…牵头，…参与）. Some notices get Xinjiang-style
repeated runs of sentences (a run repeated 2-3 times, interleaved), ~10% are exact copies of an
earlier notice, ~10% near-duplicates (a few phrases edited, ~5% of the characters), ~3% are in
Traditional characters (opencc-python-reimplemented when installed, else a small character map).

Outputs:
  OUT.jsonl              {"id", "text"} per line
  OUT.truth.json         {"exact": [[id, id], ...], "near": [[id, id], ...], ...} ground truth
  OUT.d/NNNNNN.txt       (with --folder) one file per notice

Usage: make_corpus.py --out /tmp/corpus100 (--mb 100 | --n 5000) [--seed 1] [--folder]
"""
import argparse, json, os, random, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CN_NUM = "一二三四五六七八九十"

def cn(n):
    if n <= 10: return CN_NUM[n - 1]
    if n < 20: return "十" + CN_NUM[n - 11]
    t, u = divmod(n, 10)
    return CN_NUM[t - 1] + "十" + (CN_NUM[u - 1] if u else "")

MARKER = re.compile(r"(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|(?<![\d.])\d{1,2}[.．](?!\d)|（\d{1,2}）)")
ATTR = re.compile(r"（([^（）]{2,120}?)(?:分别)?(?:牵头|负责)[^（）]{0,40}）")
SENT = re.compile(r"[^。；！？\n]+[。；！？]?")

def load_seeds(folder):
    bodies, depts, preambles = [], set(), []
    for name in sorted(os.listdir(folder)):
        text = open(os.path.join(folder, name), encoding="utf-8").read()
        for m in ATTR.finditer(text):
            for d in re.split(r"[、，,]", re.sub(r"(分别|牵头|负责|参与|配合|按职责分工)", "、", m.group(1))):
                d = d.strip()
                if 2 <= len(d) <= 14: depts.add(d)
        parts = MARKER.split(text)
        preambles.append(parts[0][:600])
        for p in parts[1:]:
            p = ATTR.sub("", p).strip()
            if len(p) >= 12: bodies.append(p[:400])
    return bodies, sorted(depts), preambles

class Gen:
    def __init__(self, seed, seeds_dir):
        self.rng = random.Random(seed)
        self.bodies, self.depts, self.preambles = load_seeds(seeds_dir)
        self.alphabet = sorted(set("".join(self.bodies)) - set("。；，、（）：“”《》\n 0123456789"))
        try:
            import opencc  # opencc-python-reimplemented
            conv = opencc.OpenCC("s2t")
            self.to_trad = conv.convert
            self.trad_source = "opencc-python-reimplemented"
        except Exception:
            table = str.maketrans("发务门实经织级医疗卫药机构制业总体项进这开县区市员会国为时对质标规财经费设应当将与还题关听让说试认识记设证诉词变对层应",
                                  "發務門實經織級醫療衛藥機構製業總體項進這開縣區市員會國為時對質標規財經費設應當將與還題關聽讓說試認識記設證訴詞變對層應")
            self.to_trad = lambda s: s.translate(table)
            self.trad_source = "built-in character map"

    def mutate(self, s, rate=0.03):
        r = self.rng
        s = re.sub(r"\d+", lambda m: str(r.randint(1, 2030)), s)
        chars = list(s)
        for i in range(len(chars)):
            if r.random() < rate and "\u4e00" <= chars[i] <= "\u9fff":
                chars[i] = r.choice(self.alphabet)
        return "".join(chars)

    def attribution(self):
        r = self.rng
        ds = r.sample(self.depts, min(len(self.depts), r.randint(1, 5)))
        form = r.random()
        if form < 0.5: return "（" + "、".join(ds) + "负责）"
        if form < 0.7: return "（" + "、".join(ds) + "分别负责）"
        if form < 0.9 and len(ds) > 1: return "（" + ds[0] + "牵头，" + "、".join(ds[1:]) + "参与）"
        return "（" + "、".join(ds) + "按职责分工负责）"

    def repeat_runs(self, text):
        """Xinjiang-style: a random run of 2-4 sentences repeated 2-3 times, interleaved."""
        r = self.rng
        sents = SENT.findall(text)
        if len(sents) < 10: return text
        for _ in range(r.randint(1, 3)):
            i = r.randrange(0, len(sents) - 4)
            run = sents[i:i + r.randint(2, 4)]
            times = r.randint(2, 3)
            if r.random() < 0.5:
                sents[i:i + len(run)] = run * times                       # ABAB(AB)
            else:
                mid = sents[i + len(run):i + len(run) + 2]               # AB x AB y AB
                sents[i:i + len(run) + len(mid)] = (run + mid[:1]) * (times - 1) + run + mid[1:]
        return "".join(sents)

    def notice(self, target_chars):
        r = self.rng
        lines = [self.mutate(r.choice(self.preambles))]
        size, sec = len(lines[0]), 0
        while size < target_chars and sec < 60:
            sec += 1
            head = f"{cn(sec)}、{self.mutate(r.choice(self.bodies)[:r.randint(6, 16)])}"
            lines.append(head); size += len(head)
            for sub in range(1, r.randint(2, 8)):
                if size >= target_chars: break
                body = self.mutate(r.choice(self.bodies))
                if r.random() < 0.7: body += self.attribution()
                line = f"（{cn(sub)}）{body}"
                if r.random() < 0.3:
                    for k in range(1, r.randint(2, 5)):
                        item = self.mutate(r.choice(self.bodies)[:200])
                        if r.random() < 0.5: item += self.attribution()
                        line += ("\n" if r.random() < 0.7 else "") + f"{k}.{item}"
                        if r.random() < 0.2:
                            line += f"（1）{self.mutate(r.choice(self.bodies)[:120])}（2）{self.mutate(r.choice(self.bodies)[:120])}"
                lines.append(line); size += len(line)
        return "\n".join(lines) + "\n"

    def near_copy(self, text, rate=0.05):
        """Edit a few 10-30 character phrases until ~rate of the characters changed."""
        r = self.rng
        chars = list(text)
        budget = int(len(chars) * rate)
        while budget > 0 and len(chars) > 40:
            n = min(budget, r.randint(10, 30))
            i = r.randrange(0, len(chars) - n)
            chars[i:i + n] = [r.choice(self.alphabet) for _ in range(n)]
            budget -= n
        return "".join(chars)

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, help="output prefix: OUT.jsonl, OUT.truth.json, OUT.d/")
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--mb", type=float, help="target size of OUT.jsonl's texts in MB (UTF-8)")
    g.add_argument("--n", type=int, help="number of notices")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--seeds", default=os.path.join(ROOT, "Corpus", "notices"))
    ap.add_argument("--folder", action="store_true", help="also write one .txt file per notice in OUT.d/")
    ap.add_argument("--dup-rate", type=float, default=0.10)
    ap.add_argument("--near-rate", type=float, default=0.10)
    ap.add_argument("--trad-rate", type=float, default=0.03)
    ap.add_argument("--repeat-rate", type=float, default=0.15)
    a = ap.parse_args()

    gen = Gen(a.seed, a.seeds)
    r = gen.rng
    target = int(a.mb * 1e6) if a.mb else None
    texts, ids, kinds, exact, near = [], [], [], [], []
    originals = []  # indices of fresh notices (bases for copies)
    total = 0
    i = 0
    while (target is None and i < a.n) or (target is not None and total < target):
        x = r.random()
        nid = f"n{i:06d}"
        if originals and x < a.dup_rate:
            b = r.choice(originals)
            text, kind = texts[b], "exact"
            exact.append([ids[b], nid])
        elif originals and x < a.dup_rate + a.near_rate:
            b = r.choice(originals)
            text, kind = gen.near_copy(texts[b]), "near"
            near.append([ids[b], nid])
        else:
            text = gen.notice(r.randint(5000, 14000))  # 5k-14k chars, ~15-42 KB of UTF-8
            kind = "fresh"
            if r.random() < a.repeat_rate: text, kind = gen.repeat_runs(text), "repeats"
            if r.random() < a.trad_rate: text, kind = gen.to_trad(text), "traditional"
            originals.append(i)
        texts.append(text); ids.append(nid); kinds.append(kind)
        total += len(text.encode("utf-8"))
        i += 1

    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out + ".jsonl", "w", encoding="utf-8") as f:
        for nid, t in zip(ids, texts):
            f.write(json.dumps({"id": nid, "text": t}, ensure_ascii=False) + "\n")
    if a.folder:
        d = a.out + ".d"
        os.makedirs(d, exist_ok=True)
        for nid, t in zip(ids, texts):
            with open(os.path.join(d, nid + ".txt"), "w", encoding="utf-8") as f: f.write(t)
    counts = {k: kinds.count(k) for k in sorted(set(kinds))}
    truth = {"seed": a.seed, "notices": len(texts), "text_bytes": total, "kinds": counts,
             "traditional_converter": gen.trad_source, "exact": exact, "near": near}
    with open(a.out + ".truth.json", "w", encoding="utf-8") as f: json.dump(truth, f, ensure_ascii=False, indent=1)
    print(f"{len(texts)} notices, {total / 1e6:.1f} MB of text -> {a.out}.jsonl ({counts})", file=sys.stderr)

if __name__ == "__main__":
    main()
