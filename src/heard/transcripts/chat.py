"""CHILDES CHAT: records with their source lines, headers through pylangacq, clean speech text.

pylangacq (``strict=False``, since old conventions are the norm in real corpora) parses the
header block: participants, @ID roles and the target child's age. The main and dependent
tiers are scanned here, line by line, because a report must point at ``file:line`` and
pylangacq does not keep source lines; the raw tiers are kept since distress markers
(``[=! crying]``, ``&=whines``, ``%par``) are dropped from pylangacq's tokens anyway.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from heard.errors import E, UserError

_MAIN = re.compile(r"\*([^:\s]+):\s?(.*)")
_DEPENDENT = re.compile(r"%([A-Za-z0-9]+):\s?(.*)")
_HEADER = re.compile(r"@([^:\t]+):?\s?(.*)")
_BULLET = re.compile(r"\x15(\d+)_(\d+)\x15")


@dataclass(frozen=True)
class ChatRecord:
    """One main tier (``*MOT: ...``) with its continuation lines and dependent tiers."""

    line: int
    end_line: int
    speaker: str
    main: str
    tiers: tuple[tuple[str, str], ...]

    @property
    def time(self) -> float | None:
        """Start of the media bullet in seconds, when the line has one."""
        m = _BULLET.search(self.main)
        return int(m.group(1)) / 1000 if m else None


@dataclass(frozen=True)
class BadLine:
    line: int
    text: str


@dataclass(frozen=True)
class ChatScan:
    records: tuple[ChatRecord, ...]
    headers: tuple[tuple[int, str, str], ...]  # (line, name, value), in file order
    bad_lines: tuple[BadLine, ...]

    def header(self, name: str) -> str | None:
        return next((v for _, k, v in self.headers if k == name), None)


class _Builder:
    """Accumulates one record while its continuation and dependent lines arrive."""

    def __init__(self, line: int, speaker: str, main: str) -> None:
        self.line, self.end, self.speaker, self.main = line, line, speaker, main
        self.tiers: list[list[str]] = []

    def continue_with(self, line: int, text: str) -> None:
        self.end = line
        if self.tiers:
            self.tiers[-1][1] += " " + text
        else:
            self.main += " " + text

    def build(self) -> ChatRecord:
        return ChatRecord(self.line, self.end, self.speaker, self.main.strip(),
                          tuple((k, v.strip()) for k, v in self.tiers))


def scan(text: str) -> ChatScan:
    """Split CHAT text into records, headers and lines that are not CHAT (kept for the report)."""
    records: list[ChatRecord] = []
    headers: list[list] = []
    bad: list[BadLine] = []
    current: _Builder | None = None
    last_was_header = False
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        first = line[0]
        if first in "\t ":
            if current is not None and not last_was_header:
                current.continue_with(number, line.strip())
            elif headers and last_was_header:
                headers[-1][2] += " " + line.strip()  # e.g. @Participants wrapped over two lines
            else:
                bad.append(BadLine(number, line))
            continue
        if first == "*" and (m := _MAIN.fullmatch(line)):
            if current is not None:
                records.append(current.build())
            current, last_was_header = _Builder(number, m.group(1), m.group(2)), False
        elif first == "%" and (m := _DEPENDENT.fullmatch(line)) and current is not None:
            current.tiers.append([m.group(1), m.group(2)])
            current.end, last_was_header = number, False
        elif first == "@" and (m := _HEADER.fullmatch(line)):
            headers.append([number, m.group(1).strip(), m.group(2).strip()])
            last_was_header = True
        else:
            bad.append(BadLine(number, line))
    if current is not None:
        records.append(current.build())
    return ChatScan(tuple(records), tuple((int(a), str(b), str(c)) for a, b, c in headers), tuple(bad))


@dataclass(frozen=True)
class ChatHeader:
    """What the header block says: participants with their roles, the target child and age."""

    roles: tuple[tuple[str, str], ...]
    names: tuple[tuple[str, str], ...]
    child: str | None
    age_months: int | None
    corpus: str | None


def parse_header(scanned: ChatScan, where: str) -> ChatHeader:
    """Parse @Participants/@ID with pylangacq (``strict=False``); raise UserError E025 if it fails."""
    import pylangacq

    block = ["@UTF8", "@Begin"]
    block += [f"@{k}:\t{v}" for _, k, v in scanned.headers if k in ("Languages", "Participants", "ID")]
    block.append("@End")
    try:
        chat = pylangacq.CHAT.from_strs(["\n".join(block) + "\n"], strict=False)
        participants = chat.headers()[0].participants
    except Exception as exc:  # noqa: BLE001 - the Rust parser raises plain ValueError/RuntimeError
        raise UserError(E.E025, where=where, detail=str(exc).splitlines()[0][:200]) from None
    roles = tuple((p.code, p.role or "Unidentified") for p in participants)
    child = next((p for p in participants if p.role == "Target_Child"), None)
    return ChatHeader(roles, tuple((p.code, p.name or "") for p in participants),
                      child.code if child else None, _months(child.age if child else None),
                      (child.corpus or None) if child else None)


def _months(age: object) -> int | None:
    if age is None:
        return None
    try:
        return int(age.in_months())  # type: ignore[attr-defined]
    except (AttributeError, TypeError, ValueError):
        return None


# -- clean speech text -----------------------------------------------------------------------
# Order matters: drop bracketed annotations and events before stripping symbols inside words.
_CLEAN_STEPS: tuple[tuple[re.Pattern[str], str], ...] = (
    (_BULLET, " "),
    (re.compile(r"\[[^\]]*\]"), " "),  # [=! crying], [/], [+ PI], [% mother], [?]
    (re.compile(r"&[=\-+~*]?[^\s]*"), " "),  # &=laughs, &-um, &+fr, &ehrm (old fragments)
    (re.compile(r"\b(?:xxx|yyy|www|xx|yy)\b"), " "),  # unintelligible / untranscribed
    (re.compile(r"(?<!\S)0(?!\S)"), " "),  # "0": an action without speech
    (re.compile(r"\+[\"/.,<+^!?]*"), " "),  # +... +/. +" +, utterance linkers
    (re.compile(r"\(\.+\)|\(\d+(?:\.\d+)?\)"), " "),  # pauses (.) (..) (2.5)
    (re.compile(r"@[a-z:$]+"), ""),  # special forms: doggie@c, meow@o
    (re.compile(r"[<>⌈⌉⌊⌋↑↓„‡“”≈≋∆∇⁎⇗⇘∬∮↻°▁▔☺♋Ϋ∙]"), ""),
    (re.compile(r"(?<=\w)[:ˈˌ^](?=\w|\s|$)"), ""),  # lengthening no: and stress marks
    (re.compile(r"[()]"), ""),  # (be)cause -> because
    (re.compile(r"_"), " "),  # compounds ice_cream
)
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,!?])")
_SPACES = re.compile(r"\s+")


def clean(main: str) -> str:
    """Speech text of a main tier, ready to code: "<no [/] no> more milk [=! crying] ." -> "no no more milk."."""
    text = main
    for pattern, repl in _CLEAN_STEPS:
        text = pattern.sub(repl, text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", _SPACES.sub(" ", text)).strip()
    return text.lstrip(",. ").strip()


def terminator(main: str) -> str:
    """The utterance terminator (".", "?" or "!"), ignoring bullets and postcodes."""
    text = _BULLET.sub(" ", main)
    text = re.sub(r"\[\+[^\]]*\]", " ", text).rstrip()
    for ch in reversed(text):
        if ch in ".?!":
            return ch
        if not ch.isspace():
            break
    return "."


def insert_tiers(text: str, additions: dict[int, str]) -> Iterator[str]:
    """Lines of ``text`` with ``additions[end_line]`` inserted after that line (for write-back)."""
    for number, line in enumerate(text.splitlines(), 1):
        yield line
        if number in additions:
            yield additions[number]
