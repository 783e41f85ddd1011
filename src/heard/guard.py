"""Input checks shared by the API, the CLI and the web app.

Limits are documented in docs/cli.md; every failure is a :class:`~heard.errors.UserError`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from heard.errors import E, UserError
from heard.segment import has_letters
from heard.types import Context

MAX_TEXT_CHARS = 5_000
MAX_FIELD_CHARS = 2_000
MAX_SENTENCES = 200
# Languages heard recognises in order to say "this is Spanish, not English".
_OTHER_LANGUAGES = {
    "es": "Spanish",
    "fr": "French",
    "de": "German",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "pl": "Polish",
    "tr": "Turkish",
    "id": "Indonesian",
    "sv": "Swedish",
}
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def _script_of(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ")[0] if name else "UNKNOWN"


def _non_latin_script(text: str) -> str | None:
    if text.isascii():
        return None  # the common case, without a Unicode-name lookup per character
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None
    scripts = Counter(_script_of(c) for c in letters)
    script, n = scripts.most_common(1)[0]
    names = {
        "CJK": "Chinese or Japanese",
        "HIRAGANA": "Japanese",
        "KATAKANA": "Japanese",
        "HANGUL": "Korean",
        "CYRILLIC": "Cyrillic-script text",
        "ARABIC": "Arabic",
        "HEBREW": "Hebrew",
        "DEVANAGARI": "Hindi or another Devanagari-script language",
        "GREEK": "Greek",
        "THAI": "Thai",
    }
    if script == "LATIN" or n / len(letters) <= 0.5:
        return None
    return names.get(script, f"text in {script.title()} script")


def _foreign_language(words: list[str]) -> str | None:
    from wordfreq import zipf_frequency

    if len(words) < 3 or all(zipf_frequency(w, "en") >= 3.0 for w in words):
        return None  # common English words only: no need to load other languages
    votes: Counter[str] = Counter()
    for w in words:
        en = zipf_frequency(w, "en")
        lang, best = max(((code, zipf_frequency(w, code)) for code in _OTHER_LANGUAGES), key=lambda t: t[1])
        if best >= 2.5 and best - en >= 1.5:
            votes[lang] += 1
    total = sum(votes.values())
    if total / len(words) < 0.5:
        return None
    return _OTHER_LANGUAGES[votes.most_common(1)[0][0]]


# CHAT notation (speaker codes, &=events, [annotations], xxx) is not language evidence.
_CHAT_NOTATION = re.compile(r"\*?[A-Z]{3}:|&[=+-]?\S*|\[[^\]]*\]|\b(?:xxx|yyy|www)\b|\S+@\S+")


def detect_non_english(text: str) -> str | None:
    """The language or script ``text`` seems to be in when it is clearly not English, else None."""
    text = _CHAT_NOTATION.sub(" ", text)
    script = _non_latin_script(text)
    if script:
        return script
    return _foreign_language([w.lower() for w in _WORD.findall(text)])


def check_text(text: str) -> str:
    """Validate a response to check; returns it unchanged or raises UserError."""
    if not text or not text.strip():
        raise UserError(E.E001)
    if len(text) > MAX_TEXT_CHARS:
        raise UserError(E.E002, size=len(text), limit=MAX_TEXT_CHARS)
    if not has_letters(text):
        raise UserError(E.E005, sample=text.strip()[:20])
    language = detect_non_english(text)
    if language:
        raise UserError(E.E004, language=language)
    return text


def check_context(context: Context | None, user_input: bool = True) -> Context:
    """Validate the context fields: sizes and age always; for what a person typed
    (``user_input``) also that a given field is not blank and that ``situation`` is English.

    The ``child`` field is never language-checked: it quotes child speech ("dere cow!",
    babble, CHAT codes), which is rightly not standard English. Annotated files and
    transcripts (``user_input=False``) are coded as they are.
    """
    if context is None:
        return Context()
    age = context.age_months
    if age is not None and (isinstance(age, bool) or not isinstance(age, int) or not 0 <= age <= 216):
        raise UserError(E.E007, value=age)
    for name in ("situation", "child"):
        value = getattr(context, name)
        if value is None:
            continue
        if len(value) > MAX_FIELD_CHARS:
            raise UserError(E.E008, field=name, size=len(value), limit=MAX_FIELD_CHARS)
        if user_input and not value.strip():
            raise UserError(E.E013, field=name)
        found = detect_non_english(value) if user_input and name == "situation" else None
        if found:
            raise UserError(E.E012, field=name, language=found)
    return context


def decode_bytes(data: bytes, source: str = "input") -> str:
    """Decode UTF-8 input (stdin, files, uploads) or raise a clear UserError."""
    if b"\x00" in data[:8192]:
        raise UserError(E.E003, detail=f"{source} looks like a binary file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(
            E.E003, detail=f"{source}: invalid byte 0x{data[exc.start]:02x} at position {exc.start}"
        ) from None
