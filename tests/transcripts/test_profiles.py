from __future__ import annotations

import pytest

from heard.transcripts import code_turns
from heard.transcripts.config import Options
from heard.transcripts.profiles import Aggregate, Profile, age_band, summary_of
from heard.transcripts.readers import read_transcript
from heard.types import CODES


@pytest.fixture()
def result(fixtures, fake_engine):
    return code_turns(read_transcript(fixtures / "mini.cha"), fake_engine, Options())


def test_profiles_per_speaker_counts_turns_words_and_codes(result):
    mot = next(s for s in result.speakers if s.speaker == "MOT")
    assert mot.caregiver and mot.role == "Mother"
    assert mot.profile.turns == 8 and mot.profile.responses == 2
    assert mot.profile.codes == {"acknowledge": 2, "other": 4}
    assert mot.profile.sentences == 6 and mot.profile.attuned_share == 1.0
    assert mot.profile.words_in_distress == 21
    inv = next(s for s in result.speakers if s.speaker == "INV")
    assert not inv.caregiver and inv.profile.responses == 0


def test_profiles_turns_to_first_acknowledgment(result):
    assert [e.turns_to_ack for e in result.episodes] == [1, 2]
    assert result.total.mean_turns_to_ack == 1.5


def test_profiles_rates_add_up_to_code_counts(result):
    d = result.to_dict()["total"]
    assert set(d["codes"]) == set(CODES)
    for code in CODES:
        assert d["rates"][code] == round(d["codes"][code] / d["sentences"], 4)


def test_profiles_survive_a_round_trip_through_the_summary(result):
    total = result.total
    assert Profile.from_dict(total.to_dict()) == total


def test_profiles_aggregate_groups_by_corpus_child_and_age_band(result):
    agg = Aggregate()
    agg.add(summary_of(result))
    agg.add(summary_of(result))
    d = agg.to_dict()
    assert d["total"]["transcripts"] == 2 and d["total"]["responses"] == 2 * result.total.responses
    assert list(d["by_corpus"]) == ["Mini"] and list(d["by_child"]) == ["Mini/Ada"]
    assert list(d["by_age_band"]) == ["24-35m"]


@pytest.mark.parametrize(("months", "band"), [(None, "unknown"), (0, "0-11m"), (14, "12-23m"), (30, "24-35m"),
                                              (59, "48-59m"), (70, "60m+")])
def test_profiles_age_band(months, band):
    assert age_band(months) == band
