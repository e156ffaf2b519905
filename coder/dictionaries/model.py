"""In-memory dictionaries: actors, agents, language facts and verb patterns (plain dataclasses)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from coder.dictionaries.phrases import PhraseIndex, WordSet
from coder.text import fold


@dataclass(frozen=True)
class Role:
    code: str
    start: str | None = None  # ISO date, inclusive
    end: str | None = None


@dataclass(frozen=True)
class ActorEntry:
    """What a name means. kind: country | adjective | capital | seat | place | org | person (a place
    is a town or region named for its country: "Alep" -> SYR)."""

    kind: str
    code: str = ""  # full code (country code for country/adjective)
    roles: tuple[Role, ...] = ()
    ref: str = ""  # "file:line" of the entry, for explanations

    def code_on(self, date: str | None) -> str | None:
        """The code on a date; people outside every role's dates have none."""
        if not self.roles:
            return self.code
        if not date:
            return max(self.roles, key=lambda r: r.start or "").code
        for r in self.roles:
            if (r.start is None or r.start <= date) and (r.end is None or date <= r.end):
                return r.code
        return None


@dataclass(frozen=True)
class AgentEntry:
    agent: str
    adjective: bool  # an adjective ("gouvernementales") rather than a head noun ("armée")
    ref: str = ""


@dataclass(frozen=True)
class Constraint:
    """A dependent of the predicate, by relation, whose phrase has one of ``words``."""

    rel: str
    words: WordSet | None = None
    case: frozenset[str] | None = None  # folded prepositions one of which must mark the dependent

    def describe(self) -> str:
        w = "|".join(self.words.words[:4]) + ("|…" if self.words and len(self.words.words) > 4 else "") if self.words else "*"
        c = f" case={'|'.join(sorted(self.case))}" if self.case else ""
        return f"{self.rel}:{w}{c}"


@dataclass
class Pattern:
    id: str
    lemmas: tuple[str, ...]
    code: str
    nominal: bool = False
    with_: tuple[Constraint, ...] = ()
    without: tuple[Constraint, ...] = ()
    negated: bool = False
    require_target: bool = False  # holds only with a target actor (else the next pattern is tried)
    source: tuple[str, ...] = ("nsubj",)
    target: tuple[str, ...] | None = None
    example: str | None = None
    expect: tuple[str, ...] | None = None
    file: str = ""
    line: int = 0
    order: int = 0

    @cached_property
    def single_keys(self) -> frozenset[str]:
        """Folded one-word keys (lemmas or nouns)."""
        return frozenset(fold(k) for k in self.lemmas if len(fold(k).split()) == 1)

    @cached_property
    def multi_keys(self) -> tuple[tuple[str, ...], ...]:
        """Folded multi-word keys, as word tuples ("frappes aériennes")."""
        return tuple(tuple(fold(k).split()) for k in self.lemmas if len(fold(k).split()) > 1)

    @cached_property
    def specificity(self) -> tuple[int, int, int]:
        """Sort key, most specific first: conditions, then exclusions, then file order."""
        return (len(self.with_), len(self.without), -self.order)

    @property
    def ref(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass
class Language:
    """Grammar facts for one language, from <lang>/language.yaml (the engine has no others)."""

    code: str
    negation: frozenset[str] = frozenset()
    target_prepositions: tuple[str, ...] = ()
    agent_prepositions: frozenset[str] = frozenset()
    genitive_prepositions: frozenset[str] = frozenset()
    hypothetical_auxiliaries: frozenset[str] = frozenset()
    hypothetical_moods: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()
    stopwords: frozenset[str] = frozenset()
    negating_markers: frozenset[str] = frozenset()  # "instead of", "sans": the clause did not happen
    hypothetical_markers: frozenset[str] = frozenset()  # "if", "si": the clause is a condition
    negating_verbs: frozenset[str] = frozenset()  # "refrain", "renoncer": their complement did not happen
    allegation_verbs: frozenset[str] = frozenset()  # "accuse", "nier": their complement is not coded
    time_words: frozenset[str] = frozenset()  # "mardi", "Tuesday": never the head of a verb's arguments
    subordinators: frozenset[str] = frozenset()  # "as", "comme": never the case of a verb's oblique
    unaccusative_verbs: frozenset[str] = frozenset()  # "parvenir": "sont parvenus" is not a passive
    headline_passive_verbs: frozenset[str] = frozenset()  # "kill": "Five soldiers killed in ambush" is passive
    reporting_verbs: frozenset[str] = frozenset()  # "déclarer": "..., a déclaré X" has X as its subject
    theme_prepositions: frozenset[str] = frozenset()  # "of": an event noun's "of" phrase is its object
    allegiance_adjectives: frozenset[str] = frozenset()  # "loyal": "forces loyal to X" are X's
    verb_particles: frozenset[str] = frozenset()  # "down": "turned down the request" is no oblique
    foreign_adjectives: frozenset[str] = frozenset()  # "foreign": "foreign troops" get no country from context
    place_adverbs: frozenset[str] = frozenset()  # "outside": "rallied outside parliament" is where
    place_nouns: frozenset[str] = frozenset()  # "parliament": what "outside" may stand before as a place
    reciprocal_verbs: frozenset[str] = frozenset()  # "trade": coordinated subjects "traded fire" with each other
    holder_participles: frozenset[str] = frozenset()  # "held": "rebel-held districts" are the rebels'
    reciprocal_pronouns: tuple[tuple[str, ...], ...] = ()  # ("each", "other"): coordinated subjects act on each other
    leader_suffixes: tuple[str, ...] = ()  # "-led": "Saudi-led coalition" -> SAU + coalition
    place_prepositions: frozenset[str] = frozenset()  # "à": "à Alep" says where, not to whom
    scene_prepositions: frozenset[str] = frozenset()  # "in": force with no one named fell on its scene's country
    quantity_nouns: frozenset[str] = frozenset()  # "centaines": "des centaines de civils" names the civilians
    stative_verbs: frozenset[str] = frozenset()  # "soutenir": "les séparatistes soutenus par Moscou" is a state
    targeting_verbs: frozenset[str] = frozenset()  # "viser": "les sanctions visant Moscou" target Moscow
    former_markers: frozenset[str] = frozenset()  # "ancien": "l'ancien Premier ministre" holds no office
    terminative_words: frozenset[str] = frozenset()  # "fin", "end": "la fin des opérations" is no operation
    attribution_prepositions: frozenset[str] = frozenset()  # "selon": "selon Moscou" names a speaker, not a place
    comitative_prepositions: frozenset[str] = frozenset()  # "avec": "avec l'aide de X" helps the subject
    foreign_government_words: frozenset[str] = frozenset()  # "regime": never the speaker's own government
    intransitive_verbs: frozenset[str] = frozenset()  # "march": "people marched" is never a passive participle
    intent_verbs: frozenset[str] = frozenset()  # "vow": "vowed to counterattack" reports no attack
    future_auxiliaries: frozenset[str] = frozenset()  # "will", "aller": "will visit", "va rencontrer" are announced
    border_nouns: frozenset[str] = frozenset()  # "frontière": "près de la frontière avec le Mali" is not in Mali
    mission_nouns: frozenset[str] = frozenset()  # "ambassade": who protests at a country's embassy is not of that country
    announcing_verbs: frozenset[str] = frozenset()  # "plan": "plans to visit China" is an intent to meet (036)
    topic_prepositions: frozenset[str] = frozenset()  # "sur": "des négociations sur le programme iranien" is a topic
    future_endings: frozenset[str] = frozenset()  # "ra", "ront": "se rendra" is a future, not a done visit
    anaphoric_titles: frozenset[str] = frozenset()  # "ministre": "le ministre" is the minister named before
    discards: tuple[str, ...] = ()  # phrases whose sentence is not coded (PETRARCH discards)
    story_discards: tuple[str, ...] = ()  # phrases whose whole story is not coded
    require_target: bool = False  # no event without a target (PETRARCH's rule)


@dataclass
class Lexicon:
    """Everything needed to code one language."""

    language: Language
    actors: PhraseIndex[ActorEntry]
    agents: PhraseIndex[AgentEntry]
    patterns: dict[str, list[Pattern]]  # folded lemma -> patterns, most specific first
    nominal_patterns: dict[str, list[Pattern]]

    def all_patterns(self) -> list[Pattern]:
        seen: dict[str, Pattern] = {}
        for table in (self.patterns, self.nominal_patterns):
            for ps in table.values():
                for p in ps:
                    seen.setdefault(p.id, p)
        return sorted(seen.values(), key=lambda p: p.order)


@dataclass
class Dictionaries:
    """Dictionaries for several languages, plus their provenance."""

    lexicons: dict[str, Lexicon] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    digest: str = ""

    def lexicon(self, lang: str) -> Lexicon:
        try:
            return self.lexicons[lang]
        except KeyError:
            raise KeyError(
                f"no dictionaries for language {lang!r} (have: {', '.join(sorted(self.lexicons)) or 'none'})"
            ) from None
