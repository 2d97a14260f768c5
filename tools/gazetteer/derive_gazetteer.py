#!/usr/bin/env python3
"""Derives a name gazetteer (TSV: normalized entry, type, count) from a BIO-tagged corpus.

Usage:
  derive_gazetteer.py anercorp <ANERCorp_CamelLab_train.txt> <out.tsv> [--part train|all]
  derive_gazetteer.py wnut17   <wnut17train.conll>          <out.tsv>

For ANERcorp, `--part train` (the default) leaves out the evaluation's dev part, the last 10% of
the file's sentences (rounded down, as tests/GrpcNlp.Evaluation/NerSplit.cs carves it), so that
dev figures are measured with a list that never saw the dev names; `--part all` reads every
sentence.

Entries are normalized like the service's search normalization (case folded, Arabic diacritics
and tatweel removed, alef variants, alef maqsura and teh marbuta folded, digits to ASCII), so
they compare directly with token norms. An entry is kept when it was seen at least twice and
its most frequent type covers at least 75% of its occurrences; a one-token entry must also be
tagged as a name in at least half of all its occurrences, so common words sometimes tagged are
dropped. Arabic entries whose first word carries a proclitic (wa-, fa-, bi-, li-, ka-, al-
combinations) are folded into the bare form when the bare form is itself an entry.
"""
import sys
import unicodedata
from collections import Counter, defaultdict

TYPES = {
    "PERS": "PERSON", "PER": "PERSON", "LOC": "LOCATION", "ORG": "ORGANIZATION", "MISC": "MISC",
    "person": "PERSON", "location": "LOCATION", "corporation": "ORGANIZATION",
    "group": "ORGANIZATION", "product": "MISC", "creative-work": "MISC",
}
PROCLITICS = ["وبال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "و", "ف", "ب", "ل", "ك"]


def fold(text):
    out = []
    for ch in unicodedata.normalize("NFKC", text):
        code = ord(ch)
        if 0x064B <= code <= 0x065F or code == 0x0670 or 0x06D6 <= code <= 0x06ED or code == 0x0640:
            continue
        if ch in "أإآٱ":
            ch = "ا"
        elif ch == "ى":
            ch = "ي"
        elif ch == "ة":
            ch = "ه"
        elif ch.isdigit() and unicodedata.digit(ch, None) is not None:
            ch = str(unicodedata.digit(ch))
        out.append(ch)
    return "".join(out).lower()


def read_sentences(path):
    sentence = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if sentence:
                    yield sentence
                sentence = []
                continue
            parts = line.split("\t") if "\t" in line else line.split(" ")
            sentence.append((parts[0], parts[-1]))
    if sentence:
        yield sentence


def main():
    kind, src, dst = sys.argv[1], sys.argv[2], sys.argv[3]
    part = sys.argv[5] if len(sys.argv) > 5 and sys.argv[4] == "--part" else "train"
    if part not in ("train", "all"):
        sys.exit(f"unknown part {part!r}: use train or all")
    arabic = kind == "anercorp"
    sentences = list(read_sentences(src))
    if arabic and part == "train":
        sentences = sentences[: len(sentences) - len(sentences) // 10]
    entity_types = defaultdict(Counter)
    token_total = Counter()
    for sentence in sentences:
        current, current_type = [], None
        for word, tag in sentence + [("", "O")]:
            token_total[fold(word)] += 1
            if tag.startswith("I-") and current and TYPES.get(tag[2:]) == current_type:
                current.append(word)
                continue
            if current:
                entity_types[" ".join(fold(w) for w in current)][current_type] += 1
            current, current_type = [], None
            if tag[:2] in ("B-", "I-") and tag[2:] in TYPES:
                current, current_type = [word], TYPES[tag[2:]]

    if arabic:
        for entry in sorted(entity_types, key=len, reverse=True):
            for clitic in PROCLITICS:
                if entry.startswith(clitic) and len(entry) - len(clitic) >= 2:
                    bare = entry[len(clitic):]
                    if clitic.endswith("ال") or clitic == "لل":
                        bare = "ال" + bare
                    if bare in entity_types and bare != entry:
                        entity_types[bare].update(entity_types.pop(entry))
                        break

    rows = []
    for entry, types in entity_types.items():
        total = sum(types.values())
        best, best_count = types.most_common(1)[0]
        if total < 2 or best_count < 0.75 * total or not any(c.isalpha() for c in entry):
            continue
        if " " not in entry:
            # Two-letter Arabic entries are mostly clitic fragments; they would match inside words.
            if len(entry) < (3 if arabic else 2) or best_count < 0.5 * max(token_total[entry], 1):
                continue
        if not arabic and entry.startswith(("@", "#", "http")):
            continue
        rows.append((entry, best, total))
    rows.sort()
    with open(dst, "w", encoding="utf-8", newline="\n") as f:
        f.write("# entry\ttype\tcount\n")
        for entry, best, total in rows:
            f.write(f"{entry}\t{best}\t{total}\n")


if __name__ == "__main__":
    main()
