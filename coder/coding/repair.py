"""Repairs of frequent parser errors, applied before coding (the cached parse is not changed).

Prepositional adverbs heading their noun: "a protesté auprès de la Chine" often comes out as
"auprès" (ADV) governing "Chine"; the noun goes back to the verb with "auprès" as its case.

An "obl:agent" with no agent preposition is an object the parser mislabelled.

Comma lists of subjects: "L'Espagne, l'Irlande et la Norvège ont reconnu ..." often comes out as
two subjects of the verb; the later one becomes a conjunct of the first.

Verbs read as nouns: "Turkey trades with Iran" often comes out with "trades" a NOUN that has a
subject; a noun with a subject and no copula is a verb.

Quantity adverbs as objects: in "a massé plus de 100.000 soldats" the parser makes "plus" the
object; the counted noun becomes the object.

Subordinators read as prepositions: in "..., as Russia and China vetoed a resolution" parsers
often attach "as" as the case of an oblique "Russia"; a verb with no subject whose oblique before
it is marked only by a subordinator gets that oblique back as its subject.

Infinitives hung on an object: in "a exhorté Israël et le Hezbollah à faire preuve de retenue"
parsers often make "faire" an xcomp of "Hezbollah"; a noun takes no xcomp, so the infinitive goes
back to the verb whose object the noun (or the first of its conjuncts) is.

Headline passives: "Five soldiers killed in ambush", "Three policemen wounded by gunmen" come out
as active clauses (no auxiliary, the victims as subject); a main verb of the language's
``headline_passive_verbs`` in the past with a subject before it and no auxiliary, object or
complement clause is a passive, its "by" phrase the agent.

Demonyms read as verbs: French "israéliens", "malien", "touareg" are sometimes tagged VERB (an
acl with an "obl:agent", or a ccomp holding the noun before it); with the lexicon's country
adjectives (``repair_for``) they become the adjective of their noun again.

Wire copy puts a day right after the verb ("a accusé mardi les Occidentaux de ...", "said on
Tuesday that ..."); parsers trained on small treebanks often make that day the head of the
verb's object and complement. A time word keeps only its own modifiers; its other dependents go
back to its governor, and it becomes a temporal oblique; so does a bare day read as the verb's
object ("ont manifesté samedi").

Passive subjects without a passive: small models tag many active past tenses as passive
participles ("Sudan's military pledged to ...", "Assad's forces pounded ...") and label their
subject "nsubj:pass". A clause with no passive auxiliary, no agent and no reflexive is active.

Verbs read as modifiers: "Sudan's army rejected talks with ..." often comes out as one noun
phrase headed by "talks", with "army" a compound and "rejected" an adjectival participle. A
sentence whose root is a noun, with a past participle modifying it right after one of its
nominal dependents, is a clause: the participle is the verb, the word before it its subject and
the root its object.

Perfects read as "have": in "said its jets had struck Hezbollah targets" small models often make
"had" the verb, with "struck" an adjective of its object or a participle complement. A "have"
followed by a participle complement, or by a word with verb patterns modifying its object, is the
participle's auxiliary.

Adjectives read as complements: in "imposed sweeping sanctions on Russia" the parser may make
"sweeping" a verb complement of "imposed" carrying "on Russia". A bare participle complement
right before its governor's object, whose dependents all lie beyond that object (crossing arcs),
modifies the object and its dependents go to the governor, unless the word as written has verb
patterns: then the object is its own ("began pumping gas to China").

Quantities: in "Hundreds of thousands of Israelis demonstrated" the parser may hang the verb as a
participle on "thousands"; with no other verb in the sentence, it is the clause's verb and the
whole quantity phrase its subject.

Names split in two: "met Kim Jong Un" may come out with "Kim Jong" and "Un" as two objects. Two
adjacent proper nouns with the same relation to one head, nothing between them and no case or
determiner on the second, are one name.

Names across a coordination: "hosted Putin and Iranian President Hassan Rouhani" may come out with
"Hassan Rouhani" as flat parts of "Putin" and "Iranian" its conjunct. A flat part separated from
its head by a conjunct of that head belongs to that conjunct; a conjunct hung on a flat part of a
name ("between Vladimir Putin and Petro Poroshenko", "Petro" under "Putin") is the name's.

Prepositions inside names: "spoke with Israeli Prime Minister Benjamin Netanyahu" may come out
with "with" as the case of "Minister", a compound of the name. A case word right before a whole
name phrase, attached to one of its compounds, is the case of the phrase's head.

Passive agents on a complement: in "were taken hostage by Hamas gunmen" the parser may hang the
"by" phrase on "hostage", in "was imposed on Iran by EU ministers" on "Iran"; on a passive verb's
predicative complement or oblique, when the verb has no agent, it is the verb's agent.

Appositions: "Jens Stoltenberg, NATO's secretary-general, visited Poland" often comes out with
the name as the root and the verb as a "parataxis" of the name or an "acl" of the title. A
nominal root with an apposition, and a verb after the apposition's closing comma with no
subject, make a clause: the verb is the root and the name its subject (an active one: "spoke by
telephone" is then no passive agent). So does a subjectless verb in "parataxis" right after a
nominal root's phrase ("Georgian and Russian troops battled for ...").

Inverted subjects of reporting verbs: in "Washington ne lèvera pas les sanctions, a déclaré le
secrétaire d'Etat" the parser often labels the subject after the verb its object. A reporting verb
(the language's list) in "parataxis" after its governor, right after a comma, with no subject,
has its nominal object after it as its subject; so has one the parser made a "conj" of the
clause before ("..., a indiqué l'OSDH"), when no conjunction joins them and nothing but
punctuation follows that object ("..., told reporters that ..." keeps its recipient).

Objects read as appositions: in "a accueilli à Ankara son homologue russe" the parser may hang
the object on the place before it as an "appos". An apposition with a determiner, right after a
case-marked oblique of a verb with no object and with no comma before it, is the verb's object.

Verbs read as compounds of their object: "Morocco cut ties with Iran" often comes out with "cut"
a NOUN compound of "ties", tagged VERB and heading the clause. A compound noun with verb patterns
right before such a verb (only adjectives between), with the clause's subject before it, is the
verb, and the old head its object.

Particles read as prepositions: "Washington turned down Kyiv's request", "called off the talks"
often come out with "down"/"off" the case of an oblique. A case word of the language's
``verb_particles`` right after the verb is its particle, and the oblique its object.

Phrasal infinitives read as adverbs: in "refused to back down" the parser may tag "back" ADV
(an advmod of "refused" with "to" and the particle "down" under it). A word with an infinitive
marker and a particle of its own is the verb of a complement clause.

Place prepositions read as modifiers: "rallied outside parliament", "clashed with police outside
parliament" often come out with "outside" an adjective of "parliament", which becomes the object
(or swallows "police"). A word of the language's ``place_adverbs`` modifying the noun right after
it is that noun's preposition when words before it that the noun governed ("police") head their
own phrase again, or when the noun is one of the language's ``place_nouns`` (not "rejected outside
interference"): the noun is then an oblique.

Objects read as nominal complements: "Ban Ki-moon condemned Israel's shelling of a U.N. school"
may come out with "shelling" an xcomp of "condemned". A noun xcomp with a possessive or a
determiner and no copula, of a verb with no object, is the verb's object.

Possessed gerunds read as verbs: in "Turkey's downing of a Russian warplane sparked a crisis"
the parser may tag "downing" VERB (a clause with "of a warplane" as its oblique). An "-ing" verb
with a possessive and no subject or auxiliary is an event noun: its obliques become its nmods.

Names read as verbs: small models tag some place and person names as verbs ("Washington
promised ...", "accused Beijing of ...", "Dmitry Medvedev visited ...") and hang the sentence on
them. A verb whose lemma keeps a capital, or a capitalized verb between a proper noun and a verb,
is a proper noun: a clause it heads goes to its first verb, and the name becomes the subject of the
predicate after it, the oblique of its preposition, the object of the verb before it, or a part of
the name before it.
"""

from __future__ import annotations

from collections.abc import Callable, Container
from itertools import chain
from operator import attrgetter
from typing import Any, TypeVar

from coder.coding.tree import base, case_of, subtree
from coder.dictionaries.model import Language, Lexicon
from coder.doc import Sentence, Token
from coder.evolve import evolve
from coder.text import StringMemo, fold

# Dependents a time word may keep ("mardi dernier", "le 3 mars", "on Tuesday").
_TIME_KEEPS = {"det", "case", "amod", "nummod", "punct", "advmod", "fixed", "flat", "compound", "nmod"}


def repair(sent: Sentence, lang: Language, verbs: Container[str] = (),
           demonym: Callable[[str], bool] | None = None, names: Callable[[str], bool] | None = None) -> Sentence:
    """The sentence with the repairs above applied (a copy, marked as repaired). ``verbs``: the
    folded words with verb patterns (lemmas and the forms patterns list), which tell verbs the
    parser misread from adjectives; ``demonym`` tells country adjectives ("israéliens") for the
    repair of demonyms tagged as verbs; ``names`` whether words are a country's or an organization's
    name (the repair of a name's last word tagged as a verb)."""
    if sent.repaired:
        return sent
    return _repaired(sent, _steps(lang, verbs, demonym, names))


def repair_for(sent: Sentence, lex: Lexicon) -> Sentence:
    """``repair`` with the demonyms of a lexicon's actor dictionary."""
    if sent.repaired:
        return sent
    steps: _Steps | None = lex.__dict__.get("_repair_steps")
    if steps is None:  # (once per lexicon)
        test = _demonym_test(lex)
        steps = lex.__dict__["_repair_steps"] = _steps(lex.language, lex.patterns, test.known.__getitem__, test.names)
    return _repaired(sent, steps)


# A repair as ``repair`` applies it: the function, its arguments after the sentence, and its needs
# (see ``_needs``): the tags and words that must all be the sentence's, then sets of them each of
# which must meet the sentence's.
_Step = tuple[Callable[..., Sentence], tuple[Any, ...], frozenset[str], tuple[frozenset[str], ...]]
# The repairs of a language, and all the tags and words their needs name (the sentence's words
# are read only against these).
_Steps = tuple[list[_Step], frozenset[str]]
_NEEDS: dict[Callable[..., Sentence], tuple[tuple[frozenset[str], ...], str, str]] = {}
_Repair = TypeVar("_Repair", bound=Callable[..., Sentence])


def _needs(*tags: str | tuple[str, ...], words: str = "", language: str = "") -> Callable[[_Repair], _Repair]:
    """Declares a repair's quick test, read before it is called (a call costs more than most of
    the tests): each of ``tags`` (one, or a tuple of alternatives: upos, deprels and their bases,
    or folded words) must be among the sentence's, and so must one of the folded forms or lemmas
    of the language's word set ``words`` (an attribute of ``Language``, "time_words"); a repair
    whose word set or ``language`` set is empty does not run for that language. A test may let
    through sentences the repair leaves alone (a deprel "acl" stands for its subtypes too), never
    the reverse: change it along with the repair's condition."""
    groups = tuple(frozenset((t,) if isinstance(t, str) else t) for t in tags)

    def mark(fn: _Repair) -> _Repair:
        _NEEDS[fn] = (groups, words, language)
        return fn
    return mark


def _steps(lang: Language, verbs: Container[str], demonym: Callable[[str], bool] | None,
           names: Callable[[str], bool] | None) -> _Steps:
    """The repairs that can apply in a language, with their arguments (by parameter name: a
    repair whose argument is not given does not run) and their needs; and what the needs name."""
    given: dict[str, Any] = {"lang": lang, "verbs": verbs, "demonym": demonym, "names": names}
    steps: list[_Step] = []
    for fn in _REPAIRS:
        code = fn.__code__
        args = tuple(given[p] for p in code.co_varnames[1:code.co_argcount])
        groups, words, language = _NEEDS.get(fn, ((), "", ""))
        if any(a is None for a in args) or language and not getattr(lang, language):
            continue
        if words:
            groups = (*groups, frozenset(getattr(lang, words)))
        if frozenset() not in groups:
            alone = frozenset(t for g in groups if len(g) == 1 for t in g)
            steps.append((fn, args, alone, tuple(g for g in groups if len(g) > 1)))
    return steps, frozenset().union(*(alone for _, _, alone, _ in steps), *(g for *_, groups in steps for g in groups))


def _repaired(sent: Sentence, repairs: _Steps) -> Sentence:
    """The sentence with the repairs applied in turn, each to what the ones before it made."""
    steps, wanted = repairs
    facts = _facts(sent.tokens, wanted)
    for fn, args, alone, groups in steps:
        if not alone <= facts:
            continue
        for group in groups:
            if facts.isdisjoint(group):
                break
        else:
            new = fn(sent, *args)
            if new is not sent:
                sent, facts = new, _facts(new.tokens, wanted)
    out = Sentence(sent.id, sent.text, sent.tokens, sent.sent_id, sent._children)  # same tree, same children
    out.repaired = True
    return out


def _demonym_test(lex: Lexicon) -> _Demonyms:
    """Whether a word as written is a country adjective of the lexicon (one test per lexicon)."""
    test = lex.__dict__.get("_demonym_test")
    if test is None:
        test = lex.__dict__["_demonym_test"] = _Demonyms(lex)
    return test


class _Demonyms:
    """Whether a word as written is a country adjective of a lexicon, cached per word (a class,
    not a closure: lexicons are pickled for the workers)."""

    def __init__(self, lex: Lexicon):
        self.lex = lex
        # (the words seen: ``known.__getitem__`` is the test read in C, without a call of ``__call__``)
        self.known: StringMemo[bool] = StringMemo(self._adjective, 100_000)

    def __call__(self, word: str) -> bool:
        return self.known[word]

    def _adjective(self, word: str) -> bool:
        return any(v.kind == "adjective" for v in self.lex.actors.lookup(word))

    def names(self, words: str) -> bool:
        """Whether the words are the name of a country or an organization."""
        return any(v.kind in ("country", "org") for v in self.lex.actors.lookup(words))


@_needs("VERB", "ADJ")
def _name_ends_read_as_verbs(sent: Sentence, names: Callable[[str], bool]) -> Sentence:
    """The lowercase last word of a name tagged as a participle with a clause of its own ("accuse
    les Émirats arabes unis de soutenir ...": "unis" a conjunct of "accuse", "soutenir" its
    complement) is the name's: it joins the name's noun and its dependents go to its head. Only a
    participle right after the name's adjective is looked up."""
    changes: dict[int, dict[str, object]] = {}
    toks = sent.tokens
    for t in _with(toks, "upos", "VERB"):
        if t.id < 3 or toks[t.id - 2].upos != "ADJ":
            continue
        adj, noun = toks[t.id - 2], toks[t.id - 3]
        if adj.head != noun.id or not noun.form[:1].isupper() or not t.form[:1].islower() or not t.head \
                or t.feat("VerbForm") != "Part" or not names(f"{noun.form} {adj.form} {t.form}"):
            continue
        changes[t.id] = {"upos": "ADJ", "deprel": "amod", "head": noun.id}
        changes.update((c, {"head": t.head}) for c in sent.children(t.id))
    return _rebuilt(sent, changes) if changes else sent


@_needs("VERB")
def _demonyms_read_as_verbs(sent: Sentence, lang: Language, demonym: Callable[[str], bool]) -> Sentence:
    """A country adjective tagged VERB ("otages israéliens par le Hamas", "aux rebelles touareg
    le contrôle") becomes the adjective of its noun, and its dependents go back to where they belong."""
    changes: dict[int, dict[str, object]] = {}
    for t in _with(sent.tokens, "upos", "VERB"):
        if not t.head or t.id in changes or not demonym(t.form):
            continue
        kids = sent.children(t.id)
        head = sent.token(t.head)
        if base(t.deprel) in ("acl", "amod") and head.upos in ("NOUN", "PROPN"):
            noun, outer = head.id, head.head
            changes[t.id] = {"upos": "ADJ", "deprel": "amod"}
        else:  # a clause of its own: the noun just before it is the verb's argument
            before = [c for c in kids if c == t.id - 1 and sent.token(c).upos in ("NOUN", "PROPN")]
            if not before:
                continue
            noun, outer = before[0], t.head
            changes[noun] = {"head": t.head, "deprel": sent.token(noun).deprel}
            changes[t.id] = {"upos": "ADJ", "deprel": "amod", "head": noun}
        for c in kids:
            if c in changes:
                continue
            ct = sent.token(c)
            if outer and case_of(sent, c) & lang.agent_prepositions:
                changes[c] = {"head": outer if sent.token(outer).upos in ("NOUN", "PROPN") else noun,
                              "deprel": "nmod"}  # "la libération de ... par le Hamas"
            else:
                changes[c] = {"head": t.head if noun != head.id else noun, "deprel": ct.deprel}
    return _rebuilt(sent, changes) if changes else sent  # (no call for the usual case)


# Each repair declares the tags or words its condition needs (``_needs``), and runs only on a
# sentence with them; then it walks only the tokens its condition can hold for (``_with``: the
# verbs, the case words). The tokens' folded words and the index of their tags are cached for the
# last token list (the repairs see one sentence in turn; a repair that changes it makes a new list).
_last: tuple[list[Token] | None, dict[str, Any]] = (None, {})


def _has(tokens: list[Token], field: str, value: str) -> bool:
    """Whether some token's ``field`` (upos, deprel; "base": the deprel's base) has a value."""
    last, values = _last
    ix = values.get("index") if last is tokens else None  # (_index's cache, read here first)
    return value in (_index(tokens) if ix is None else ix)[field]


def _with(tokens: list[Token], field: str, *values: str) -> list[Token]:
    """The tokens whose ``field`` (upos, deprel, "base") has one of some values, in sentence
    order (not to be changed by the caller)."""
    last, facts = _last
    ix = facts.get("index") if last is tokens else None  # (_index's cache, read here first)
    found = (_index(tokens) if ix is None else ix)[field]
    if len(values) == 1:
        return found.get(values[0], [])
    out = [t for v in values for t in found.get(v, ())]
    out.sort(key=_ID)
    return out


def _root(tokens: list[Token]) -> Token | None:
    """The first token with no head."""
    ix = _index(tokens)
    if "root" not in ix:
        heads = list(map(_HEAD, tokens))
        ix["root"] = tokens[heads.index(0)] if 0 in heads else None
    return ix["root"]


_ID, _HEAD, _FORM, _LEMMA = attrgetter("id"), attrgetter("head"), attrgetter("form"), attrgetter("lemma")


def _cached(tokens: list[Token]) -> dict[str, Any]:
    """The cache of ``_words`` and ``_index`` for these tokens."""
    global _last
    last, values = _last
    if last is not tokens:
        values = {}
        _last = (tokens, values)
    return values


def _facts(tokens: list[Token], wanted: frozenset[str]) -> frozenset[str]:
    """What the repairs' needs are read against: the tokens' tags (upos, deprels and their bases)
    and those of their folded forms and lemmas that the needs name (``wanted``)."""
    ix = _index(tokens)
    return _words(tokens, wanted).union(ix["upos"], ix["deprel"], ix["base"])


def _words(tokens: list[Token], wanted: frozenset[str]) -> frozenset[str]:
    """The tokens' folded forms and lemmas among ``wanted`` (cheaper than a set of them all)."""
    values = _cached(tokens)
    out = values.get("words")
    if out is None or out[0] is not wanted:
        out = values["words"] = (wanted, wanted.intersection(map(fold, chain(map(_FORM, tokens), map(_LEMMA, tokens)))))
    return out[1]


def _index(tokens: list[Token]) -> dict[str, Any]:
    """The tokens by upos, by deprel and by deprel base ("base"), in sentence order (and the
    root and the subjects by head, once ``_root`` and ``_subjects_by_head`` asked)."""
    last, values = _last
    ix = values.get("index") if last is tokens else None
    if ix is None:
        values = _cached(tokens)
        by_upos: dict[str, list[Token]] = {}
        by_deprel: dict[str, list[Token]] = {}
        for t in tokens:
            by_upos.setdefault(t.upos, []).append(t)
            by_deprel.setdefault(t.deprel, []).append(t)
        by_base = dict(by_deprel)  # (then the subtypes merged into their bases: "obl:agent" into "obl")
        for deprel in by_deprel:
            if ":" in deprel:
                found, b = by_base.pop(deprel), base(deprel)
                by_base[b] = sorted(by_base[b] + found, key=_ID) if b in by_base else found
        ix = values["index"] = {"upos": by_upos, "deprel": by_deprel, "base": by_base}
    return ix


def _rebuilt(sent: Sentence, changes: dict[int, dict[str, object]]) -> Sentence:
    """A copy of the sentence with some tokens' fields changed (token id -> field -> value)."""
    if changes:  # (only those that change a field: else the sentence keeps its cached children)
        changes = {i: ch for i, ch in changes.items() if 0 < i <= len(sent.tokens)
                   and any(getattr(sent.tokens[i - 1], k) != v for k, v in ch.items())}
    if not changes:
        return sent
    global _last
    tokens = [evolve(t, **changes[t.id]) if t.id in changes else t for t in sent.tokens]
    last, values = _last
    if last is sent.tokens and "words" in values and not any("form" in ch or "lemma" in ch for ch in changes.values()):
        _last = (tokens, {"words": values["words"]})  # (the words did not change)
    return Sentence(sent.id, sent.text, tokens, sent.sent_id)


def _moved(sent: Sentence, moves: dict[int, tuple[int, str]]) -> Sentence:
    """A copy of the sentence with some tokens given a new head and relation."""
    if not moves:
        return sent
    return _rebuilt(sent, {i: {"head": h, "deprel": r} for i, (h, r) in moves.items()})


@_needs("obl:agent", language="agent_prepositions")
def _agents_without_preposition(sent: Sentence, lang: Language) -> Sentence:
    """An "obl:agent" with no "by"/"par" is an object ("accused Prime Minister Nawaz Sharif")."""
    bad = {t.id for t in _with(sent.tokens, "deprel", "obl:agent")
           if not any(base(sent.token(c).deprel) == "case" and fold(sent.token(c).form) in lang.agent_prepositions
                       for c in sent.children(t.id))}
    return _rebuilt(sent, {i: {"deprel": "obj"} for i in bad})


@_needs(("xcomp", "acl"))
def _infinitives_on_objects(sent: Sentence) -> Sentence:
    """An xcomp under an object noun goes to the object's verb ("exhorté Israël à faire ..."), and
    so does an infinitive modifying an object name ("a sommé la Pologne de revenir sur ...": a name
    takes no infinitive)."""
    moves: dict[int, tuple[int, str]] = {}
    for t in sorted((*_with(sent.tokens, "deprel", "acl"), *_with(sent.tokens, "base", "xcomp")), key=_ID):
        if _infinitive_on_name_object(sent, t):
            moves[t.id] = (sent.token(t.head).head, "xcomp")
            continue
        if base(t.deprel) != "xcomp" or not t.head or sent.token(t.head).upos not in _NOMINAL:
            continue
        noun = sent.token(t.head)  # up through the object's phrase: "l'armée et les paramilitaires des
        for _ in range(6):         # Forces de soutien rapide à reprendre": "reprendre" hangs on "rapide"
            if base(noun.deprel) not in ("conj", "nmod", "amod", "appos", "flat") or not noun.head:
                break
            noun = sent.token(noun.head)
        if base(noun.deprel) in ("obj", "iobj") and noun.head and sent.token(noun.head).upos == "VERB":
            moves[t.id] = (noun.head, t.deprel)
    return _moved(sent, moves)


_NOMINAL = ("NOUN", "PROPN", "ADJ")


@_needs("acl", language="allegation_verbs")
def _allegations_on_objects(sent: Sentence, lang: Language) -> Sentence:
    """What someone is accused of, hung on the accused ("accused the RSF of killing dozens of
    civilians": "killing" an acl of "RSF"), is the accusation verb's complement, as in French
    ("accusé les FSR d'avoir tué"): its conditions then see the clause ("killing ... civilians")."""
    moves: dict[int, tuple[int, str]] = {}
    for t in _with(sent.tokens, "deprel", "acl"):
        noun = sent.token(t.head) if t.head else None
        if noun is None or base(noun.deprel) != "obj" or not noun.head \
                or fold(sent.token(noun.head).lemma) not in lang.allegation_verbs:
            continue
        if any(sent.token(c).deprel == "mark" and fold(sent.token(c).form) in lang.genitive_prepositions
               for c in sent.children(t.id)):
            moves[t.id] = (noun.head, "xcomp")
    return _moved(sent, moves)


def _infinitive_on_name_object(sent: Sentence, t: Token) -> bool:
    """An infinitive "acl" of a proper noun that is a verb's object."""
    if t.deprel != "acl" or t.feat("VerbForm") != "Inf" or not t.head:
        return False
    name = sent.token(t.head)
    return name.upos == "PROPN" and base(name.deprel) in ("obj", "iobj") and bool(name.head) \
        and sent.token(name.head).upos == "VERB"


@_needs("ADV", words="target_prepositions")
def _adverb_prepositions(sent: Sentence, lang: Language) -> Sentence:
    preps = set(lang.target_prepositions)
    moves: dict[int, tuple[int, str]] = {}
    for t in _with(sent.tokens, "upos", "ADV"):
        if fold(t.form) not in preps or not t.head:
            continue
        head = sent.token(t.head)
        if t.head > t.id and head.upos in ("NOUN", "PROPN", "PRON"):  # "auprès" (advmod) -> "Chine"
            moves[t.id] = (t.head, "case")
            continue
        nouns = [c for c in sent.children(t.id) if c > t.id and sent.token(c).upos in ("NOUN", "PROPN", "PRON")]
        if nouns:
            moves[nouns[0]] = (t.head, "obl")
            moves[t.id] = (nouns[0], "case")
            continue
        # "auprès" (advmod) followed by its sibling "de la Corée" (obl): make it that oblique's case
        for c in sent.children(t.head):
            if c > t.id and base(sent.token(c).deprel) == "obl" and all(
                    sent.token(j).head == c and base(sent.token(j).deprel) in ("case", "det")
                    for j in range(t.id + 1, c)):
                moves[t.id] = (c, "case")
                break
    return _moved(sent, moves)


@_needs(("obl", "nmod"), words="subordinators")
def _subordinate_subjects(sent: Sentence, lang: Language) -> Sentence:
    relabel: dict[int, tuple[int, str]] = {}
    for t in _with(sent.tokens, "base", "obl", "nmod"):
        head = sent.token(t.head) if t.head else None
        if head is None or t.id > head.id or head.upos != "VERB":
            continue
        if any(base(sent.token(c).deprel) in ("nsubj", "csubj") for c in sent.children(head.id)):
            continue
        cases = [c for c in sent.children(t.id) if base(sent.token(c).deprel) == "case"]
        if cases and all(fold(sent.token(c).form) in lang.subordinators for c in cases):
            relabel[t.id] = (t.head, "nsubj")
            relabel.update((c, (head.id, "mark")) for c in cases)
    return _moved(sent, relabel)


@_needs(words="time_words")
def _time_words(sent: Sentence, lang: Language) -> Sentence:
    moves: dict[int, int] = {}
    fixed: set[int] = set()
    toks, words = sent.tokens, lang.time_words
    for t in toks:
        if t.head == 0 or fold(t.form) not in words and fold(t.lemma) not in words:
            continue
        movers = [c for c in sent.children(t.id) if base(toks[c - 1].deprel) not in _TIME_KEEPS]
        if not movers and t.upos in ("NOUN", "PROPN", "ADV", "NUM") and not _bare_time_object(sent, t):
            continue
        fixed.add(t.id)
        for c in movers:
            moves[c] = t.head
    changes: dict[int, dict[str, object]] = {i: {"head": h} for i, h in moves.items()}
    for i in fixed:
        upos = toks[i - 1].upos
        changes.setdefault(i, {}).update(upos="NOUN" if upos in ("VERB", "AUX", "ADJ") else upos, deprel="obl:tmod")
    return _rebuilt(sent, changes)


@_needs(("obj", "iobj"), words="time_words")
def _objects_hung_on_time_words(sent: Sentence, lang: Language) -> Sentence:
    """"struck Ukrainian energy facilities overnight", "struck Kyiv overnight" with the object's
    words hung on the time word read as the object: the noun right before it heads the object (its
    other words go with it), and the time word is a time of the verb."""
    toks, words = sent.tokens, lang.time_words
    for t in toks:
        if base(t.deprel) not in ("obj", "iobj") or t.id < 2 or fold(t.form) not in words and fold(t.lemma) not in words:
            continue
        new = toks[t.id - 2]
        if new.head != t.id or base(new.deprel) not in ("compound", "flat") or new.upos not in ("NOUN", "PROPN"):
            continue
        changes: dict[int, dict[str, object]] = {
            new.id: {"head": t.head, "deprel": t.deprel}, t.id: {"deprel": "obl:tmod"}}
        changes.update((c, {"head": new.id}) for c in sent.children(t.id) if c < new.id)
        return _rebuilt(sent, changes)
    return sent


def _bare_time_object(sent: Sentence, t: Token) -> bool:
    """A time word alone read as the verb's object ("ont manifesté samedi"); not one heading the
    object's words ("struck Ukrainian energy facilities overnight")."""
    return base(t.deprel) in ("obj", "iobj") and not any(
        base(sent.token(c).deprel) in ("compound", "nmod", "flat") for c in sent.children(t.id))


def _subjects_by_head(sent: Sentence) -> dict[int, list[int]] | None:
    """Each head's subjects, in sentence order; None when no head can have two (a quick test).
    Kept with the index (two repairs ask; not to be changed by the caller)."""
    ix = _index(sent.tokens)
    if "subjects" not in ix:
        found = ix["base"].get("nsubj", ())
        subjects: dict[int, list[int]] | None = None
        if len(found) >= 2:
            subjects = {}
            for t in found:
                if 0 <= t.head <= len(sent.tokens):
                    subjects.setdefault(t.head, []).append(t.id)
        ix["subjects"] = subjects
    return ix["subjects"]


@_needs("nsubj")
def _comma_lists(sent: Sentence) -> Sentence:
    subjects = _subjects_by_head(sent)
    if subjects is None:
        return sent
    moves: dict[int, tuple[int, str]] = {}
    for _, subs in sorted(subjects.items()):
        for a, b in zip(subs, subs[1:], strict=False):
            end_a, start_b = max(subtree(sent, a)), min(subtree(sent, b))
            while end_a > a and sent.token(end_a).form == ",":  # the comma may hang on the first
                end_a -= 1
            between = range(end_a + 1, start_b)
            clause = any(sent.token(i).upos in ("VERB", "AUX") for i in range(a, end_a + 1))
            if between and not clause and all(sent.token(i).form == "," for i in between):
                moves[b] = (moves.get(a, (a,))[0] if a in moves else a, "conj")
    return _moved(sent, moves) if moves else sent  # (no call for the usual case)


@_needs("ADV")
def _quantity_objects(sent: Sentence, lang: Language) -> Sentence:
    moves: dict[int, tuple[int, str]] = {}
    for t in _with(sent.tokens, "upos", "ADV"):
        if base(t.deprel) not in ("obj", "nsubj"):
            continue  # ("a tué plus de cent civils", "plus d'un million de personnes ont manifesté")
        nouns = [c for c in sent.children(t.id) if sent.token(c).upos in ("NOUN", "PROPN")
                 and base(sent.token(c).deprel) in ("obl", "nmod")]
        if nouns:
            moves[nouns[0]] = (t.head, t.deprel)
            moves[t.id] = (nouns[0], "advmod")
    return _moved(sent, moves)


@_needs("NOUN")
def _verbs_read_as_nouns(sent: Sentence) -> Sentence:
    toks = sent.tokens
    no_verb = not _has(toks, "upos", "VERB") and not _has(toks, "upos", "AUX")
    if no_verb:
        with_subject = {t.head for t in _with(toks, "base", "nsubj")}
        nouns = [t for t in _with(toks, "upos", "NOUN") if t.id in with_subject or t.head == 0]
    else:  # (only the heads of subjects: fewer than the nouns)
        nouns = [toks[t.head - 1] for t in _with(toks, "base", "nsubj") if 0 < t.head <= len(toks)]
        nouns = [t for t in nouns if t.upos == "NOUN"]
    if not nouns:
        return sent
    fix: set[int] = set()
    moves: dict[int, str] = {}
    for t in nouns:
        kids = sent.children(t.id)
        rels = {base(sent.token(c).deprel) for c in kids}
        if "nsubj" in rels and not rels & {"cop", "det", "case"}:
            fix.add(t.id)
        elif t.head == 0 and no_verb and kids and kids[0] < t.id and not rels & {"det", "cop"} \
                and sent.token(kids[0]).upos in ("PROPN", "ADJ") and base(sent.token(kids[0]).deprel) in ("amod", "compound"):
            # "Turkey trades with Iran" parsed as one noun phrase with no verb
            fix.add(t.id)
            moves[kids[0]] = "nsubj"
            moves.update((c, "obl") for c in kids if c > t.id and base(sent.token(c).deprel) == "nmod")
    changes: dict[int, dict[str, object]] = {i: {"deprel": r} for i, r in moves.items()}
    for i in fix:
        changes.setdefault(i, {})["upos"] = "VERB"
    return _rebuilt(sent, changes)


# The words of a noun phrase after a verb read as part of a name, and the relation each keeps
# under the phrase's head when the parser gave it another.
_PHRASE_WORDS = {"DET": "det", "ADJ": "amod", "NUM": "nummod", "PROPN": "compound", "NOUN": "compound"}


@_needs("PROPN")
def _verbs_inside_names(sent: Sentence, verbs: Container[str]) -> Sentence:
    """A sentence with no verb that opens with a capitalized name, a lowercase word with verb
    patterns and a noun phrase, one of which heads the sentence ("Israel struck Gaza.", "Israel
    struck Gaza with missiles." read as one long name or a noun phrase): that word is the verb,
    the name its subject, the noun phrase its object; what hung on the name or on nothing goes to
    the verb. ("Shares in Russian gas company Gazprom fell": the name does not open the sentence.)"""
    toks = sent.tokens
    if _has(toks, "upos", "VERB") or _has(toks, "upos", "AUX"):
        return sent
    for t in toks:
        i = t.id
        if i < 2 or i == len(toks) or not t.form[:1].islower() or t.upos not in ("PROPN", "NOUN", "X") \
                or toks[i - 2].upos != "PROPN" or not toks[i - 2].form[:1].isupper() or fold(t.form) not in verbs:
            continue
        subj = i - 1
        while subj > 1 and toks[subj - 2].upos == "PROPN" and toks[subj - 2].form[:1].isupper():
            subj -= 1
        if subj > 2 or subj == 2 and toks[0].upos != "DET":
            continue  # (the name opens the sentence: a headline's subject)
        end = i
        while end < len(toks) and toks[end].upos in _PHRASE_WORDS:
            end += 1
        nouns = [k for k in range(i + 1, end + 1) if toks[k - 1].upos in ("PROPN", "NOUN")]
        if not nouns:
            continue
        subj_words, obj_words, obj = range(subj, i), range(i + 1, end + 1), nouns[-1]
        root = _root(toks)
        if root is None or not (root.id in subj_words or root.id == i or root.id in obj_words):
            continue  # (the name and the phrase after it are the whole sentence's frame)
        changes: dict[int, dict[str, object]] = {
            i: {"upos": "VERB", "head": 0, "deprel": "root"}, i - 1: {"head": i, "deprel": "nsubj"},
            obj: {"head": i, "deprel": "obj"}}
        changes.update((k, {"head": i - 1, "deprel": "flat"}) for k in subj_words if k != i - 1)
        for k in obj_words:
            if k != obj:
                kept = toks[k - 1].deprel
                changes[k] = {"head": obj, "deprel": kept if kept in _PHRASE_WORDS.values() else _PHRASE_WORDS[toks[k - 1].upos]}
        for x in toks:  # what hung on nothing or on the subject's words hangs on the verb
            if x.id in changes or not (x.head == 0 or x.head in subj_words):
                continue
            rel = base(x.deprel)
            if rel == "nmod":
                changes[x.id] = {"head": i, "deprel": "obl" + x.deprel[3:]}
            else:
                changes[x.id] = {"head": i, "deprel": x.deprel if rel in ("punct", "advmod", "obl", "cc", "conj") else "obl"}
        return _rebuilt(sent, changes)
    return sent


# Relations of a clause that a name cannot hold; a name so attached is re-attached.
_CLAUSE_RELS = {"root", "advcl", "xcomp", "ccomp", "acl", "parataxis", "csubj"}
# Dependents a name keeps (its own words); the others go to the name's verb.
_NAME_KEEPS = {"flat", "compound", "amod", "det", "nmod", "cc", "conj", "appos", "fixed", "nummod"}


def _name_as_verb(sent: Sentence, t) -> bool:
    """A proper noun tagged VERB: its lemma keeps a capital, or it sits capitalized between a
    proper noun and a verb ("Dmitry Medvedev visited", "Theresa May lambasted" with an AUX)."""
    if t.upos not in ("VERB", "AUX") or not t.form[:1].isupper():
        return False
    if t.upos == "VERB" and t.lemma[:1].isupper():
        return True
    return 1 < t.id < len(sent.tokens) and sent.token(t.id - 1).upos == "PROPN" \
        and sent.token(t.id + 1).upos in ("VERB", "AUX")


@_needs(("VERB", "AUX"))
def _names_read_as_verbs(sent: Sentence) -> Sentence:
    by_upos = _index(sent.tokens)["upos"]
    capitalized = [t for t in chain(by_upos.get("VERB", ()), by_upos.get("AUX", ())) if t.form[:1].isupper()]
    if len(capitalized) > 1:
        capitalized.sort(key=_ID)
    for t in capitalized:
        if _name_as_verb(sent, t):
            sent = _name_back_to_noun(sent, t.id)
    return sent


def _name_back_to_noun(sent: Sentence, n: int) -> Sentence:
    """The name ``n`` retagged PROPN, its clause handed to its first verb, itself re-attached."""
    t = sent.token(n)
    changes: dict[int, dict[str, object]] = {n: {"upos": "PROPN"}}
    head, rel = t.head, t.deprel
    kids = sent.children(n)
    verb = next((c for c in kids if c > n and sent.token(c).upos in ("VERB", "AUX")
                 and base(sent.token(c).deprel) in _CLAUSE_RELS | {"conj"}), None)
    if verb is not None and base(rel) in _CLAUSE_RELS:  # "Washington accused ...": accused heads
        changes[verb] = {"head": head, "deprel": rel}
        if head == 0 or head > n:
            head, rel = verb, "dep"
    marker = next((c for c in kids if c == n - 1 and sent.token(c).upos in ("ADP", "PART", "SCONJ")), None)
    for c in kids:
        if c not in (verb, marker) and base(sent.token(c).deprel) not in _NAME_KEEPS:
            changes.setdefault(c, {})["head"] = head
    if base(rel) in _CLAUSE_RELS | {"dep", "aux"}:
        changes[n].update(_name_relation(sent, n, head, marker, changes))
    return _rebuilt(sent, changes)


def _name_relation(sent: Sentence, n: int, head: int, marker: int | None,
                   changes: dict[int, dict[str, object]]) -> dict[str, object]:
    """Head and relation of a name that the parser hung a clause on."""
    if marker is not None:  # "hit out at Beijing", "passed intelligence to Washington"
        changes[marker] = {"deprel": "case", "upos": "ADP"}
        return {"head": head, "deprel": "obl"}
    prev = sent.token(n - 1) if n > 1 else None
    if prev is not None and prev.upos == "PROPN" and not sent.token(n).lemma[:1].isupper():
        return {"head": n - 1, "deprel": "flat"}  # "Dmitry Medvedev"
    if head > n:  # "Washington promised ..."
        return {"head": head, "deprel": "nsubj"}
    nxt = _predicate_after(sent, n, head)
    if nxt is not None:  # "said Beijing was ready to ..."
        return {"head": nxt, "deprel": "nsubj"}
    return {"head": head, "deprel": "obj"}  # "asked Washington to share"


def _predicate_after(sent: Sentence, n: int, head: int) -> int | None:
    """A "that"-less clause of ``head`` starting right after the name, with no subject ("said
    Beijing was ready"); an infinitive ("asked Washington to share") makes the name an object."""
    for c in sent.children(head):
        if c > n and base(sent.token(c).deprel) == "ccomp" and min(subtree(sent, c) - {n}) == n + 1 \
                and not any(base(sent.token(k).deprel) == "nsubj" for k in sent.children(c)):
            return c
    return None


def _appositive_subjects(sent: Sentence) -> Sentence:
    root = _root(sent.tokens)
    if root is None or root.upos not in ("NOUN", "PROPN"):
        return sent
    titles = [c for c in sent.children(root.id) if base(sent.token(c).deprel) in ("appos", "list")]
    scope = {root.id}.union(*(subtree(sent, c) for c in titles))
    verb = next((t for t in _with(sent.tokens, "upos", "VERB") if t.head in scope and t.head < t.id
                 and base(t.deprel) in ("parataxis", "acl", "amod", "dep") and sent.token(t.id - 1).form == ","
                 and not _has_subject(sent, t.id)), None) if titles else None
    if verb is None:  # "Georgian and Russian troops battled ...": a parataxis right after the root's phrase
        phrase_ = subtree(sent, root.id)
        verb = next((sent.token(c) for c in sent.children(root.id) if base(sent.token(c).deprel) == "parataxis"
                     and sent.token(c).upos == "VERB" and c - 1 in phrase_ - subtree(sent, c)
                     and not _has_subject(sent, c)), None)
    if verb is None:
        return sent
    kids = sent.children(verb.id)
    passive = any(sent.token(c).deprel == "aux:pass" for c in kids)
    changes: dict[int, dict[str, object]] = {verb.id: {"head": 0, "deprel": "root"},
                                             root.id: {"head": verb.id, "deprel": "nsubj:pass" if passive else "nsubj"}}
    changes.update((c, {"head": verb.id}) for c in sent.children(root.id) if c > verb.id)
    if not passive:
        changes.update((c, {"deprel": "obl"}) for c in kids if sent.token(c).deprel == "obl:agent")
    return _rebuilt(sent, changes)


def _has_subject(sent: Sentence, tid: int) -> bool:
    return any(base(sent.token(c).deprel) in ("nsubj", "csubj") for c in sent.children(tid))


@_needs("nsubj:pass")
def _active_passive_subjects(sent: Sentence) -> Sentence:
    fix = []
    for t in _with(sent.tokens, "deprel", "nsubj:pass"):
        if not t.head or base(sent.token(t.head).deprel) == "acl":
            continue
        rels = {sent.token(c).deprel for c in sent.children(t.head)}
        if not rels & {"aux:pass", "obl:agent", "expl", "expl:pass"}:
            fix.append(t.id)
    return _rebuilt(sent, {i: {"deprel": "nsubj"} for i in fix})


@_needs("VERB", "amod")
def _verbs_read_as_modifiers(sent: Sentence) -> Sentence:
    root = _root(sent.tokens)
    if root is None or root.upos not in ("NOUN", "PROPN"):
        return sent
    for verb in _with(sent.tokens, "upos", "VERB"):
        v = verb.id
        if v < 2 or base(verb.deprel) != "amod" or verb.feat("Tense") != "Past":
            continue
        if verb.head == root.id and v < root.id:  # "Sudan's army rejected talks"
            subj, obj = v - 1, root.id
            if sent.token(subj).head != root.id or sent.token(subj).upos not in ("NOUN", "PROPN", "ADJ"):
                continue
            movers = [c for c in sent.children(root.id) if c < subj or sent.token(c).upos == "PUNCT"]
        elif verb.head > v > root.id and _first_main_verb(sent, root.id) == v:  # "rebels, who ..., fired missiles"
            subj, obj = root.id, verb.head
            movers = [c for c in sent.children(root.id) if c > v and c != obj]
        else:
            continue
        changes: dict[int, dict[str, object]] = {v: {"head": 0, "deprel": "root"},
                                                 subj: {"head": v, "deprel": "nsubj"},
                                                 obj: {"head": v, "deprel": "obj"}}
        changes.update((c, {"head": v}) for c in movers if c not in changes)
        return _rebuilt(sent, changes)
    return sent


def _first_main_verb(sent: Sentence, root: int) -> int | None:
    """The first verb after the root noun that is not inside a relative clause or participle of
    it, or that follows the comma closing one."""
    inside = set().union(*(subtree(sent, c) for c in sent.children(root) if base(sent.token(c).deprel) == "acl"))
    return next((t.id for t in _with(sent.tokens, "upos", "VERB") if t.id > root
                 and (t.id not in inside or sent.token(t.id - 1).form == ",")), None)


@_needs("VERB", "have")
def _perfects_read_as_have(sent: Sentence, verbs: Container[str]) -> Sentence:
    for have in _with(sent.tokens, "upos", "VERB"):
        if fold(have.lemma) != "have" or have.id >= len(sent.tokens):
            continue
        p = sent.token(have.id + 1)
        participle = p.upos == "VERB" and base(p.deprel) == "xcomp" and p.head == have.id and p.feat("VerbForm") == "Part"
        adjective = p.upos == "ADJ" and base(p.deprel) == "amod" and p.head > p.id \
            and base(sent.token(p.head).deprel) == "obj" and sent.token(p.head).head == have.id \
            and (fold(p.form) in verbs or fold(p.lemma) in verbs)
        if not participle and not adjective:
            continue
        changes: dict[int, dict[str, object]] = {
            p.id: {"head": have.head, "deprel": have.deprel, "upos": "VERB"},
            have.id: {"head": p.id, "deprel": "aux", "upos": "AUX"}}
        changes.update((c, {"head": p.id}) for c in sent.children(have.id) if c != p.id)
        return _rebuilt(sent, changes)
    return sent



@_needs("xcomp")
def _modifiers_read_as_complements(sent: Sentence, verbs: Container[str]) -> Sentence:
    changes: dict[int, dict[str, object]] = {}
    for t in _with(sent.tokens, "base", "xcomp"):
        if t.upos != "VERB" or t.id >= len(sent.tokens):
            continue
        noun = sent.token(t.id + 1)
        kids = sent.children(t.id)
        # its dependents lie beyond the object (crossing arcs): "stop enriching uranium" is a verb
        if noun.head != t.head or base(noun.deprel) != "obj" or noun.upos != "NOUN" or not kids \
                or min(kids) < noun.id \
                or any(base(sent.token(c).deprel) in ("mark", "obj", "nsubj", "aux") for c in kids):
            continue
        if fold(t.form) in verbs:  # "began pumping gas to China": the object is the gerund's
            changes[noun.id] = {"head": t.id}
            continue
        changes[t.id] = {"head": noun.id, "deprel": "amod", "upos": "ADJ"}
        changes.update((c, {"head": t.head}) for c in kids)
    return _rebuilt(sent, changes)


@_needs("acl")
def _verbs_on_quantities(sent: Sentence) -> Sentence:
    root = _root(sent.tokens)
    if root is None or root.upos not in ("NOUN", "PROPN", "NUM"):
        return sent
    verbs = [t for t in _with(sent.tokens, "upos", "VERB", "AUX") if base(t.deprel) not in ("aux", "cop")]
    if len(verbs) != 1 or base(verbs[0].deprel) != "acl" or verbs[0].head == root.id:
        return sent
    verb, h = verbs[0], verbs[0].head
    while h != root.id and base(sent.token(h).deprel) == "nmod":  # "thousands" of "Hundreds"
        h = sent.token(h).head
    kids = sent.children(verb.id)
    if h != root.id or any(sent.token(c).deprel == "obl:agent" or base(sent.token(c).deprel) == "nsubj" for c in kids):
        return sent
    changes: dict[int, dict[str, object]] = {verb.id: {"head": 0, "deprel": "root"},
                                             root.id: {"head": verb.id, "deprel": "nsubj"}}
    changes.update((c, {"head": verb.id}) for c in sent.children(root.id) if c > verb.id)
    return _rebuilt(sent, changes)


def _split_names(sent: Sentence) -> Sentence:
    groups: dict[tuple[int, str], list[int]] = {}
    by_base = _index(sent.tokens)["base"]
    for rel in ("nsubj", "obj", "iobj", "obl"):  # (a group is one relation's: in sentence order)
        for t in by_base.get(rel, ()):
            # (a capitalized noun inside a name too: "Human Rights" + "Watch")
            if t.upos == "PROPN" or t.upos == "NOUN" and t.id > 1 and t.form[:1].isupper():
                groups.setdefault((t.head, t.deprel), []).append(t.id)
    moves: dict[int, tuple[int, str]] = {}
    for ids in groups.values():
        if len(ids) < 2:
            continue
        for a, b in zip(ids, ids[1:], strict=False):  # (the cheaper test first: "in Paris on Monday")
            if not any(base(sent.token(c).deprel) in ("case", "det") for c in sent.children(b)) \
                    and max(subtree(sent, a)) + 1 == min(subtree(sent, b)):
                moves[b] = (moves.get(a, (a,))[0], "flat")
    return _moved(sent, moves) if moves else sent  # (no call for the usual case)


@_needs("nsubj")
def _appositions_read_as_subjects(sent: Sentence) -> Sentence:
    """"Belgium, the former colonial power, urged ...": a second subject set off by commas right
    after the first is the first's apposition, not the subject."""
    subjects = _subjects_by_head(sent)
    if subjects is None:
        return sent
    moves: dict[int, tuple[int, str]] = {}
    toks = sent.tokens
    for verb, (a, b, *_) in ((v, ids) for v, ids in subjects.items() if v and len(ids) >= 2):
        if toks[b - 1].upos != "NOUN":
            continue
        phrase_ = subtree(sent, b)
        lo, hi = min(phrase_), max(phrase_)
        if toks[lo - 2].form == "," and hi + 1 < verb and toks[hi].form == "," \
                and max(i for i in subtree(sent, a) if toks[i - 1].upos != "PUNCT") + 2 == lo:
            moves[b] = (a, "appos")
    return _moved(sent, moves) if moves else sent  # (no call for the usual case)


@_needs("PUNCT", ("nsubj", "flat"))
def _comma_lists_read_as_names(sent: Sentence) -> Sentence:
    """"L'Arabie saoudite, les Emirats arabes unis, Bahreïn et l'Egypte ont rompu ...": a noun
    after a comma hung on an earlier noun as its subject (with no copula) or as a name's part,
    relations a list's next item cannot have, is that noun's conjunct."""
    toks = sent.tokens
    moves: dict[int, tuple[int, str]] = {}
    for t in chain(_with(toks, "base", "nsubj"), _with(toks, "base", "flat")):  # (any order)
        if t.upos not in ("NOUN", "PROPN") or not t.head or t.head > t.id or toks[t.head - 1].upos not in ("NOUN", "PROPN") \
                or not any(x.form == "," for x in toks[t.head:t.id - 1]):  # (a quick test: a comma between)
            continue
        first = _first_word(sent, t.id)
        if first < 2 or toks[first - 2].form != "," \
                or any(base(toks[c - 1].deprel) == "cop" for c in sent.children(t.head)):
            continue
        moves[t.id] = (t.head, "conj")
    return _moved(sent, moves) if moves else sent  # (no call for the usual case)


@_needs(("compound", "flat"), "case")
def _cases_inside_names(sent: Sentence) -> Sentence:
    moves: dict[int, tuple[int, str]] = {}
    toks = sent.tokens
    for t in _with(toks, "base", "case"):
        if not t.head:
            continue
        top, h = t.head, toks[t.head - 1]
        while h.head > top and base(h.deprel) in ("compound", "flat"):
            top = h.head
            h = toks[top - 1]
        if top != t.head and min(subtree(sent, top) - {t.id}) == t.id + 1:
            moves[t.id] = (top, t.deprel)
    return _moved(sent, moves)


@_needs(("obl", "nmod"), words="agent_prepositions")
def _agents_on_complements(sent: Sentence, lang: Language) -> Sentence:
    moves: dict[int, tuple[int, str]] = {}
    for t in _with(sent.tokens, "base", "obl", "nmod"):
        if not t.head or not case_of(sent, t.id) & lang.agent_prepositions:
            continue
        comp = sent.token(t.head)
        on_complement = base(t.deprel) == "obl" and base(comp.deprel) == "xcomp" and comp.upos in ("ADJ", "NOUN")
        on_oblique = base(t.deprel) == "nmod" and base(comp.deprel) == "obl" and comp.upos in ("NOUN", "PROPN")
        if not (on_complement or on_oblique) or not comp.head:
            continue
        rels = {sent.token(c).deprel for c in sent.children(comp.head)}
        if "aux:pass" in rels and "obl:agent" not in rels:
            moves[t.id] = (comp.head, "obl:agent")
    return _moved(sent, moves)


@_needs("VERB", ("parataxis", "conj"), words="reporting_verbs")
def _inverted_reporting_subjects(sent: Sentence, lang: Language) -> Sentence:
    fix: dict[int, dict[str, object]] = {}
    for verb in _with(sent.tokens, "upos", "VERB"):
        rel = base(verb.deprel)
        if (fold(verb.lemma) not in lang.reporting_verbs or rel not in ("parataxis", "conj")
                or verb.head > verb.id or _has_subject(sent, verb.id)):
            continue
        first = _first_word(sent, verb.id)
        if first < 2 or sent.token(first - 1).form != ",":
            continue
        kids = sent.children(verb.id)
        obj = next((c for c in kids if sent.token(c).deprel == "obj" and c > verb.id
                    and sent.token(c).upos in ("NOUN", "PROPN")), None)
        if obj is not None and rel == "conj" and any(
                base(sent.token(c).deprel) == "cc" or c > obj and sent.token(c).upos != "PUNCT" for c in kids):
            continue  # a verb sharing its subject: "... et a accusé Moscou", "..., told reporters that ..."
        if obj is not None:
            fix[obj] = {"deprel": "nsubj"}
    return _rebuilt(sent, fix)


@_needs("VERB", words="headline_passive_verbs")
def _headline_passives(sent: Sentence, lang: Language) -> Sentence:
    verbs = lang.headline_passive_verbs
    fix: dict[int, dict[str, object]] = {}
    for verb in _with(sent.tokens, "upos", "VERB"):
        if (verb.head or fold(verb.lemma) not in verbs
                or verb.feat("Tense") != "Past" and verb.feat("VerbForm") != "Part"):
            continue
        kids = {c: sent.token(c) for c in sent.children(verb.id)}
        rels = {base(k.deprel) for k in kids.values()}
        if rels & {"aux", "obj", "iobj", "ccomp", "xcomp", "expl"}:
            continue
        subjects = [c for c, k in kids.items() if k.deprel == "nsubj" and c < verb.id]
        if not subjects:
            continue
        fix.update((c, {"deprel": "nsubj:pass"}) for c in subjects)
        fix[verb.id] = {"feats": "Tense=Past|VerbForm=Part|Voice=Pass"}
        fix.update((c, {"deprel": "obl:agent"}) for c, k in kids.items()
                   if base(k.deprel) == "obl" and c > verb.id and case_of(sent, c) & lang.agent_prepositions)
    return _rebuilt(sent, fix)


@_needs("acl", words="intransitive_verbs")
def _intransitives_read_as_participles(sent: Sentence, lang: Language) -> Sentence:
    """"Tens of thousands of people marched through Yangon": a verb with no passive, parsed as a
    participle modifying a sentence with no main verb, is the main verb; the root's phrase is its
    subject."""
    root = _root(sent.tokens)
    if root is None or root.upos not in ("NOUN", "PROPN"):
        return sent
    phrase_ = subtree(sent, root.id)
    verb = next((t for t in _with(sent.tokens, "upos", "VERB") if base(t.deprel) == "acl" and t.head in phrase_
                 and fold(t.lemma) in lang.intransitive_verbs and sent.token(t.id - 1).upos != "PUNCT"), None)
    if verb is None:
        return sent
    changes: dict[int, dict[str, object]] = {verb.id: {"head": 0, "deprel": "root", "feats": "Tense=Past|VerbForm=Fin"},
                                             root.id: {"head": verb.id, "deprel": "nsubj"}}
    changes.update((c, {"head": verb.id}) for c in sent.children(root.id) if c > verb.id)
    return _rebuilt(sent, changes)


@_needs("appos")
def _objects_read_as_appositions(sent: Sentence) -> Sentence:
    if not _has(sent.tokens, "deprel", "appos"):  # (the need's "appos" may be a subtype's base)
        return sent
    fix: dict[int, dict[str, object]] = {}
    for t in _with(sent.tokens, "base", "appos"):
        head = sent.token(t.head) if t.head else None
        if (head is None or not head.head or base(head.deprel) != "obl" or not case_of(sent, head.id)
                or sent.token(head.head).upos != "VERB" or t.id < head.id):
            continue
        kids = sent.children(t.id)
        verb_kids = sent.children(head.head)
        if (not any(base(sent.token(c).deprel) == "det" for c in kids) or sent.token(_first_word(sent, t.id) - 1).form == ","
                or any(base(sent.token(c).deprel) == "obj" for c in verb_kids)):
            continue
        fix[t.id] = {"head": head.head, "deprel": "obj"}
    return _rebuilt(sent, fix)


@_needs("VERB", ("flat", "appos"))
def _objects_read_as_names(sent: Sentence) -> Sentence:
    """A noun after a verb hung on it as a name's part or an apposition, relations a verb cannot
    have ("Israel bombs Gaza": "Gaza" flat under "bombs"; "Russia attacks Ukrainian ports"), is
    the verb's object when it has none (not after a comma)."""
    fix: dict[int, dict[str, object]] = {}
    given: set[int] = set()  # the verbs given an object (one each)
    for t in chain(_with(sent.tokens, "base", "flat"), _with(sent.tokens, "base", "appos")):  # (flat parts first)
        if not t.head or t.head > t.id or t.upos not in ("NOUN", "PROPN") \
                or sent.token(t.head).upos != "VERB" or t.head in given:
            continue
        first = _first_word(sent, t.id)
        if first > 1 and sent.token(first - 1).form == "," \
                or any(base(sent.token(c).deprel) == "obj" for c in sent.children(t.head)):
            continue
        fix[t.id] = {"deprel": "obj"}
        given.add(t.head)
    return _rebuilt(sent, fix) if fix else sent


def _first_word(sent: Sentence, tid: int) -> int:
    """The first token of ``tid``'s subtree that is not punctuation."""
    return min(i for i in subtree(sent, tid) if sent.token(i).upos != "PUNCT")


@_needs("nmod:poss", ("compound", "amod"))
def _demonyms_of_possessors(sent: Sentence) -> Sentence:
    """"the Japanese prime minister's visit" with "Japanese" on "visit": a capitalized modifier
    of a noun right before that noun's possessor is the possessor's ("the Japanese prime minister")."""
    moves: dict[int, tuple[int, str]] = {}
    toks = sent.tokens
    for p in _with(toks, "deprel", "nmod:poss"):
        start = min(subtree(sent, p.id))
        if start < 2:
            continue
        d = toks[start - 2]
        if d.head == p.head and d.upos in ("PROPN", "ADJ") and d.form[:1].isupper() and base(d.deprel) in ("compound", "amod"):
            moves[d.id] = (p.id, "amod")
    return _moved(sent, moves) if moves else sent


@_needs("VERB", "nmod:poss")
def _possessed_gerunds(sent: Sentence) -> Sentence:
    """An "-ing" verb with a possessive and no subject or auxiliary ("Turkey's downing of a
    warplane") is a noun; its obliques are its nmods."""
    changes: dict[int, dict[str, object]] = {}
    for t in _with(sent.tokens, "upos", "VERB"):
        if not t.form.lower().endswith("ing"):
            continue
        kids = sent.children(t.id)
        rels = {sent.token(c).deprel for c in kids}
        if "nmod:poss" not in rels or {base(r) for r in rels} & {"nsubj", "aux", "obj"}:
            continue
        changes[t.id] = {"upos": "NOUN", "lemma": t.form.lower()}
        changes.update((c, {"deprel": "nmod"}) for c in kids if base(sent.token(c).deprel) == "obl")
    return _rebuilt(sent, changes)


# Dependents that stay with the object when a compound turns out to be the verb.
_OBJECT_KEEPS = {"amod", "det", "nmod", "compound", "nummod"}


@_needs("VERB", "compound")
def _verbs_read_as_compounds(sent: Sentence, verbs: Container[str]) -> Sentence:
    """A NOUN compound (or a lowercase PROPN) with verb patterns before a VERB head with a subject
    before it, with only adjectives or compounds between ("Morocco cut diplomatic ties with Iran",
    "Israel struck Hezbollah positions"), is the verb; its head its object."""
    for t in _with(sent.tokens, "deprel", "compound"):
        if not (t.upos == "NOUN" or t.upos == "PROPN" and t.form[:1].islower()) or fold(t.form) not in verbs:
            continue
        h = sent.token(t.head)
        kids = sent.children(h.id)
        subj = [c for c in kids if base(sent.token(c).deprel) == "nsubj" and c < t.id]
        between = range(t.id + 1, h.id)
        if h.upos != "VERB" or not subj or any(sent.token(i).deprel not in ("amod", "compound") for i in between):
            continue
        changes: dict[int, dict[str, object]] = {
            t.id: {"upos": "VERB", "head": h.head, "deprel": h.deprel},
            h.id: {"upos": "NOUN", "head": t.id, "deprel": "obj"}}
        for c in kids:
            if c != t.id and base(sent.token(c).deprel) not in _OBJECT_KEEPS:
                changes[c] = {"head": t.id}
        for c in sent.children(t.id):  # "Saudi Arabia cut ...": a name split over the compound
            if c < t.id:
                changes[c] = {"head": subj[-1], "deprel": "flat"}
        return _rebuilt(sent, changes)
    return sent


@_needs("flat", "conj")
def _names_across_coordination(sent: Sentence) -> Sentence:
    """A flat part after a conjunct of its head ("Putin and Iranian President Hassan Rouhani",
    "Hassan Rouhani" flat under "Putin") goes to that conjunct."""
    moves: dict[int, tuple[int, str]] = {}
    for t in _with(sent.tokens, "deprel", "conj", "flat"):
        if t.deprel == "conj" and t.upos == "PROPN" and sent.token(t.head).deprel == "flat":
            moves[t.id] = (sent.token(t.head).head, "conj")
            continue
        if t.deprel != "flat" or t.head >= t.id:
            continue
        conj = [c for c in sent.children(t.head) if t.head < c < t.id and sent.token(c).deprel == "conj"]
        if conj:
            moves[t.id] = (conj[-1], "flat")
    return _moved(sent, moves)


@_needs("case", words="verb_particles")
def _particles_read_as_cases(sent: Sentence, lang: Language) -> Sentence:
    """A particle right after its verb, read as the case of an oblique ("turned down Kyiv's
    request"), is the verb's particle and the oblique its object."""
    changes: dict[int, dict[str, object]] = {}
    for t in _with(sent.tokens, "base", "case"):
        if fold(t.lemma) not in lang.verb_particles:
            continue
        noun = sent.token(t.head)
        verb = sent.token(noun.head) if noun.head else None
        if verb is None or verb.upos != "VERB" or verb.id != t.id - 1 or base(noun.deprel) != "obl" \
                or any(base(sent.token(c).deprel) == "obj" for c in sent.children(verb.id)) \
                or any(c != t.id and base(sent.token(c).deprel) == "case" for c in sent.children(noun.id)):
            continue  # "cracked down on protesters": "on" marks the oblique
        changes[t.id] = {"head": verb.id, "deprel": "compound:prt"}
        changes[noun.id] = {"deprel": "obj"}
    return _rebuilt(sent, changes)


@_needs("compound:prt")
def _phrasal_infinitives(sent: Sentence) -> Sentence:
    """A non-verb with an infinitive marker ("to", PART) and a particle under it, governed by a
    verb ("refused to back down"), is the verb of a complement clause."""
    changes: dict[int, dict[str, object]] = {}
    for t in sent.tokens:
        if t.upos in ("VERB", "AUX") or not t.head or sent.token(t.head).upos != "VERB":
            continue
        kids = [sent.token(c) for c in sent.children(t.id)]
        if any(k.deprel == "mark" and k.upos == "PART" for k in kids) and any(k.deprel == "compound:prt" for k in kids):
            changes[t.id] = {"upos": "VERB", "deprel": "xcomp"}
    return _rebuilt(sent, changes)


@_needs(("ADJ", "ADV"), words="place_adverbs")
def _places_read_as_modifiers(sent: Sentence, lang: Language) -> Sentence:
    """"outside" read as an adjective of the noun after it ("rallied outside parliament") is its
    preposition; words before it that the noun governed head their own phrase."""
    changes: dict[int, dict[str, object]] = {}
    for t in _with(sent.tokens, "upos", "ADJ", "ADV"):
        if fold(t.lemma) not in lang.place_adverbs or t.head != t.id + 1 \
                or base(t.deprel) not in ("amod", "advmod"):
            continue
        noun = sent.token(t.head)
        if noun.upos not in ("NOUN", "PROPN") or not noun.head:
            continue
        changes[t.id] = {"upos": "ADP", "deprel": "case"}
        before = [c for c in sent.children(noun.id) if c < t.id]
        content = [c for c in before if base(sent.token(c).deprel) not in ("case", "det", "punct", "cc")]
        if content:  # "with police outside parliament": "police" heads the "with" phrase
            new = content[-1]
            changes[new] = {"upos": "NOUN", "head": noun.head, "deprel": noun.deprel}
            changes.update((c, {"head": new}) for c in before if c != new)
            changes[noun.id] = {"head": new, "deprel": "nmod"}
        elif fold(noun.lemma) in lang.place_nouns:  # not "rejected outside interference"
            if base(noun.deprel) == "obj":
                changes[noun.id] = {"deprel": "obl"}
        else:
            del changes[t.id]
    return _rebuilt(sent, changes)


@_needs("VERB", "xcomp")
def _objects_read_as_complements(sent: Sentence) -> Sentence:
    """A noun xcomp with a possessive or determiner and no copula, of a verb with no object
    ("condemned Israel's shelling of a school"), is the verb's object."""
    changes: dict[int, dict[str, object]] = {}
    for t in _with(sent.tokens, "deprel", "xcomp"):
        if t.upos != "NOUN" or not t.head or sent.token(t.head).upos != "VERB":
            continue
        rels = {sent.token(c).deprel for c in sent.children(t.id)}
        if "cop" in rels or not rels & {"nmod:poss", "det"}:
            continue
        if any(base(sent.token(c).deprel) == "obj" for c in sent.children(t.head)):
            continue
        changes[t.id] = {"deprel": "obj"}
    return _rebuilt(sent, changes)


# The repairs in the order they apply.
_REPAIRS = (
    _name_ends_read_as_verbs, _demonyms_read_as_verbs, _perfects_read_as_have, _agents_without_preposition,
    _comma_lists, _allegations_on_objects, _infinitives_on_objects, _quantity_objects, _verbs_read_as_nouns,
    _verbs_inside_names, _time_words, _objects_hung_on_time_words, _adverb_prepositions, _subordinate_subjects, _names_read_as_verbs, _appositive_subjects,
    _active_passive_subjects, _verbs_read_as_modifiers, _modifiers_read_as_complements, _verbs_on_quantities,
    _split_names, _names_across_coordination, _appositions_read_as_subjects, _comma_lists_read_as_names, _cases_inside_names,
    _agents_on_complements, _inverted_reporting_subjects, _objects_read_as_appositions, _headline_passives,
    _intransitives_read_as_participles, _objects_read_as_names, _verbs_read_as_compounds, _demonyms_of_possessors, _possessed_gerunds, _particles_read_as_cases,
    _phrasal_infinitives, _places_read_as_modifiers, _objects_read_as_complements)
