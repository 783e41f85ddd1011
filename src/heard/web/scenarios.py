"""The practice library: scenarios shipped as data (``scenarios.yaml``), loaded once."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from heard.errors import E, UserError
from heard.types import Context

SCENARIOS_FILE = Path(__file__).with_name("scenarios.yaml")


@dataclass(frozen=True)
class Scenario:
    """One practice moment and an attuned response to compare with afterwards."""

    id: str
    title: str
    age_months: int
    setting: str
    theme: str
    situation: str
    child: str
    example: str

    @property
    def context(self) -> Context:
        return Context(self.age_months, self.situation, self.child)

    @property
    def age_label(self) -> str:
        return age_label(self.age_months)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "age_months": self.age_months, "setting": self.setting,
                "theme": self.theme, "situation": self.situation, "child": self.child, "example": self.example}


def age_label(months: int | None) -> str:
    """"22 months" under three, else "4 years 2 months" (how caregivers say ages)."""
    if months is None:
        return ""
    if months < 36:
        return f"{months} month{'s' if months != 1 else ''}"
    years, rest = divmod(months, 12)
    return f"{years} years" + (f" {rest} month{'s' if rest != 1 else ''}" if rest else "")


@functools.lru_cache(maxsize=1)
def load_scenarios(path: str = str(SCENARIOS_FILE)) -> tuple[Scenario, ...]:
    """All scenarios, in file order (validated: unique ids, every field present)."""
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    scenarios = tuple(Scenario(**{k: item[k] for k in Scenario.__dataclass_fields__}) for item in raw)
    ids = [s.id for s in scenarios]
    if len(set(ids)) != len(ids):
        raise ValueError(f"duplicate scenario ids in {path}")
    return scenarios


def get_scenario(scenario_id: str) -> Scenario:
    """The scenario with this id, or E054."""
    for s in load_scenarios():
        if s.id == scenario_id:
            return s
    raise UserError(E.E054, id=scenario_id[:64])
