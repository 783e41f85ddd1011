"""Quick checker for a raw annotation batch: python scripts/check_raw.py data/raw/FILE.jsonl"""

import collections
import json
import sys

CODES = {
    "acknowledge",
    "validate",
    "presence",
    "limit",
    "project",
    "minimize",
    "stop",
    "regulate",
    "redirect",
    "moralize",
    "punish",
    "other",
}
path = sys.argv[1]
counts: collections.Counter = collections.Counter()
groups: collections.Counter = collections.Counter()
ids = set()
n_resp = n_sent = n_multi = 0
situations = set()
ages = []
for i, line in enumerate(open(path, encoding="utf-8"), 1):  # noqa: SIM115 - a throwaway checker
    if not line.strip():
        continue
    try:
        r = json.loads(line)
    except json.JSONDecodeError as e:
        sys.exit(f"{path}:{i}: broken JSON: {e}")
    assert isinstance(r.get("id"), str) and r["id"] not in ids, f"{path}:{i}: missing/duplicate id"
    ids.add(r["id"])
    ctx = r.get("context") or {}
    assert isinstance(ctx, dict), f"{path}:{i}: context must be an object"
    if "age_months" in ctx:
        assert isinstance(ctx["age_months"], int), f"{path}:{i}: age_months must be int"
        ages.append(ctx["age_months"])
    situations.add(ctx.get("situation", ""))
    groups[r.get("group", r["id"])] += 1
    sents = r.get("sentences")
    assert isinstance(sents, list) and sents, f"{path}:{i}: sentences must be a non-empty list"
    n_resp += 1
    for s in sents:
        codes = s.get("codes")
        assert isinstance(s.get("text"), str) and s["text"].strip(), f"{path}:{i}: empty text"
        assert isinstance(codes, list) and codes, f"{path}:{i}: codes missing"
        bad = set(codes) - CODES
        assert not bad, f"{path}:{i}: unknown codes {bad}"
        assert not ("other" in codes and len(codes) > 1), f"{path}:{i}: other combined"
        n_sent += 1
        n_multi += len(codes) > 1
        counts.update(codes)
print(
    f"{n_resp} responses, {n_sent} sentences, {n_multi} multi-code, "
    f"{sum(1 for g, c in groups.items() if c > 1)} contrast groups, {len(situations)} situations, "
    f"ages {min(ages, default=None)}-{max(ages, default=None)}"
)
for c in sorted(CODES):
    print(f"  {c:12s} {counts[c]}")
