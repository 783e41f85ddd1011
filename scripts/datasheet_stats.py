"""Print the figures of data/README.md (label counts, splits, coverage) as Markdown.

    .venv/bin/python scripts/datasheet_stats.py
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from heard.types import CODES

ROOT = Path(__file__).resolve().parents[1]


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> None:
    raw = [r for p in sorted((ROOT / "data" / "raw").glob("*.jsonl")) for r in rows(p)]
    sents = [s for r in raw for s in r["sentences"]]
    groups = Counter(f"{r['id'].split('-')[0]}/{r.get('group', r['id'])}" for r in raw)
    ages = [r["context"]["age_months"] for r in raw if "age_months" in r.get("context", {})]
    bands = Counter("0-11 m" if a < 12 else "12-35 m" if a < 36 else "3-5 y" if a < 72 else "6-10 y" for a in ages)
    situations = {r["context"].get("situation", "").strip().lower() for r in raw} - {""}
    speakers = Counter(r.get("speaker", "unknown") for r in raw)
    print(f"- responses: {len(raw):,}; sentences: {len(sents):,}; "
          f"multi-code sentences: {sum(len(s['codes']) > 1 for s in sents):,}")
    print(f"- contrast groups (2+ responses sharing a group): {sum(1 for n in groups.values() if n > 1):,}")
    print(f"- distinct situations: {len(situations):,}; ages {min(ages)}-{max(ages)} months: "
          + ", ".join(f"{k} {v}" for k, v in sorted(bands.items())))
    print("- speakers: " + ", ".join(f"{k} {v}" for k, v in speakers.most_common()))
    print(f"- CHAT-style child evidence: {sum('CHI:' in (r['context'].get('child') or '') for r in raw):,} responses")
    print()
    print("| code | sentences | train | dev | test |")
    print("|---|---:|---:|---:|---:|")
    split = {n: Counter(c for r in rows(ROOT / "data" / "splits" / f"{n}.jsonl") for s in r["sentences"]
                        for c in s["codes"]) for n in ("train", "dev", "test")}
    total = Counter(c for s in sents for c in s["codes"])
    for c in CODES:
        print(f"| `{c}` | {total[c]:,} | {split['train'][c]:,} | {split['dev'][c]:,} | {split['test'][c]:,} |")
    print()
    for n in ("train", "dev", "test"):
        rs = rows(ROOT / "data" / "splits" / f"{n}.jsonl")
        print(f"- {n}: {len(rs):,} responses, {sum(len(r['sentences']) for r in rs):,} sentences")


if __name__ == "__main__":
    main()
