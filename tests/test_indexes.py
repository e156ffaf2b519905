"""The speed-ups of the coder's look-ups give the same answers as the plain computations:
phrase matches with a per-sentence memo, the bit index of condition words, FEATS parsing."""

from __future__ import annotations

import pickle

import pytest

from coder.dictionaries.phrases import PhraseIndex, WordSet, WordSetIndex, region_keys
from coder.doc import Token


def words(*rows: tuple[str, str | None]) -> list[Token]:
    """Tokens from (form, surface) pairs; the lemma is the lower-cased form."""
    return [Token(i, form, form.lower(), "NOUN", "_", 0, "dep", surface=surface)
            for i, (form, surface) in enumerate(rows, 1)]


@pytest.fixture
def index() -> PhraseIndex[str]:
    idx: PhraseIndex[str] = PhraseIndex()
    for name, value in [("Korea", "KOR"), ("North Korea", "PRK"), ("Russia", "RUS"), ("US", "USA"),
                        ("al-Assad", "ASSAD"), ("Saudi Arabia", "SAU")]:
        idx.add(name, value)
    return idx


def test_find_with_a_memo_matches_find_without(index):
    toks = words(("North", None), ("Korea", None), ("and", None), ("Russia's", "Russia's"), ("", ""),
                 ("al", None), ("-", None), ("Assad", None), ("US", None), ("Saudi", None), ("Arabia", None))
    toks[3].form, toks[4].form = "Russia", "'s"  # one surface token, two words
    regions = [None, [1, 2], [2], [2, 3, 4, 5], [4, 5], [6, 7, 8], [6, 8], [9, 10], [10, 11], [10], [1, 3, 4]]
    memo: dict = {}
    for allowed in regions:
        plain = index.find(toks, allowed)
        assert index.find(toks, allowed, memo=memo) == plain
    assert [(m.start, m.end, m.values) for m in index.find(toks)] == [
        (1, 2, ("PRK",)), (4, 4, ("RUS",)), (6, 8, ("ASSAD",)), (9, 9, ("USA",)), (10, 11, ("SAU",))]
    assert [(m.start, m.end) for m in index.find(toks, [2, 3, 4], memo=memo)] == [(2, 2), (4, 4)]


def test_find_memo_keeps_lemma_matches_apart(index):
    toks = words(("Russians", None))
    toks[0].lemma = "Russia"
    memo: dict = {}
    assert index.find(toks, [1], memo=memo) == []
    assert [m.values for m in index.find(toks, [1], use_lemma=True, memo=memo)] == [("RUS",)]
    assert index.find(toks, [1], memo=memo) == []


def test_names_added_after_a_search_are_found(index):
    toks = words(("Kyiv", None))
    assert index.find(toks) == []
    index.add("Kyiv", "UKR")
    assert [m.values for m in index.find(toks)] == [("UKR",)]


def test_word_set_index_agrees_with_each_set():
    sets = [WordSet(["ceasefire", "truce"]), WordSet(["cessez-le-feu"]), WordSet(["UN"]), WordSet(["aid"]),
            WordSet(["al Qaeda", "talks"])]
    index = WordSetIndex(sets)
    for sentence in (["a", "truce", "with", "the", "UN"], ["cessez", "-", "le", "-", "feu"], ["un", "aid"],
                     ["al", "Qaeda"], ["nothing", "here"]):
        toks = words(*[(w, None) for w in sentence])
        bits = index.bit_set(toks)
        keys = region_keys(toks, range(1, len(toks) + 1))
        for ws in sets:
            assert (index.bits[ws] in bits) == ws.may_hit(*keys), (sentence, ws.words)
        assert bits <= set(range(len(sets)))
    assert index.bits_of([sets[0], sets[2]]) == {0, 2}
    assert index.bits_of([WordSet(["other"])]) is None


def test_feats_first_value_wins():
    t = Token(1, "a", "a", "VERB", "Mood=Ind|Tense=Past|Mood=Sub|Flag", 0, "root")
    assert (t.feat("Mood"), t.feat("Tense"), t.feat("Flag"), t.feat("Voice")) == ("Ind", "Past", "", None)
    assert Token(1, "a", "a", "X", "_", 0, "root").feat("Mood") is None
    assert Token(1, "a", "a", "X", "", 0, "root").feat("Mood") is None


def test_cached_scans_do_not_cut_names_short():
    idx: PhraseIndex[str] = PhraseIndex()
    idx.add("New York City", "NYC")
    idx.add("New York", "NY")
    idx.add("the Hague", "HAG")
    assert [m.values for m in idx.find(words(("New", None), ("York", None)))] == [("NY",)]
    assert [m.values for m in idx.find(words(("New", None), ("York", None), ("City", None)))] == [("NYC",)]
    assert idx.find(words(("the", None), ("talks", None))) == []
    assert [m.values for m in idx.find(words(("the", None), ("Hague", None)))] == [("HAG",)]
    assert [(m.start, m.values) for m in idx.find(words(("in", None), ("New", None), ("York", None)))] == [(2, ("NY",))]


def test_scans_read_past_two_words_are_cached_under_all_they_read():
    idx: PhraseIndex[str] = PhraseIndex()
    idx.add("New York City Council", "NYCC")
    idx.add("New York", "NY")
    runs = [[("New", None), ("York", None), ("City", None)], [("New", None), ("York", None), ("City", None),
            ("Council", None)], [("New", None), ("York", None), ("City", None), ("Hall", None)],
            [("New", None), ("York", None)], [("New", None), ("York", None), ("Times", None)]]
    expected = [[(1, 2, ("NY",))], [(1, 4, ("NYCC",))], [(1, 2, ("NY",))], [(1, 2, ("NY",))], [(1, 2, ("NY",))]]
    for _ in range(2):  # (the second time from the cache, then from a copy of it: dask workers get one)
        for run, found in zip(runs, expected, strict=True):
            assert [(m.start, m.end, m.values) for m in idx.find(words(*run))] == found
    idx = pickle.loads(pickle.dumps(idx))
    for run, found in zip(runs, expected, strict=True):
        assert [(m.start, m.end, m.values) for m in idx.find(words(*run))] == found


def test_longest_name_wins_across_surface_and_word_scans():
    # "European Union's": on the surface text only "European" matches ("Union's" is one token);
    # on the words "European Union" does, and the longer name wins.
    idx: PhraseIndex[str] = PhraseIndex()
    idx.add("European", "EUR")
    idx.add("European Union", "IGOEEC")
    toks = words(("The", None), ("European", None), ("Union's", "Union's"), ("", ""), ("sanctions", None))
    toks[2].form, toks[3].form = "Union", "'s"
    assert [(m.start, m.end, m.values) for m in idx.find(toks)] == [(2, 3, ("IGOEEC",))]


def test_discard_quick_search_finds_what_discard_hit_finds():
    from coder.coding.engine import discard_hit, phrase_search
    from coder.dictionaries.native import discard_key
    from coder.text import decomposed

    phrases = tuple(discard_key(p) for p in ("Read more", "see also", "à lire", "click here", "Lire également",
                                              "Пресс-релиз"))
    search = phrase_search(phrases)
    texts = ["READ MORE: the talks", "Already, more troops", "(See also) Syria", "seealso", "A lire: Mali",
             "Il a lire", "la reprise à lire demain", "readmore", "Read  -- more", "click heres", "x click here.",
             "À LIRE AUSSI", "a\u0300 lire", "LIRE ÉGALEMENT :", "lire e\u0301galement", "Lire egalement",
             "lire également", "ПРЕСС-РЕЛИЗ", "пресс релиз", "Lire-également", "lire\u00a0également"]
    hits = 0
    for text in texts:
        if discard_hit(text, phrases) is not None:
            hits += 1
            assert search(decomposed(text)), text
    assert hits == 17
    assert not search(decomposed("Already, more troops")) and not search(decomposed("seealso"))
    assert phrase_search(()) is None


def test_evolve_is_dataclasses_replace():
    from dataclasses import replace

    from coder.coding.actors import Actor
    from coder.evolve import evolve

    tok = Token(3, "Paris", "Paris", "PROPN", "Number=Sing", 2, "obl", 10, 15, "Paris")
    assert evolve(tok, head=1, deprel="nsubj") == replace(tok, head=1, deprel="nsubj")
    assert tok.head == 2  # (a copy)
    actor = Actor("MIL", 2, 1, 2, "the army", ("agents.yaml:3",), needs_country=True)
    assert evolve(actor, code="SYRMIL", needs_country=False) == replace(actor, code="SYRMIL", needs_country=False)
    for obj in (tok, actor):
        with pytest.raises(TypeError):
            evolve(obj, nope=1)


def test_string_memos():
    from coder.coding.tree import base
    from coder.text import StringMemo, fold

    assert (base("obl:agent"), base("nsubj"), fold("Pékin"), fold("Pékin")) == ("obl", "nsubj", "pekin", "pekin")
    calls = []
    memo = StringMemo(lambda s: calls.append(s) or s.upper(), size=2)
    assert [memo[w] for w in ("a", "a", "b", "c", "a")] == ["A", "A", "B", "C", "A"]
    assert calls == ["a", "b", "c", "a"] and len(memo) <= 2


def test_apostrophes_are_unified_in_every_folding():
    from coder.text import decomposed, fold, fold_text, strip_accents

    for kind in "’ʼ`‘":
        text = f"L{kind}armée d{kind}Israël a dit{kind}{kind} aujourd{kind}hui"
        assert fold_text(text) == fold(text) == "l'armee d'israel a dit'' aujourd'hui"
        assert strip_accents(text) == "L'armee d'Israel a dit'' aujourd'hui"
        assert decomposed(text) == "l'arme\u0301e d'israe\u0308l a dit'' aujourd'hui"
    assert fold("Rock ’n‘ roll `x`") == "rock 'n' roll 'x'"
