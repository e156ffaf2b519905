"""The sentence coder: verb and event-noun patterns over frames, giving source-code-target events."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress

from coder.cameo import countries, event_type, split_actor
from coder.coding.actors import Actor, ActorResolver
from coder.coding.frames import NOMINAL_UPOS, Frame, FrameBuilder
from coder.coding.repair import repair_for
from coder.coding.tree import base, case_of, conjuncts, depth, nested_agents, phrase, rel_matches, subtree
from coder.dictionaries.model import Constraint, Lexicon, Pattern
from coder.dictionaries.phrases import WordSet, WordSetIndex, region_keys
from coder.doc import ParsedStory, Sentence
from coder.evolve import evolve
from coder.text import decomposed, fold

CLAUSE_RELS = ("xcomp", "ccomp", "advcl", "csubj")
PREDICATE_UPOS = frozenset({*NOMINAL_UPOS, "VERB", "AUX", "ADJ"})  # words that may carry a pattern
_NOMINAL_PREDICATE = {upos: upos in NOMINAL_UPOS for upos in PREDICATE_UPOS}  # (both tests in one look-up)
_NO_MARKS: frozenset[str] = frozenset()
WORD_CACHE_SIZE = 100_000  # words whose patterns a SentenceCoder keeps at hand (then it starts over)


@dataclass
class CodedEvent:
    sentence: int  # index of the sentence in its story
    source: Actor
    target: Actor | None
    code: str
    pattern: Pattern
    pred: int  # token id of the verb or event noun
    lemma: str


@dataclass(slots=True)
class Attempt:
    """What happened at one candidate predicate (for `coder explain`)."""

    pred: int
    lemma: str
    frame: Frame | None
    tried: list[tuple[str, str]] = field(default_factory=list)  # (pattern id, outcome)
    events: list[CodedEvent] = field(default_factory=list)
    note: str = ""


# Appeals, intents, demands, rejections and threats: what they ask for, offer, demand, refuse or
# threaten has not happened, so their complement ("urged Israel to accept a truce", "offered to
# mediate", "threatened to close the strait") is not coded as an event of its own.
UNREALIZED_ROOTS = frozenset({"02", "03", "10", "12", "13"})

# Aid and protests: what they are for ("a débloqué une aide pour soutenir l'économie ukrainienne",
# "ont manifesté pour réclamer le départ du président") is their aim, not an event of its own, and
# whom it concerns is their target when they name none.
PURPOSE_ROOTS = frozenset({"07", "14"})


# Appeals and demands whose addressee may be the subject of their "that" clause.
ADDRESSED_ROOTS = frozenset({"02", "10"})
APPEAL_ROOT = "02"

# Codes whose coordinated subjects act on each other when no target is named: "Russia and Turkey
# held talks / signed an agreement / agreed to cooperate / clashed" gives A->B and B->A.
RECIPROCAL_ROOTS = frozenset({"03", "04", "05", "06"})
RECIPROCAL_CODES = frozenset({"190", "193", "0871", "0872", "0873", "0874"})


# Mediators act together, not on each other: "a truce brokered by Russia and Turkey".
MEDIATION_CODES = frozenset({"039", "045"})

# Cooperation in the future tense is announced, not done: CAMEO codes the intent. A meeting or
# visit (04: "will travel to Beijing next week", "se rendra à Bamako") is the intent to meet (036;
# mediation 039), material cooperation (06) the intent to cooperate (031x), aid (07) the intent to
# provide it (033x), yielding (08: "Hamas will release 50 hostages") the intent to yield (034x, 035x).
ANNOUNCED_CODES = {
    "04": "036", "045": "039",
    "06": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
    "07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334",
    "08": "035", "081": "0351", "082": "0352", "083": "034", "0831": "0341", "0832": "0342",
    "0833": "0343", "0834": "0344", "084": "0353", "085": "0354", "086": "0355", "087": "0356",
}

# Uses of force whose toll a present participle reports ("ont tiré des missiles sur la gare,
# tuant cinquante civils", "struck the town, killing five"): the toll is no event of its own, and
# its victims are the target when the attack names only a place.
FORCE_ROOTS = frozenset({"17", "18", "19", "20"})
# The ref of a target taken from the scene of force (``SentenceCoder._scene``): context leaves it
# out once the source turns out to be of that country.
SCENE = "scene of force"
# Armed non-state agents: the towns of their own country are what they fight the state for.
INSURGENT_AGENTS = frozenset({"REB", "INS", "SEP", "UAF"})

# A meeting at a third location (044) held in a place of one side ("met his Egyptian counterpart
# in Cairo") is in no third place: a plain consultation (040).
THIRD_PLACE_MEETING, CONSULT = "044", "040"


@lru_cache(maxsize=512)
def _quad_class(code: str) -> int:
    """A code's quad class: verbal cooperation (1), material cooperation (2), verbal conflict (3),
    material conflict (4)."""
    return event_type(code).quad_class


def announced(code: str) -> str:
    """The code of an event in the future tense: cooperation announced is an intent (03x)."""
    return next((ANNOUNCED_CODES[k] for k in (code, code[:3], code[:2]) if k in ANNOUNCED_CODES), code)


def reciprocal(code: str) -> bool:
    return (code[:2] in RECIPROCAL_ROOTS or code in RECIPROCAL_CODES) and code not in MEDIATION_CODES


class SentenceCoder:
    def __init__(self, lex: Lexicon):
        self.lex = lex
        # (nominal?, lemma, form as parsed) -> (patterns keyed by the word alone, most specific
        # first; patterns with a multi-word key to check in the sentence; folded lemma and form)
        self._by_word: dict[tuple[bool, str, str], tuple[list[Pattern], list[Pattern], str, str]] = {}
        self._word_sets: WordSetIndex | None = None  # the condition words of all patterns
        self._needs: dict[int, frozenset[int] | None] = {}  # id(pattern) -> bits of its conditions' words
        self._list_needs: dict[int, tuple[frozenset[int], ...]] = {}  # id(a list in _by_word) -> _needs_of it
        self._in_sentence: set[int] | None = None  # per sentence (see explain): its condition words' bits
        self._hanging_deps: dict[int, list[tuple[str, int]]] = {}  # per sentence: frame -> deps with hanging PPs
        self._discards = phrase_search(lex.language.discards)  # (a quick test for discard_hit)

    def _sentence_words(self, sent: Sentence) -> set[int]:
        """The bits (see WordSetIndex, as a set of bit numbers) of the condition words that may
        occur in the sentence."""
        if self._in_sentence is None:
            self._in_sentence = self._word_set_index().bit_set(sent.tokens)
        return self._in_sentence

    def _word_set_index(self) -> WordSetIndex:
        if self._word_sets is None:
            self._word_sets = WordSetIndex(c.words for p in self.lex.all_patterns()
                                           for c in (*p.with_, *p.without) if c.words is not None)
        return self._word_sets

    def _may_occur(self, sent: Sentence, words: WordSet) -> bool:
        """False when none of a condition's words is in the sentence (cheap: the sentence's words
        are looked up once in an index of all patterns' condition words). Valid while conditions
        see words only through their ``region_keys`` (forms, lemmas, surfaces)."""
        bits = self._sentence_words(sent)
        bit = self._word_sets.bits.get(words)
        if bit is None:  # a pattern added after the index was built
            return words.may_hit(*region_keys(sent.tokens, range(1, len(sent.tokens) + 1)))
        return bit in bits

    def _possible(self, sent: Sentence, p: Pattern, bits: set[int]) -> bool:
        """False when some condition of a pattern cannot hold: its words are not in the sentence
        (``bits``: see ``_sentence_words``)."""
        need = self._need(p)
        if need is None:
            return all(c.words is None or self._may_occur(sent, c.words) for c in p.with_)
        return need <= bits

    def _need(self, p: Pattern) -> frozenset[int] | None:
        """The bits of the words of a pattern's conditions (None: some are not indexed)."""
        need = self._needs.get(id(p), -1)
        if need == -1:
            need = self._needs[id(p)] = self._word_set_index().bits_of(
                c.words for c in p.with_ if c.words is not None)
        return need

    def _possible_ones(self, sent: Sentence, patterns: list[Pattern]) -> list[Pattern]:
        """The patterns whose conditions may hold (``_possible``; its usual case inlined, with the
        needs of a word's cached list computed once)."""
        bits = self._in_sentence
        if bits is None:
            bits = self._sentence_words(sent)
        needs = self._list_needs.get(id(patterns))
        if needs is None:  # (a list made for this sentence: multi-word keys)
            needs = self._needs_of(patterns)
        if needs:  # (need <= bits for each pattern, in C)
            return list(compress(patterns, map(bits.issuperset, needs)))
        return [p for p in patterns if self._possible(sent, p, bits)]

    def _needs_of(self, patterns: list[Pattern]) -> tuple[frozenset[int], ...]:
        """The ``_need`` of each pattern; () if one of them is None (or there are none)."""
        needs = tuple(map(self._need, patterns))
        return () if None in needs else needs

    def _patterns_for(self, sent: Sentence, tid: int) -> list[Pattern]:
        t = sent.token(tid)
        if t.upos not in PREDICATE_UPOS:
            return []
        nominal = t.upos in NOMINAL_UPOS
        cached = self._by_word.get((nominal, t.lemma, t.form))
        if cached is None:
            lemma, form = fold(t.lemma), fold(t.form)
            table = self.lex.nominal_patterns if nominal else self.lex.patterns
            found = table.get(lemma) or table.get(form) or []
            if lemma != form and form in table:
                found = list({p.id: p for p in (*found, *table[form])}.values())
            singles = sorted((p for p in found if p.single_keys & {lemma, form}), key=lambda p: p.specificity,
                             reverse=True)
            if len(self._by_word) >= WORD_CACHE_SIZE:  # (bounded: a corpus's words never stop coming)
                self._by_word.clear()
                self._list_needs.clear()  # (keyed by the ids of lists just dropped, which new lists may take)
            cached = self._by_word[(nominal, t.lemma, t.form)] = (
                singles, [p for p in found if p.multi_keys], lemma, form)
            if singles:
                self._list_needs[id(singles)] = self._needs_of(singles)
        singles, multis, lemma, form = cached
        if not multis:
            return singles
        here = [(n, p) for p in multis if (n := self._multi_keyed_here(sent, tid, p, lemma, form))]
        if not here:
            return singles  # (what the sort below gives: singles are sorted by specificity)
        keyed = [(1, p) for p in singles]
        seen = {p.id for p in singles}
        for n, p in here:
            if p.id not in seen:
                keyed.append((n, p))
            else:
                keyed = [(max(m, n), q) if q.id == p.id else (m, q) for m, q in keyed]
        # A multi-word key that matched counts as that many conditions: "attaque chimique" first.
        keyed.sort(key=lambda np: (len(np[1].with_) + np[0] - 1, *np[1].specificity[1:]), reverse=True)
        return [p for _, p in keyed]

    @staticmethod
    def _multi_keyed_here(sent: Sentence, tid: int, p: Pattern, lemma: str, form: str) -> int:
        """How many words of a multi-word key ("frappes aériennes", "air strikes") match
        consecutive words headed by this one (0: none)."""
        best = 0
        for words in p.multi_keys:
            for k, w in enumerate(words):
                if w != lemma and w != form:
                    continue
                start = tid - k
                span = range(start, start + len(words))
                if start < 1 or span[-1] > len(sent.tokens):
                    continue
                ok = all(words[i] in (fold(sent.token(j).lemma), fold(sent.token(j).form))
                         for i, j in enumerate(span))
                if ok and all(sent.token(j).head in span for j in span if j != tid):
                    best = max(best, len(words))
        return best

    explaining = True  # spell out why each pattern failed (off when only coding)

    def code(self, sent: Sentence, date: str | None, index: int = 0) -> list[CodedEvent]:
        self.explaining = False
        try:
            return [e for a in self.explain(sent, date, index) for e in a.events]
        finally:
            self.explaining = True

    def explain(self, sent: Sentence, date: str | None, index: int = 0) -> list[Attempt]:
        """Try every candidate predicate, governors first; return what happened at each."""
        sent = repair_for(sent, self.lex)
        self._regions: dict[tuple[int, int], dict[int, int]] = {}
        # (token, mode) -> the region and its region_keys
        self._region_keys: dict[tuple[int, int], tuple[dict[int, int], set[str], set[str]]] = {}
        self._hanging_deps: dict[int, list[tuple[str, int]]] = {}  # per sentence: frame -> deps with hanging PPs
        self._in_sentence: set[int] | None = None  # the condition words that may occur in it
        frames = FrameBuilder(sent, self.lex.language)
        actors = ActorResolver(self.lex, sent, date)
        patterns = {}
        by_word = self._by_word
        for t in sent.tokens:
            nominal = _NOMINAL_PREDICATE.get(t.upos)
            if nominal is not None:
                cached = by_word.get((nominal, t.lemma, t.form))
                # (a word with single-word keys only: its cached patterns, as _patterns_for gives them)
                found = cached[0] if cached is not None and not cached[1] else self._patterns_for(sent, t.id)
                if found:
                    patterns[t.id] = found
        cands = sorted([(depth(sent, tid), tid) for tid in patterns])  # (governors first)
        # no candidate on a cycle of heads: frames, built up the heads, come out the same in any order
        acyclic = not cands or cands[-1][0] < 200
        consumed: set[int] = set()
        attempts = []
        question = sent.text.rstrip().endswith("?")
        discarded: str | None = ""  # ("": not looked for yet; most sentences never need it)
        for _, tid in cands:
            lemma = sent.tokens[tid - 1].lemma
            if tid in consumed or question:
                note = "part of a pattern of its governor" if tid in consumed else "question: not coded"
                attempts.append(Attempt(tid, lemma, None, note=note))
                continue
            todo = patterns[tid]
            if not self.explaining:  # (_match would fail on the others; explain says why)
                todo = self._possible_ones(sent, todo)
                if not todo and acyclic:
                    continue  # nothing to match: no frame needed (nor an attempt, when only coding)
            att = Attempt(tid, lemma, None)
            attempts.append(att)
            if discarded == "":
                discarded = self._discard_phrase(sent)
            if discarded:
                att.note = f"discarded: the sentence holds {discarded!r} (a discard phrase)"
                continue
            f = att.frame = frames.frame(tid)
            if f.hypothetical and not f.intended:
                att.note = "hypothetical (conditional or modal): not coded"
                continue
            if f.alleged:
                att.note = "content of an accusation or denial: not coded"
                continue
            if sent.tokens[tid - 1].deprel.startswith("acl") and self._stative(sent, tid):  # (a quick test first)
                att.note = "a state (stative verb modifying a noun): not coded"
                continue
            for p in todo:
                ok, why, used = self._match(sent, f, p)
                att.tried.append((p.id, why))
                if not ok:
                    continue
                if f.hypothetical and announced(p.code) == p.code:
                    att.tried[-1] = (p.id, "matched, but only planned (no cooperation to announce): not coded")
                    break
                # the verbs of a clause that a condition read ("blocked roads to press the
                # government to curb imports") are part of this event, not events of their own
                for u in used:
                    if base(sent.tokens[u - 1].deprel) in CLAUSE_RELS:
                        consumed.update(self._region(sent, u, 1))
                root = p.code[:2]
                if root in UNREALIZED_ROOTS or root in PURPOSE_ROOTS:
                    consumed.update(self._complements(sent, tid))
                if root in FORCE_ROOTS:
                    consumed.update(_consequences(sent, tid))
                att.events = self._events(sent, f, p, actors, frames, used, index)
                consumed.update(used)  # (_events may add the participle of an instrument that gave the source)
                if att.events and sent.tokens[tid - 1].deprel.startswith("advcl") \
                        and self._purpose_of_same(sent, tid, att.events, attempts):  # (a quick test first)
                    att.events = []
                    att.tried[-1] = (p.id, "matched, but the purpose of its governor's event of the same kind")
                    break
                if not att.events:
                    att.tried[-1] = (p.id, "matched, but no source or target actor found" if p.require_target
                                     else "matched, but no source actor found")
                    if self.lex.language.require_target or p.require_target:
                        continue  # PETRARCH-style: a pattern holds only with its actors; try the next
                break
        return attempts

    def _discard_phrase(self, sent: Sentence) -> str | None:
        """The discard phrase a sentence holds, or None (``discard_hit``, after a quick search)."""
        if self._discards is None or not self._discards(decomposed(sent.text)):
            return None
        return discard_hit(sent.text, self.lex.language.discards)

    def _stative(self, sent: Sentence, tid: int) -> bool:
        """A stative verb (the language's list) as a participle or a present relative clause on a
        noun: "les séparatistes soutenus par Moscou", "the hostages they hold" describe a situation."""
        t = sent.token(tid)
        if fold(t.lemma) not in self.lex.language.stative_verbs or base(t.deprel) != "acl":
            return False
        if t.deprel != "acl:relcl":
            return t.feat("VerbForm") == "Part"
        return any(x.feat("Tense") in ("Pres", "Imp") for x in (t, *(sent.token(c) for c in sent.children(tid)
                                                                      if base(sent.token(c).deprel) == "aux")))

    @staticmethod
    def _purpose_of_same(sent: Sentence, tid: int, events: list[CodedEvent], attempts: list[Attempt]) -> bool:
        """Whether an adverbial clause (of purpose: "met Kerry in Geneva to discuss Syria", "laid a
        wreath to mark Armistice Day"; or a participle: "Speaking in Tokyo, Putin said") repeats its
        governor's event: same source, same root code."""
        t = sent.token(tid)
        if base(t.deprel) != "advcl" or not t.head:
            return False
        done = {(e.source.code, e.code[:2]) for a in attempts if a.pred == t.head for e in a.events}
        return all((e.source.code, e.code[:2]) in done for e in events)

    @staticmethod
    def _complements(sent: Sentence, tid: int) -> set[int]:
        """Everything inside the clausal complements of a predicate ("offered to help mediate",
        "a menacé d'imposer un blocus": the blockade noun too); an infinitive the parser attached
        as advcl ("urged Israel to accept") counts as a complement; so do the clauses on its object
        ("vetoed a resolution calling for a ceasefire": the resolution's appeal did not happen)."""
        out: set[int] = set()
        for c in SentenceCoder._complements_of(sent, tid):
            out |= subtree(sent, c)
        for c in sent.children(tid):
            if sent.token(c).deprel in ("obj", "nsubj:pass"):
                out.update(i for a in sent.children(c) if base(sent.token(a).deprel) == "acl"
                           for i in subtree(sent, a))
        return out

    @staticmethod
    def _complements_of(sent: Sentence, tid: int) -> list[int]:
        """The heads of a predicate's clausal complements (see ``_complements``)."""
        out = []
        for c in sent.children(tid):
            t = sent.token(c)
            rel = base(t.deprel)
            if rel in ("xcomp", "ccomp") or rel == "advcl" and t.feat("VerbForm") == "Inf":
                out.append(c)
        return out

    # -- matching ------------------------------------------------------------------------------
    def _deps(self, sent: Sentence, f: Frame, hanging: bool) -> list[tuple[str, int]]:
        """The frame's dependents; with ``hanging``, then the prepositional phrases (as ``obl``)
        that hang on its object or obliques: parsers disagree on PP attachment ("sent aid to
        Syria" with "to Syria" under "aid"). Cached per sentence."""
        if not hanging:
            return f.deps
        out = self._hanging_deps.get(f.pred)
        if out is None:
            out = self._hanging_deps[f.pred] = self._with_hanging(sent, f)
        return out

    def _with_hanging(self, sent: Sentence, f: Frame) -> list[tuple[str, int]]:
        out = list(f.deps)
        toks = sent.tokens
        # an event noun's complement carries them too ("la visite du président chinois à Moscou")
        nominal = toks[f.pred - 1].upos in NOMINAL_UPOS
        for r, tid in f.deps:
            t = toks[tid - 1]
            if t.upos in NOMINAL_UPOS and (base(r) in ("obj", "obl") or base(t.deprel) == "obl"
                                           or nominal and r == "nsubj" and base(t.deprel) == "nmod"):
                hanging = self._hanging(sent, tid)
                if hanging:
                    out.extend([("obl", c) for c in hanging])
        return out

    def _hanging(self, sent: Sentence, tid: int, levels: int = 3) -> list[int]:
        """Prepositional phrases under a noun, also under its "de" complements ("une aide de
        deux milliards de dollars au Yémen": "au Yémen" hangs on "dollars") and its last conjunct
        ("de la nourriture et des médicaments aux habitants": on "médicaments")."""
        out = []
        genitive = self.lex.language.genitive_prepositions
        toks = sent.tokens
        for c in sent.children(tid):
            t = toks[c - 1]
            b = base(t.deprel)
            marks = case_of(sent, c) if b == "nmod" and t.deprel != "nmod:poss" else _NO_MARKS
            if marks:
                out.append(c)
            if (marks & genitive or b == "conj") and levels > 1:
                out.extend(self._hanging(sent, c, levels - 1))
        return out

    def _may_hold(self, sent: Sentence, c: Constraint) -> bool:
        """False when a condition cannot hold: none of its words is in the sentence."""
        return c.words is None or self._may_occur(sent, c.words)

    def _holds(self, sent: Sentence, f: Frame, c: Constraint) -> int | None:
        """The dependent satisfying a condition, or None (asked once ``_may_hold`` is true)."""
        want, words, case = c.rel, c.words, c.case
        for rel, tid in self._deps(sent, f, True) if case else f.deps:
            if want == "other":  # any dependent but the subject
                if base(rel) == "nsubj":
                    continue
            elif want == "any":
                if base(rel) == "nsubj" and sent.tokens[tid - 1].head != f.pred:
                    continue  # (a subject lent by another verb is not this one's dependent)
            elif rel != want and (not rel_matches(rel, want) if ":" in want else base(rel) != want):
                continue  # (rel_matches; for a relation with no subtype, the same as comparing bases)
            if case and not (case_of(sent, tid) & case):
                continue
            if words is None:
                return tid
            if base(want) in ("advmod", "compound"):
                mode = 0
            elif base(rel) in CLAUSE_RELS:
                mode = 1
            else:
                mode = 2
            # (each condition's words are looked for in a region once a sentence: no memo of hits)
            region = self._region_keys.get((tid, mode))
            if region is None:
                ids = self._region(sent, tid, mode)
                region = self._region_keys[(tid, mode)] = (ids, *region_keys(sent.tokens, ids))
            if words.any_hit_keys(region[1], region[2], sent.tokens, region[0]):
                return tid
        return None

    def _region(self, sent: Sentence, tid: int, mode: int) -> dict[int, int]:
        """The words a condition looks at: the word (0), a clause (1) or a phrase (2) with the
        phrases of its nominal conjuncts ("U.S. and British warplanes struck": the subject's
        words include "warplanes"); cached."""
        key = (tid, mode)
        out = self._regions.get(key)
        if out is None:
            out = self._regions[key] = ({tid: 0} if mode == 0 else self._clause_words(sent, tid) if mode == 1
                                        else self._phrase_words(sent, tid))
        return out

    @staticmethod
    def _phrase_words(sent: Sentence, tid: int) -> dict[int, int]:
        out = phrase(sent, tid)
        for c in conjuncts(sent, tid)[1:]:
            out.update((i, d) for i, d in phrase(sent, c).items() if i not in out)
        return out

    @staticmethod
    def _clause_words(sent: Sentence, tid: int, levels: int = 2) -> dict[int, int]:
        """A complement clause's verb, its particle and its objects ("urged Israel to agree to a
        ceasefire": the condition sees "agree", "ceasefire"; "calls to step down": "step down"),
        two clauses deep."""
        ids = {tid: 0}
        toks = sent.tokens
        for c in sent.children(tid):
            t = toks[c - 1]
            b = base(t.deprel)
            if t.deprel == "compound:prt":
                ids[c] = 0
            elif b in ("obj", "obl", "iobj", "nsubj"):
                ids.update(phrase(sent, c))
            elif levels > 1 and (b in ("xcomp", "ccomp") or b == "advcl" and t.feat("VerbForm") == "Inf"):
                # an infinitive the parser attached as advcl ("to press the government to curb
                # imports") is a complement too
                ids.update(SentenceCoder._clause_words(sent, c, levels - 1))
        return ids

    def _match(self, sent: Sentence, f: Frame, p: Pattern) -> tuple[bool, str, set[int]]:
        if p.negated != f.negated:
            return False, "verb is negated" if f.negated else "pattern needs a negated verb", set()
        used = set()
        first_obj = False  # an object condition read the first object (not the name given it)
        # (when only coding, _possible_ones has kept the patterns whose conditions may hold)
        explaining = self.explaining
        for c in p.with_:
            tid = self._holds(sent, f, c) if not explaining or self._may_hold(sent, c) else None
            if tid is None:
                return False, f"missing {c.describe()}" if self.explaining else "missing", set()
            used.add(tid)
            first_obj = first_obj or c.rel == "obj" and tid == f.get("obj")[0]
        if first_obj and self._naming(sent, f):
            # ("called Maduro a dictator": a condition on the second object is the name-calling itself)
            return False, "naming ('called the truce a positive development'): the object is described", set()
        for c in p.without:
            if self._may_hold(sent, c) and self._holds(sent, f, c) is not None:
                return False, f"excluded by {c.describe()}" if self.explaining else "excluded", set()
        return True, "matched", used

    @staticmethod
    def _naming(sent: Sentence, f: Frame) -> bool:
        """Whether a verb names or describes its object with a second noun or adjective ("called
        the truce a positive development", "called the strike a flagrant aggression")."""
        objs = f.get("obj")
        if not objs or sent.token(objs[0]).upos != "NOUN" or sent.token(f.pred).upos in NOMINAL_UPOS \
                or not any(base(sent.token(c).deprel) == "det" for c in sent.children(objs[0])):
            return False  # ("gave Syria an ultimatum": a recipient; "a fait marche arrière": one phrase)
        second = [t for r, t in f.deps if t > objs[0] and base(r) in ("obj", "xcomp")]
        def described(t: int) -> bool:  # "a positive development", "illegal" (not "tout commentaire")
            dets = [sent.token(c) for c in sent.children(t) if base(sent.token(c).deprel) == "det"]
            if sent.token(t).upos == "ADJ":
                return not dets
            return sent.token(t).upos == "NOUN" and any(d.feat("Definite") == "Ind" for d in dets)

        return any(described(t) for t in second)

    # -- arguments -----------------------------------------------------------------------------
    def _find(self, sent: Sentence, f: Frame, specs: tuple[str, ...], actors: ActorResolver,
              exclude: set[int], agent_first: bool = False, where: frozenset[str] = frozenset()) -> list[Actor]:
        """Actors of the first dependent, by the relations in ``specs``, that denotes one.

        With ``agent_first``, a dependent that names an act by someone ("l'expulsion ... par
        Alger", "the bombing by Russian jets") gives that someone: one criticizes the actor.
        A town or region after a preposition of ``where`` ("à Alep") is where, not whom.
        """
        agents = self.lex.language.agent_prepositions
        marks: set[str] | None = None  # the case markers of the dependents (with hanging PPs)
        for rel, prep, folded, plain in _specs(specs):
            if prep:  # (a quick test: no dependent has the preposition)
                if marks is None:
                    marks = set().union(*[case_of(sent, tid) for _, tid in self._deps(sent, f, hanging=True)])
                if folded not in marks:
                    continue
            for r, tid in self._deps(sent, f, True) if prep else f.deps:
                if tid in exclude or r != rel and (base(r) != rel if plain else not rel_matches(r, rel)):
                    continue  # (rel_matches: see _holds)
                if prep and folded not in case_of(sent, tid):
                    continue
                if prep and _fronted_scene(sent, tid):
                    continue
                if agent_first:
                    by = nested_agents(sent, tid, agents)
                    by += self._blamed_on(sent, tid)
                    by += self._event_owner(sent, tid)
                    found = [a for c in by if c not in exclude for a in actors.resolve_all(c)] if by else []
                    if found:
                        return found
                found = actors.resolve_all(tid)
                if where and case_of(sent, tid) & where:
                    found = [a for a in found if not a.place]
                if found:
                    return self._refine_split_name(sent, f, r, tid, found, actors, exclude)
                if agent_first and rel == "obj":
                    # "a maintenu les sanctions contre la Corée du Nord": the target is inside the object
                    # the first by the language's order of target prepositions: "filed a case
                    # against Israel at the ICJ" targets Israel, not the court too
                    order = self.lex.language.target_prepositions
                    inner = [c for c in sent.children(tid)
                             if base(sent.token(c).deprel) == "nmod" and case_of(sent, c) & set(order)]
                    inner.sort(key=lambda c: min(order.index(m) for m in case_of(sent, c) if m in order))
                    inner += self._aimed_at(sent, tid)
                    for c in inner:
                        found = actors.resolve_all(c) if c not in exclude else []
                        if found:
                            return found
        return []

    def _scene(self, sent: Sentence, f: Frame, actors: ActorResolver, exclude: set[int]) -> list[Actor]:
        """The countries of the first oblique of the verb after a scene preposition ("in Gaza",
        "dans le nord de la Syrie") that names a town, a region or a country: places (a place of
        the source's own country is then left out as a target)."""
        scene = self.lex.language.scene_prepositions
        for r, tid in f.deps if scene else ():
            if tid in exclude or base(r) != "obl" or not case_of(sent, tid) & scene:
                continue
            found = [evolve(a, place=True, refs=(*a.refs, SCENE)) for a in actors.resolve_all(tid)
                     if a.place or len(a.code) == 3 and a.code in countries()]
            if found:
                return found
        return []

    def _clause_targets(self, sent: Sentence, frames: FrameBuilder, tid: int, specs: tuple[str, ...],
                        actors: ActorResolver, heads: set[int], levels: int = 2,
                        where: frozenset[str] = frozenset()) -> list[Actor]:
        """Targets in a complement clause of the pattern, or in its own complement ("signalled
        that he was ready to meet Zelenskiy", "prêt à négocier avec Kiev"), ``levels`` clauses deep."""
        f = frames.frame(tid)
        found = self._find(sent, f, specs, actors, heads, where=where)
        if found or levels < 2:
            return found
        for r, c in f.deps:
            if base(r) in ("xcomp", "ccomp"):
                found = self._clause_targets(sent, frames, c, specs, actors, heads, levels - 1, where)
                if found:
                    return found
        return []

    def _instrument_agents(self, sent: Sentence, f: Frame, frames: FrameBuilder, actors: ActorResolver,
                           used: set[int]) -> list[Actor]:
        """Who used a subject that is an instrument: "une bombe posée par les talibans a tué ...",
        "des obus tirés par l'armée ont frappé ..." (the participle's agent, also when the parser
        hung it on the participle's oblique); the participle joins ``used``."""
        agents = self.lex.language.agent_prepositions
        for subj in f.get("nsubj"):
            for c in sent.children(subj):
                t = sent.token(c)
                if base(t.deprel) != "acl" or t.feat("VerbForm") != "Part":
                    continue
                g = frames.frame(c)
                by = g.get("nsubj") or [a for o in g.get("obl") for a in nested_agents(sent, o, agents)]
                found = [a for b in by for a in actors.resolve_all(b)]
                if found:
                    used.add(c)
                    return found
        return []

    def _reciprocal_pronoun(self, sent: Sentence, f: Frame) -> bool:
        """Whether an object or oblique of the predicate is a reciprocal pronoun ("each other")."""
        args = {t for r, t in f.deps if base(r) in ("obj", "obl", "iobj")}
        for words in self.lex.language.reciprocal_pronouns:
            n = len(words)
            for start in range(1, len(sent.tokens) - n + 2):
                span = range(start, start + n)
                if args.intersection(span) and all(fold(sent.token(i).form) == w for i, w in zip(span, words, strict=True)):
                    return True
        return False

    def _reciprocal_verb(self, sent: Sentence, tid: int) -> bool:
        """Whether a verb is one of the language's reciprocal verbs, by its lemma or, when the
        lemmatizer fails ("exchanged" -> "exchang"), its past form."""
        t, verbs = sent.token(tid), self.lex.language.reciprocal_verbs
        form = fold(t.form)
        return fold(t.lemma) in verbs or form in verbs or form.endswith("ed") and form[:-1] in verbs

    def _event_owner(self, sent: Sentence, tid: int) -> list[int]:
        """Who did an act named by an event noun: its possessive ("condemned Israel's shelling of a
        U.N. school": Israel, not the school)."""
        if sent.token(tid).upos not in NOMINAL_UPOS or not self._patterns_for(sent, tid):
            return []
        return [c for c in sent.children(tid) if sent.token(c).deprel == "nmod:poss"]

    def _aimed_at(self, sent: Sentence, tid: int) -> list[int]:
        """Whom a thing is aimed at, in a clause on it: "les sanctions qui frappaient le Soudan", "une
        enquête visant le Premier ministre" (the object of a verb of the language's targeting_verbs);
        who holds or fills a place: "des quartiers habités par des civils", "les zones contrôlées par
        les rebelles" (the agent of a stative participle)."""
        lang = self.lex.language
        out = []
        for c in sent.children(tid):
            t = sent.token(c)
            if base(t.deprel) != "acl":
                continue
            if fold(t.lemma) in lang.targeting_verbs:
                out += [o for o in sent.children(c) if base(sent.token(o).deprel) == "obj"
                        and sent.token(o).upos != "PRON"]
            elif fold(t.lemma) in lang.stative_verbs and t.feat("VerbForm") == "Part":
                out += [o for o in sent.children(c) if sent.token(o).deprel == "obl:agent"
                        or base(sent.token(o).deprel) == "obl" and case_of(sent, o) & lang.agent_prepositions]
        return out

    def _blamed_on(self, sent: Sentence, tid: int) -> list[int]:
        """Who an act is attributed to: "l'attaque attribuée au régime", "the attack blamed on
        Hamas" (a participle of an allegation verb with an oblique)."""
        lang = self.lex.language
        out = []
        for c in sent.children(tid):
            t = sent.token(c)
            if base(t.deprel) == "acl" and fold(t.lemma) in lang.allegation_verbs:
                out += [o for o in sent.children(c) if base(sent.token(o).deprel) in ("obl", "obj", "iobj")
                        and case_of(sent, o) & (set(lang.target_prepositions) | lang.agent_prepositions)]
        return out

    @staticmethod
    def _refine_split_name(sent: Sentence, f: Frame, rel: str, tid: int, found: list[Actor],
                           actors: ActorResolver, exclude: set[int]) -> list[Actor]:
        """A name the parser split into sibling dependents of one relation ("Russian" +
        "Foreign Minister Sergei Lavrov", both nsubj): the more specific actor of the run wins."""
        if len(found) != 1:
            return found
        best = found[0]
        demoted = "dep:" + rel  # (a second subject: see FrameBuilder._one_subject)
        for r2, t2 in f.deps:
            if r2 != rel and r2 != demoted or t2 == tid or t2 in exclude:
                continue
            lo, hi = sorted((tid, t2))
            if any(sent.token(i).upos in ("PUNCT", "CCONJ", "VERB", "AUX", "ADP", "SCONJ")
                   for i in range(lo + 1, hi)):
                continue
            other = actors.resolve(t2)
            if other is None or other.code == best.code:
                continue
            if other.code.startswith(best.code):
                best = other
            else:
                agent, country = (other, best) if other.needs_country else (best, other)
                if agent.needs_country and len(country.code) == 3 and not country.needs_country:
                    lo2, hi2 = min(best.start, other.start), max(best.end, other.end)
                    text = " ".join(t.text for t in sent.tokens[lo2 - 1:hi2] if t.text)
                    best = evolve(agent.with_country(country.code, ()), start=lo2, end=hi2, text=text,
                                   refs=country.refs + agent.refs)
        return [best]

    def _events(self, sent: Sentence, f: Frame, p: Pattern, actors: ActorResolver,
                frames: FrameBuilder, used: set[int], index: int) -> list[CodedEvent]:
        # a town inside a phrase is where, not who ("blessés par des tirs près de Kidal": no source)
        sources = [a for a in self._find(sent, f, p.source, actors, set())
                   if not (a.place and not a.start <= a.head <= a.end)]
        if not sources and p.source == ("nsubj",):
            sources = self._instrument_agents(sent, f, frames, actors, used)
        if not sources:
            return []
        heads = {a.head for a in sources}
        lang = self.lex.language
        specs = p.target or _target_specs(lang.target_prepositions)
        # a pattern that names its target's prepositions means them ("s'est rendu à Kharkiv")
        where = frozenset() if p.target else lang.place_prepositions
        targets = self._find(sent, f, specs, actors, heads, agent_first=True, where=where)
        quad_class = _quad_class(p.code)
        if not p.target and quad_class in (1, 3):  # (verbal cooperation or conflict)
            # what one discusses, condemns or agrees on ("discussed Aleppo", "a meeting on Aleppo")
            # is a topic: a town or region is a target only of deeds (bombed, aided, visited)
            targets = [t for t in targets if not t.place]
        if quad_class == 1:
            targets = [t for t in targets if not _in_topic(sent, f.pred, t.start, lang.topic_prepositions)]
        if not targets and p.code[:2] in ADDRESSED_ROOTS:
            # "demanded that Hamas release the hostages": the clause's subject is the addressee
            for r, c in f.deps:
                if base(r) == "ccomp":
                    targets = self._find(sent, frames.frame(c), ("nsubj",), actors, heads)
                    if targets:
                        break
        if not targets and p.code[:2] != APPEAL_ROOT:
            # "refused to sign the truce with the rebels", "s'est dit prêt à négocier avec Kiev"; an
            # appeal targets whom it addresses, not whom what it asks for concerns ("a exhorté les
            # donateurs à accroître leur aide aux réfugiés syriens"); else the clause's own subject
            # ("let U.N. inspectors visit the site")
            aims = self._complements_of(sent, f.pred) if p.code[:2] in PURPOSE_ROOTS else []
            clauses = [tid for tid in (*used, *aims) if base(sent.token(tid).deprel) in CLAUSE_RELS]
            for tid in clauses:
                targets = self._clause_targets(sent, frames, tid, specs, actors, heads, where=where)
                if targets:
                    break
            for tid in clauses if not targets else ():
                targets = self._find(sent, frames.frame(tid), ("nsubj",), actors, heads)
                if targets:
                    break
        if p.code[:2] in FORCE_ROOTS and all(t.place for t in targets):
            # "a tiré des missiles sur la gare de Kramatorsk, tuant cinquante civils"
            for c in _consequences(sent, f.pred):
                victims = self._find(sent, frames.frame(c), ("obj",), actors, heads)
                if victims:
                    targets = victims
                    break
        if not targets and p.code[:2] in FORCE_ROOTS and not p.target:
            # "Israeli strikes killed 20 in Gaza", "une offensive dans le nord de la Syrie": force
            # used on no one named fell on the country where it was used (not one's own, also once
            # context gives a source its country: "separatists ... in eastern Ukraine")
            targets = self._scene(sent, f, actors, heads)
        out, seen = [], set()
        lemma = sent.tokens[f.pred - 1].lemma
        code = announced(p.code) if f.future or f.intended else p.code
        # (a capital resolves to its government: "Cairo" -> EGYGOV, a town to its country)
        venues = {a.code[:3] for u in used for a in actors.resolve_all(u)} if code == THIRD_PLACE_MEETING else ()
        several = len(sources) > 1 and len({a.code for a in sources}) > 1  # (sides that may act on each other)
        trading = several and self._reciprocal_verb(sent, f.pred)
        if trading:
            # what coordinated sides trade is no target ("traded artillery fire")
            inside = {i for u in used for i in subtree(sent, u)}
            targets = [t for t in targets if t.head not in inside]
        mutual = (not targets and several and not lang.require_target and (
            # "Russian and Turkish troops attacked the town": force with an object is not mutual
            # ("exchanged gunfire" is: the object is the pattern's own word)
            reciprocal(p.code) and not (
                p.code in RECIPROCAL_CODES and any(base(r) == "obj" and t not in used for r, t in f.deps))
            or self._reciprocal_pronoun(sent, f)  # "Azerbaijan and Armenia accused each other"
            or trading))  # "Azerbaijani and Armenian forces traded fire"
        for s in sources:
            # "Macron and Putin held talks": each is the other's target. No actor targets itself;
            # PETRARCH-style dictionaries code no event without a target.
            cands = [a for a in sources if a.code != s.code] if mutual else targets
            # a town of one's own country is where one acted, not a target ("retook Aleppo"); but
            # insurgents fight their state for the towns they take or strike ("les rebelles du M23
            # ont pris Goma" -> COD, as country-less rebels given the country by context), not for
            # the towns around ("planted a bomb on the road to Kandahar")
            insurgent = split_actor(s.code)[1] in INSURGENT_AGENTS
            own = [t for t in cands if t.code != s.code and not (
                t.place and s.code.startswith(t.code) and not (insurgent and _in_object(sent, f.pred, t.head)))]
            for t in own or ([] if lang.require_target or p.require_target else [None]):
                key = (s.code, t.code if t else "")
                if key in seen:
                    continue
                seen.add(key)
                home = venues and (s.code[:3] in venues or t is not None and t.code[:3] in venues)
                out.append(CodedEvent(index, s, t, CONSULT if home else code, p, f.pred, lemma))
        return out


def _in_object(sent: Sentence, pred: int, tid: int) -> bool:
    """Whether a word is inside the verb's object (or passive subject): "la ville de Goma"."""
    seen = 0
    while tid and sent.token(tid).head != pred and seen < len(sent.tokens):
        tid, seen = sent.token(tid).head, seen + 1
    return bool(tid) and (base(sent.token(tid).deprel) == "obj" or sent.token(tid).deprel == "nsubj:pass")


def _in_topic(sent: Sentence, pred: int, tid: int, topics: frozenset[str]) -> bool:
    """Whether an actor's word is inside a topic phrase ("les négociations sur le programme
    nucléaire iranien", "resumed talks on Iran's nuclear programme"); the noun heading the verb's
    own oblique stays an addressee ("called on Syrian President Bashar al-Assad")."""
    nested, seen = False, 0
    while tid and tid != pred and seen < len(sent.tokens):
        head, marks = sent.token(tid).head, case_of(sent, tid)
        if marks & topics and (nested or head != pred):
            return True
        nested, tid, seen = nested or bool(marks), head, seen + 1
    return False


def _fronted_scene(sent: Sentence, tid: int) -> bool:
    """An oblique opening the sentence, closed by a comma, sets the scene: "Au Royaume-Uni, les
    infirmières ont lancé une grève" (where, not against whom)."""
    first, seen = 1, 0  # (a quick test: the first word is inside the phrase, the phrase above it)
    while first and first != tid and seen < len(sent.tokens):
        first, seen = sent.tokens[first - 1].head, seen + 1
    if first != tid:
        return False
    span = subtree(sent, tid)
    end = max(i for i in span if sent.token(i).upos != "PUNCT" or i == tid)
    return min(span) == 1 and end < len(sent.tokens) and sent.token(end + 1).form == ","


@lru_cache(maxsize=64)
def _target_specs(prepositions: tuple[str, ...]) -> tuple[str, ...]:
    """The default target specs: objects, then obliques with the language's target prepositions."""
    return ("obj", "iobj", *(f"obl/{x}" for x in prepositions))


def _consequences(sent: Sentence, tid: int) -> list[int]:
    """Present participles in "advcl" of a predicate ("..., tuant cinquante civils"), which report
    its outcome."""
    out = []
    for c in sent.children(tid):
        t = sent.token(c)
        if base(t.deprel) == "advcl" and t.upos == "VERB" and (
                t.feat("VerbForm") == "Ger" or t.feat("VerbForm") == "Part" and t.feat("Tense") == "Pres") \
                and not any(base(sent.token(k).deprel) in ("mark", "nsubj") for k in sent.children(c)):
            out.append(c)
    return out


@lru_cache(maxsize=1024)
def _specs(specs: tuple[str, ...]) -> tuple[tuple[str, str, str, bool], ...]:
    """Argument specs ("obl/against") as their relations, prepositions, folded prepositions and
    whether the relation has no subtype (compared by its base: see _holds)."""
    out = []
    for spec in specs:
        rel, _, prep = spec.partition("/")
        out.append((rel, prep, fold(prep), ":" not in rel))
    return tuple(out)


def discard_hit(text: str, phrases: tuple[str, ...]) -> str | None:
    """The first discard phrase (folded words) found as whole words in a text, or None."""
    if not phrases:
        return None
    from coder.dictionaries.native import discard_key

    padded = f" {discard_key(text)} "
    return next((d for d in phrases if f" {d} " in padded), None)


def phrase_search(phrases: tuple[str, ...]) -> Callable[[str], re.Match[str] | None] | None:
    """A quick test for ``discard_hit``: a search, done in C, for some phrases (folded words, as
    discard phrases are) in a ``decomposed`` text, their words apart by anything but letters or
    digits; it finds every text ``discard_hit`` finds, and a few more (None: no phrases). The
    decomposed text is folded but for its accents, left as combining marks after their letters
    (removing them costs most of ``fold``); marks are no word characters, so ``\\W*`` between
    the letters of a word lets them be."""
    if not phrases:
        return None

    def word(w: str) -> str:
        return r"\W*".join(map(re.escape, w))

    return re.compile("|".join(r"\W+".join(map(word, d.split(" "))) for d in phrases)).search


def coder_for(lex: Lexicon) -> SentenceCoder:
    """One SentenceCoder per lexicon, so its per-word pattern cache lasts across stories."""
    coder = lex.__dict__.get("_sentence_coder")
    if coder is None:
        coder = lex.__dict__["_sentence_coder"] = SentenceCoder(lex)
    return coder


def code_parsed_story(ps: ParsedStory, lex: Lexicon, context: bool = True,
                      keep_unknown: bool = False) -> list[CodedEvent]:
    """Events of a story; with ``context``, agents with no country get one from the sentence or
    the story (see coder.coding.context) and, unless ``keep_unknown``, events whose source stays
    country-less are dropped."""
    from coder.coding.context import apply_context, fill_from_context

    coder = coder_for(lex)
    events = []
    if discard_hit(ps.story.text or " ".join(s.text for s in ps.sentences), lex.language.story_discards):
        return []
    sents = [repair_for(s, lex) for s in ps.sentences]
    for i, sent in enumerate(sents):
        events.extend(coder.code(sent, ps.story.date, i))
    if not context:
        return events
    return fill_from_context(events, sents, lex) if keep_unknown else apply_context(events, sents, lex)
