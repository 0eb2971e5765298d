#!/usr/bin/env python3
"""Builds Sources/NewsbusExtract/Resources/clusters.tsv: for each frequent word of unlabeled news text, a
distributional cluster and how often the word is capitalised inside a sentence. A cheap substitute for Brown
clusters: PPMI left/right context vectors over the most frequent words, truncated SVD, k-means.

Unlabeled text: ../shared/data/articles/fr-news.jsonl.gz (modern French news, internal use only: only the word
list with cluster numbers and capitalisation buckets is kept, no text) and the token columns of the NER
training files in ../shared/data/ner/ (historical French, English Reuters news).

Run: python3 scripts/build-clusters.py [SHARED_DATA_DIR]   (deterministic: fixed seeds)
"""
import gzip
import json
import os
import re
import sys
from collections import Counter

import numpy as np

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data")
OUT = os.path.join(ROOT, "Sources/NewsbusExtract/Resources/clusters.tsv")
VOCAB, CONTEXT, DIM, K = 30000, 1000, 100, 256
TOKEN = re.compile(r"(?i)\b(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’]|[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+|[^\w\s]")


def sentences():
    with gzip.open(os.path.join(DATA, "articles", "fr-news.jsonl.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            article = json.loads(line)
            for paragraph in ((article.get("title") or "") + "\n" + article["text"]).split("\n"):
                for part in re.split(r"(?<=[.!?])\s+", paragraph):
                    yield [t.replace("’", "'") for t in TOKEN.findall(part)]
    for name in sorted(os.listdir(os.path.join(DATA, "ner"))):
        if name.endswith(".conll.gz"):
            with gzip.open(os.path.join(DATA, "ner", name), "rt", encoding="utf-8") as f:
                sentence = []
                for line in f:
                    line = line.rstrip("\n")
                    if not line or line.startswith("-DOCSTART-"):
                        if sentence:
                            yield sentence
                        sentence = []
                    else:
                        sentence.append(line.split("\t")[0])
                if sentence:
                    yield sentence


def main():
    corpus = [[w.lower() for w in s] for s in sentences()]
    caps, total = Counter(), Counter()
    for s in sentences():
        for i, w in enumerate(s):
            if i > 0 and w[:1].isalpha():
                total[w.lower()] += 1
                if w[:1].isupper():
                    caps[w.lower()] += 1
    counts = Counter(w for s in corpus for w in s)
    vocab = [w for w, c in counts.most_common(VOCAB) if c >= 3]
    index = {w: i for i, w in enumerate(vocab)}
    context = {w: i for i, w in enumerate(vocab[:CONTEXT])}
    matrix = np.zeros((len(vocab), 2 * CONTEXT), dtype=np.float32)
    for s in corpus:
        ids = [index.get(w, -1) for w in s]
        ctx = [context.get(w, -1) for w in s]
        for i, wid in enumerate(ids):
            if wid < 0:
                continue
            if i > 0 and ctx[i - 1] >= 0:
                matrix[wid, ctx[i - 1]] += 1
            if i + 1 < len(s) and ctx[i + 1] >= 0:
                matrix[wid, CONTEXT + ctx[i + 1]] += 1
    total_count = matrix.sum()
    rows = matrix.sum(1, keepdims=True) + 1e-9
    cols = matrix.sum(0, keepdims=True) + 1e-9
    with np.errstate(divide="ignore"):
        ppmi = np.maximum(np.log(matrix * total_count / rows / cols), 0)
    ppmi[~np.isfinite(ppmi)] = 0
    u, sv, _ = np.linalg.svd(ppmi, full_matrices=False)
    vectors = u[:, :DIM] * np.sqrt(sv[:DIM])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    rng = np.random.default_rng(7)
    centres = vectors[rng.choice(len(vectors), K, replace=False)]
    for _ in range(25):
        assign = np.argmax(vectors @ centres.T, axis=1)
        for k in range(K):
            members = vectors[assign == k]
            if len(members):
                c = members.mean(0)
                centres[k] = c / (np.linalg.norm(c) + 1e-9)
    assign = np.argmax(vectors @ centres.T, axis=1)

    def bucket(w):
        n = total[w]
        if n < 3:
            return 9 if n == 0 else 8
        r = caps[w] / n
        return 0 if r < 0.05 else 1 if r < 0.3 else 2 if r < 0.7 else 3 if r < 0.95 else 4

    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# word, cluster (k-means over SVD of PPMI context vectors), capitalised-inside-sentence bucket\n")
        f.write("# built by scripts/build-clusters.py from unlabeled news text; see docs/MODELS.md\n")
        for w in vocab:
            if "\t" not in w:
                f.write(f"{w}\t{assign[index[w]]}\t{bucket(w)}\n")
    print(f"{len(vocab)} words, {K} clusters -> {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
