"""Per-code cases (tests/cases/<code>.yml) as parametrized specifications of the engine."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from heard import CODES, Context

CASES = Path(__file__).parent / "cases"


def _load() -> list:
    params = []
    for path in sorted(CASES.glob("*.yml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            params.append(pytest.param(case, id=f"{path.stem}-{case['id']}"))
    return params


def test_cases_cover_every_code():
    assert {p.stem for p in CASES.glob("*.yml")} == set(CODES)


@pytest.mark.parametrize("case", _load())
def test_case(engine, case):
    result = engine.check(case["text"], Context(**case.get("context", {})))
    labels = set(result.sentences[case.get("sentence", 0)].labels)
    assert set(case.get("expect", [])) <= labels, f"expected {case['expect']}, got {sorted(labels)}"
    assert not set(case.get("absent", [])) & labels, f"must not have {case['absent']}, got {sorted(labels)}"
