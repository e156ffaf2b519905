"""What the parser is given: blanked datelines and rewritten English hyphen modifiers."""

from __future__ import annotations

import pytest

from coder.doc import Story
from coder.parse import text_key
from coder.text import blank_dateline, for_parser


@pytest.mark.parametrize("text,expected", [
    ("BEIRUT, Dec 6 (Reuters) - Syrian troops advanced.", "Syrian troops advanced."),
    ("Damas, 6 décembre 2016 (AFP) - L'armée a avancé.", "L'armée a avancé."),
    ("WASHINGTON — The Senate voted.", "The Senate voted."),
    ("The Senate voted - again.", "The Senate voted - again."),
])
def test_dateline_blanked_keeping_offsets(text, expected):
    out = blank_dateline(text)
    assert len(out) == len(text) and out.strip() == expected


@pytest.mark.parametrize("text,expected", [
    ("The Saudi-led coalition eased its blockade.", "The Saudi coalition eased its blockade."),
    ("The U.S.-led coalition struck.", "The U.S. coalition struck."),
    ("Iran-backed Houthi rebels fired missiles.", "Houthi rebels fired missiles."),
    ("The Iran-backed militia fired.", "The militia fired."),
    ("United States-backed forces advanced.", "forces advanced."),
    ("A London-based monitor said.", "A monitor said."),
    ("Troops stopped a Europe-bound ship.", "Troops stopped a ship."),
    ("Rebels fought the UN-recognised government.", "Rebels fought the government."),
    ("A self-styled leader said.", "A self-styled leader said."),
])
def test_english_hyphen_modifiers(text, expected):
    out = for_parser(text, "en")
    assert len(out) == len(text) and " ".join(out.split()) == expected


def test_hyphen_modifiers_only_in_english():
    assert for_parser("La coalition pro-Saudi-led", "fr") == "La coalition pro-Saudi-led"


def test_cache_key_changes_only_for_rewritten_texts():
    plain = Story("a", "Syrian troops advanced.", language="en")
    assert text_key(plain, "m") == text_key(Story("b", plain.text, language="fr"), "m")
    led = Story("a", "Saudi-led forces advanced.", language="en")
    assert text_key(led, "m") != text_key(Story("b", led.text, language="fr"), "m")
