"""Options for ``heard code``: one frozen value, built from CLI flags and an optional config file.

The config file (YAML or JSON) is validated with pydantic because it is user-written input at
the edge; everything inside the library works with the frozen :class:`Options`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from heard.errors import E, UserError
from heard.transcripts.types import DEFAULT_CAREGIVER_ROLES

MAX_FILE_MB = 20.0

# Speaker labels of plain-text and CSV transcripts that map to a role without configuration.
DEFAULT_SPEAKERS = {
    "mom": "Mother", "mum": "Mother", "mommy": "Mother", "mummy": "Mother", "mama": "Mother",
    "mother": "Mother", "mot": "Mother", "dad": "Father", "daddy": "Father", "papa": "Father",
    "father": "Father", "fat": "Father", "grandma": "Grandmother", "granny": "Grandmother",
    "grandmother": "Grandmother", "gra": "Grandmother", "grandpa": "Grandfather", "grandfather": "Grandfather",
    "grf": "Grandfather", "child": "Target_Child", "kid": "Target_Child", "chi": "Target_Child",
    "parent": "Parent", "caregiver": "Caregiver", "teacher": "Teacher", "inv": "Investigator",
    "sister": "Sister", "sis": "Sister", "brother": "Brother", "bro": "Brother",
}


@dataclass(frozen=True)
class Options:
    """How to read transcripts, find distress episodes and code the responses."""

    window_turns: int = 4
    window_seconds: float | None = None
    caregiver_roles: frozenset[str] = DEFAULT_CAREGIVER_ROLES
    speakers: tuple[tuple[str, str], ...] = ()  # extra speaker label -> role, e.g. ("Nana", "Grandmother")
    child: str | None = None  # speaker code/label of the target child, when not declared
    age_months: int | None = None  # for formats with no header (plain, CSV, JSONL)
    situation: str | None = None
    max_file_mb: float = MAX_FILE_MB
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def role_of(self, speaker: str) -> str | None:
        """The role configured for ``speaker`` (case-insensitive), else a default, else None."""
        key = speaker.strip().lower()
        for name, role in self.speakers:
            if name.lower() == key:
                return role
        return DEFAULT_SPEAKERS.get(key)

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)


class ConfigFile(BaseModel):
    """The optional config file (``--config heard-code.yml``)."""

    model_config = ConfigDict(extra="forbid")

    speakers: dict[str, str] = Field(default_factory=dict)
    caregiver_roles: list[str] | None = None
    add_caregiver_roles: list[str] = Field(default_factory=list)
    child: str | None = None
    age_months: int | None = Field(default=None, ge=0, le=216)
    situation: str | None = None
    window_turns: int | None = Field(default=None, ge=1, le=50)
    window_seconds: float | None = Field(default=None, gt=0)
    max_file_mb: float | None = Field(default=None, gt=0)


def load_config(path: Path) -> ConfigFile:
    """Read and validate a YAML or JSON config file, or raise UserError E029."""
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
        return ConfigFile.model_validate(data or {})
    except FileNotFoundError:
        raise UserError(E.E010, path=path) from None
    except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError) as exc:
        detail = _validation_detail(exc) if isinstance(exc, ValidationError) else str(exc).splitlines()[0]
        raise UserError(E.E029, path=path, detail=detail) from None


def _validation_detail(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "file"
    return f"{where}: {first['msg']}"


def apply_config(options: Options, config: ConfigFile) -> Options:
    """Options with the config file's fields applied (CLI flags are applied after, and win)."""
    roles = frozenset(config.caregiver_roles) if config.caregiver_roles is not None else options.caregiver_roles
    changes: dict[str, Any] = {
        "caregiver_roles": roles | frozenset(config.add_caregiver_roles),
        "speakers": tuple(config.speakers.items()) + options.speakers,
    }
    for name in ("child", "age_months", "situation", "window_turns", "window_seconds", "max_file_mb"):
        value = getattr(config, name)
        if value is not None:
            changes[name] = value
    return replace(options, **changes)


def parse_speaker(value: str) -> tuple[str, str]:
    """``"Mom=Mother"`` -> ``("Mom", "Mother")``, or UserError E031."""
    name, sep, role = value.partition("=")
    if not sep or not name.strip() or not role.strip():
        raise UserError(E.E031, value=value)
    return name.strip(), role.strip()
