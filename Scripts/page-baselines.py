#!/usr/bin/env python3
"""Headline accuracy and a charset-correct text F1 for trafilatura, beside ../shared/bench/baseline_extract.py.

usage: Scripts/page-baselines.py CORPUS
  CORPUS: the readability test pages (folders holding source.html, expected.html, expected-metadata.json).
Prints one line: "baseline trafilatura titles R/N titles_but_site_name S text_f1_utf8 F".

baseline_extract.py reads expected.html through lxml without a charset, so as Latin-1, which garbles the
non-ASCII words of the reference for every extractor alike; text_f1_utf8 scores the same word 4-shingles
against the reference read as UTF-8. Titles are compared as mandate-bench's `pages` case compares them:
white space collapsed, otherwise exact; "but site name" counts misses where the expected title is the
extracted one plus a separator and more (the site's name). Needs: pip install trafilatura lxml_html_clean
"""
import json, os, re, sys
from collections import Counter
import trafilatura
import lxml.html

def shingles(text, n=4):
    w = re.findall(r"\w+", text.lower())
    return Counter(tuple(w[i:i + n]) for i in range(max(1, len(w) - n + 1))) if w else Counter()

def collapse(text):
    return " ".join((text or "").split())

SEPARATORS = set("|-–—:·/»_[(•\\")

def differs_by_site_name(expected, got):
    if not got or len(expected) <= len(got):
        return False
    if expected.startswith(got):
        rest = expected[len(got):].strip()
        return bool(rest) and rest[0] in SEPARATORS
    if expected.endswith(got):
        rest = expected[:-len(got)].strip()
        return bool(rest) and rest[-1] in SEPARATORS
    return False

def main():
    root = sys.argv[1]
    tp = fp = fn = 0
    right = site = total = 0
    for name in sorted(os.listdir(root)):
        folder = os.path.join(root, name)
        source = os.path.join(folder, "source.html")
        if not os.path.isfile(source):
            continue
        data = open(source, "rb").read()
        text = trafilatura.extract(data) or ""
        expected = os.path.join(folder, "expected.html")
        if os.path.exists(expected):
            parser = lxml.html.HTMLParser(encoding="utf-8")
            want = shingles(lxml.html.fromstring(open(expected, "rb").read(), parser=parser).text_content())
            got = shingles(text)
            common = sum((want & got).values())
            tp += common; fp += sum(got.values()) - common; fn += sum(want.values()) - common
        meta = os.path.join(folder, "expected-metadata.json")
        if os.path.exists(meta):
            title = json.load(open(meta)).get("title")
            if title is not None:
                total += 1
                metadata = trafilatura.extract_metadata(data)
                got_title = collapse(metadata.title if metadata else "")
                if collapse(title) == got_title:
                    right += 1
                elif differs_by_site_name(collapse(title), got_title):
                    site += 1
    prec = tp / (tp + fp or 1); rec = tp / (tp + fn or 1)
    f1 = 2 * prec * rec / (prec + rec or 1)
    print(f"baseline trafilatura titles {right}/{total} titles_but_site_name {site} text_f1_utf8 {f1:.3f}")

main()
