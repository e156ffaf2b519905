"""Country context for agents named without a country ("l'armée", "the rebels").

In order, an agent with no country takes:
0. forces moved in a show of force or a withdrawal, the source's country ("Russia pulled troops
   back from Ukraine's border": its own, so no target);
   when a possessive pronoun marks it ("its jets", "their forces"), the country of the other side
   of its event, else of the source of an event whose verb governs it ("the Israeli military said
   its jets had struck targets in Lebanon" -> ISRMIL, not the place);
   and a state agent acting in what a state official says, the speaker's country ("le président
   turc a annoncé que l'armée avait lancé une offensive en Syrie" -> TURMIL; never "the regime");
   and an official named by a definite title, the official last named in the three sentences
   before ("Jean-Marc Ayrault a appelé ... Le ministre a dénoncé" -> FRAGOV; "the two presidents"
   -> both);
1. the sentence's place: the one country named in the sentence outside the event's actors
   ("Au Mali, l'armée a repris Kidal aux rebelles" -> MLIMIL, MLIREB);
2. in protest, coercion and violence events (roots 14-20), the other side of its event ("des
   positions de l'armée irakienne attaquées par des insurgés" -> IRQREB, "Myanmar soldiers gunned
   down protesters" -> MMRCVL: such conflicts are mostly domestic), except that an army facing
   a country-less side in a story set in another country gives that country, not its own ("les
   soldats français ont attaqué un camp jihadiste" in a story about Mali -> MLIREB); and in any
   event, a country-less civilian or opposition target of a government (the people a government
   yields to, urges or releases are its own: "the prime minister bowed to protesters"; so are the
   parliament, courts, army or police it addresses: "Putin told parliament" -> RUSLEG), a
   country-less state target of citizens, opposition, unions or rebels ("the opposition demanded
   talks with the government") and a country-less state or popular target of courts, prosecutors
   or police ("prosecutors opened an investigation into a deputy minister"); then, for a source,
   the one country of the sentence's other actors;
3. the story: for rebels, civilians and the opposition, the one country where the story is set
   (its towns, and countries after a preposition); then the one country of all actors coded in
   the story, when at least two mentions carry it.
Speakers ("selon Moscou") and agents ("proposed by Qatar") are not places.
An event whose source still has no country is dropped (who acted is unknown); a country-less
target is left out (the event keeps an empty target). ``coder code --no-context`` turns all of this off.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from coder.cameo import split_actor
from coder.coding.actors import Actor
from coder.coding.engine import SCENE, CodedEvent, reciprocal
from coder.coding.tree import base, case_of, subtree
from coder.dictionaries.model import Lexicon
from coder.doc import Sentence
from coder.evolve import evolve
from coder.text import fold


def _country(a: Actor | None) -> str:
    return split_actor(a.code)[0] if a is not None else ""


def _fill(events: list[CodedEvent], country: str, why: str, targets: bool = True,
          skip: Callable[[Actor], bool] | None = None) -> list[CodedEvent]:
    def fix(a: Actor | None) -> Actor | None:
        if a is not None and a.needs_country and not (skip and skip(a)):
            return a.with_country(country, (why,))
        return a

    def filled(e: CodedEvent) -> CodedEvent:
        source, target = fix(e.source), fix(e.target) if targets else e.target
        return e if source is e.source and target is e.target else evolve(e, source=source, target=target)

    return [filled(e) for e in events]


# What names a place: a country, a capital or seat, a town or region ("à Ouagadougou" -> BFA,
# "près d'Alep" -> SYR); capitals are left out where they are mostly venues ("talks in Astana").
PLACE_KINDS = ("country", "capital", "seat", "place")
SCENE_KINDS = ("country", "place")


def place_countries(sent: Sentence, lex: Lexicon, events: list[CodedEvent],
                    kinds: tuple[str, ...] = PLACE_KINDS, prepositional: bool = False) -> set[str]:
    """The countries named in the sentence outside the events' actor phrases (``prepositional``:
    only after a preposition, "à Paris", not the object of a clause no event took)."""
    used = {i for e in events for a in (e.source, e.target) if a is not None for i in range(a.start, a.end + 1)}
    for t in sent.tokens:  # (a loop, not a generator over every token)
        if t.deprel == "obl:agent":
            used.update(subtree(sent, t.id))
    found = set()
    said_by = lex.language.attribution_prepositions | lex.language.agent_prepositions
    for m in lex.actors.find(sent.tokens, memo=sent.memo(lex.actors)):
        if any(i in used or case_of(sent, i) & said_by for i in range(m.start, m.end + 1)):
            continue  # an actor's words, a speaker or an agent ("selon Moscou", "proposed by Qatar")
        if _mission_owner(sent, m.start, lex) or _across_border(sent, m.start, lex):
            continue  # whose embassy, not where ("outside the US embassy", not "in Baghdad"); across a border
        # (as a scene, a country is named after a preposition: "en Syrie", not "Belgium urged")
        marked = kinds != SCENE_KINDS or any(case_of(sent, i) for i in range(m.start, m.end + 1))
        if prepositional and not any(case_of(sent, i) for i in range(m.start, m.end + 1)):
            continue
        found.update(v.code[:3] for v in m.values if v.kind in kinds and (marked or v.kind != "country"))
    return found


def place_country(sent: Sentence, lex: Lexicon, events: list[CodedEvent]) -> str | None:
    """The one country named in the sentence outside the events' actor phrases."""
    found = place_countries(sent, lex, events)
    return next(iter(found)) if len(found) == 1 else None


def actors_country(events: list[CodedEvent]) -> str | None:
    """The one country of the actors of these events."""
    found = {_country(a) for e in events for a in (e.source, e.target)} - {""}
    return next(iter(found)) if len(found) == 1 else None


def story_country(events: list[CodedEvent]) -> str | None:
    """The one country all the story's coded actors belong to, if at least two mentions carry it."""
    seen: Counter = Counter()
    mentions = set()
    for e in events:
        for a in (e.source, e.target):
            c = _country(a)
            if c:
                seen[c] += 1
                mentions.add((e.sentence, a.head))
    return next(iter(seen)) if len(seen) == 1 and len(mentions) >= 2 else None


def fill_from_context(events: list[CodedEvent], sentences: list[Sentence] | None = None,
                      lex: Lexicon | None = None) -> list[CodedEvent]:
    """Give country-less agents the sentence's or the story's country (rules above)."""
    if sentences is not None and lex is not None:
        by_sent: dict[int, list[CodedEvent]] = {}
        for e in events:
            by_sent.setdefault(e.sentence, []).append(e)
        # the story's places, scanned once and only when a country-less side needs them
        scanned: list[set[str]] = []

        def places() -> set[str]:
            if not scanned:
                scanned.append(_story_places(sentences, lex, by_sent) | _place_actors(events))
            return scanned[0]
        out = []
        for i, evs in sorted(by_sent.items()):
            if _country_less(evs):
                if i < len(sentences):
                    evs = [_moved_forces(_possessed(e, evs, sentences[i])) for e in evs]
                    evs = [_speakers_own(e, evs, sentences[i], lex) for e in evs]
                    evs = [a for e in evs for a in _anaphora(e, sentences[i], lex, out)]
                country = place_country(sentences[i], lex, evs) if i < len(sentences) else None
                if country:
                    evs = _fill(evs, country, "sentence place")
                else:
                    here = _place_actors(evs)
                    sent = sentences[i] if i < len(sentences) else None
                    at_mission = [_at_mission(e, sent, lex) for e in evs]
                    evs = [e if m else _counterpart(e, places, here) for e, m in zip(evs, at_mission, strict=True)]
                    if country := actors_country([e for e, m in zip(evs, at_mission, strict=True) if not m]):
                        # (not "the regime" of a sentence whose only actors are its critics)
                        evs = _fill(evs, country, "sentence actors", targets=False,
                                    skip=lambda a, s=sentences[i]: _regime(a, s, lex))
            out.extend(evs)
        events = out
        if any(e.source.needs_country for e in events) and story_country(events) is None:
            events = _scene_before(events, sentences, lex)  # (only sources without a country take it)
        if _country_less(events, POPULAR_AGENTS):  # (only they take the story's scene)
            events = _fill_popular(events, _story_places(sentences, lex, by_sent, SCENE_KINDS) | _place_actors(events))
    country = story_country(events)
    return _fill(events, country, "story context") if country else events


# How many sentences back a source with no country looks for the scene of its paragraph.
SCENE_WINDOW = 2


def _scene_before(events: list[CodedEvent], sentences: list[Sentence], lex: Lexicon) -> list[CodedEvent]:
    """In a story of several countries, a source still without a country acts where the story just
    was: the one country named as a place after a preposition by the nearest of the two sentences
    before that names places ("... ont défilé à Paris, Marseille et Lyon. La police a interpellé une centaine de
    personnes" -> FRACOP, and FRACVL as the other side of a domestic event). Other targets are left
    alone (who is acted on may be foreign)."""
    by_sent: dict[int, list[CodedEvent]] = {}
    for e in events:
        by_sent.setdefault(e.sentence, []).append(e)
    scenes: dict[int, set[str]] = {}

    def scene(i: int) -> str | None:
        for k in range(i - 1, max(i - SCENE_WINDOW, 0) - 1, -1):
            if k not in scenes:
                scenes[k] = place_countries(sentences[k], lex, by_sent.get(k, []), prepositional=True) \
                    if k < len(sentences) else set()
            if scenes[k]:
                return next(iter(scenes[k])) if len(scenes[k]) == 1 else None
        return None

    out = []
    for e in events:
        country = scene(e.sentence) if e.source.needs_country else None
        if country:
            # (and a country-less side of a domestic event: "police arrested dozens of protesters")
            e = _fill([e], country, "scene before", targets=_domestic(e))[0]
        out.append(e)
    return out


def _country_less(events: list[CodedEvent], agents: frozenset[str] | None = None) -> bool:
    """Whether some side of the events (of one of some ``agents``) still has no country."""
    for e in events:  # (loops, not a generator: asked some four times a sentence)
        for a in (e.source, e.target):
            if a is not None and a.needs_country and (agents is None or a.code[:3] in agents):
                return True
    return False


def _place_actors(events: list[CodedEvent]) -> set[str]:
    """The countries of the towns and regions standing as the events' sides."""
    return {_country(a) for e in events for a in (e.source, e.target) if a is not None and a.place}


def _story_places(sentences: list[Sentence], lex: Lexicon, by_sent: dict[int, list[CodedEvent]],
                  kinds: tuple[str, ...] = PLACE_KINDS) -> set[str]:
    """The countries named as places in the story's sentences, outside each one's events."""
    return {c for i, s in enumerate(sentences) for c in place_countries(s, lex, by_sent.get(i, []), kinds)}


def _fill_popular(events: list[CodedEvent], story_places: set[str]) -> list[CodedEvent]:
    """Rebels, civilians and the opposition still without a country belong to where the story is
    set, when its places name one country ("les groupes rebelles" in a story set in Alep are
    Syrian, even when only Moscow and the UN speak)."""
    if len(story_places) != 1:
        return events
    return _fill(events, next(iter(story_places)), "story place", skip=lambda a: a.code[:3] not in POPULAR_AGENTS)


def _mission_owner(sent: Sentence, tid: int, lex: Lexicon) -> bool:
    """Whether a word names whose mission abroad it is: "the US embassy", "l'ambassade de France"
    (not "l'ambassade à Kinshasa")."""
    lang = lex.language
    head = sent.token(tid).head
    return bool(head) and fold(sent.token(head).lemma) in lang.mission_nouns \
        and not case_of(sent, tid) - lang.genitive_prepositions


def _across_border(sent: Sentence, tid: int, lex: Lexicon) -> bool:
    """Whether a word names the country on the other side of a border ("near the border with
    Mali", "près de la frontière avec le Niger")."""
    lang = lex.language
    head = sent.token(tid).head
    return bool(head) and fold(sent.token(head).lemma) in lang.border_nouns \
        and bool(case_of(sent, tid) & lang.comitative_prepositions)


def _at_mission(e: CodedEvent, sent: Sentence | None, lex: Lexicon) -> bool:
    """Whether an event's target is a country's mission abroad ("des manifestants se sont rassemblés
    devant l'ambassade de France"): it tells nothing of the country of the other side."""
    t = e.target
    return sent is not None and t is not None and fold(sent.token(t.head).lemma) in lex.language.mission_nouns


def _regime(a: Actor, sent: Sentence, lex: Lexicon) -> bool:
    """Whether an actor is named by a word no official uses for his own government ("the regime"):
    "Ayrault said the regime was waging war" is not about the French government."""
    return fold(sent.token(a.head).lemma) in lex.language.foreign_government_words


def _speakers_own(e: CodedEvent, evs: list[CodedEvent], sent: Sentence, lex: Lexicon) -> CodedEvent:
    """A country-less state agent acting in what a state official says ("le président turc a
    annoncé que l'armée avait lancé une offensive en Syrie") is the speaker's country's (TURMIL):
    officials name a foreign army by its country."""
    if not e.source.needs_country or e.source.code not in STATE_AGENTS or _regime(e.source, sent, lex):
        return e
    for s in evs:
        country, agent = split_actor(s.source.code)
        if s is e or s.code[:2] != "01" or not country or agent not in STATE_AGENTS:
            continue
        said = {t for c in sent.children(s.pred) if base(sent.token(c).deprel) == "ccomp"
                for t in subtree(sent, c)}
        if e.pred in said:
            return evolve(e, source=e.source.with_country(country, ("speaker's country",)))
    return e


# How many sentences back a title ("the minister") looks for the person it names.
ANAPHORA_WINDOW = 3


def _anaphora(e: CodedEvent, sent: Sentence, lex: Lexicon, earlier: list[CodedEvent]) -> list[CodedEvent]:
    """A country-less official named by a definite title ("le ministre", "the two presidents")
    is the official of that rank last named in the story ("Jean-Marc Ayrault a appelé ... Le
    ministre a dénoncé" -> FRAGOV): the government officials of the nearest earlier sentence that
    has any, the first of them for a singular title, each of them for a plural one."""
    s = e.source
    if not s.needs_country or s.code != "GOV" or not _definite_title(sent, s.head, lex):
        return [e]
    plural = sent.token(s.head).feat("Number") == "Plur"
    codes: list[str] = []
    for k in range(e.sentence - 1, e.sentence - ANAPHORA_WINDOW - 1, -1):
        codes = list(dict.fromkeys(codes + [_country(a) for g in earlier if g.sentence == k for a in (g.source, g.target)
                                            if a is not None and split_actor(a.code)[1] == "GOV" and _country(a)]))
        if codes and (not plural or len(codes) > 1):
            break
    codes = codes[:2 if plural else 1]
    out = [evolve(e, source=s.with_country(c, ("earlier official",))) for c in codes] or [e]
    if len(out) == 2 and e.target is None and reciprocal(e.code):
        # "the two presidents signed an agreement": each with the other
        out = [evolve(a, target=b.source) for a, b in ((out[0], out[1]), (out[1], out[0]))]
    return out


def _definite_title(sent: Sentence, head: int, lex: Lexicon) -> bool:
    """Whether a phrase is a title with a definite or demonstrative determiner ("the minister",
    "les deux présidents", "ce diplomate")."""
    tok = sent.token(head)
    if fold(tok.lemma) not in lex.language.anaphoric_titles and fold(tok.form) not in lex.language.anaphoric_titles:
        return False
    return any(base(sent.token(c).deprel) == "det" and (sent.token(c).feat("Definite") == "Def"
                                                        or sent.token(c).feat("PronType") == "Dem")
               for c in sent.children(head))


# Protest, force posture, reduced relations, coercion, assault, fighting, mass violence: the
# codes for which an unnamed side is most often of the other side's country.
DOMESTIC_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})
# but those expelled or deported are foreigners: "Venezuela expelled diplomats from seven Latin
# American countries" is not against VENGOV
EXPULSION = "174"
# Whatever the event, the people a government acts on are its own ("bowed to protesters", "a appelé
# les syndicats au dialogue"), and
# the state that citizens, the opposition, unions or rebels act on is theirs ("the opposition
# demanded talks with the government").
GOVERNED_AGENTS = frozenset({"CVL", "OPP", "LAB"})
POPULAR_AGENTS = frozenset({"CVL", "OPP", "LAB", "AGR", "EDU", "REB", "INS", "SEP"})
# Agents of the state (also: an official reporting what "l'armée" or "la police" did speaks of
# their own, see _speakers_own).
STATE_AGENTS = frozenset({"GOV", "COP", "JUD", "LEG", "MIL"})
# The organs of a state that its government tells, orders or meets are its own ("Putin told
# parliament", "the president ordered the army to withdraw").
STATE_ORGANS = frozenset({"LEG", "JUD", "MIL", "COP"})
# Sides that fight abroad: armies, governments (their air forces) and countries named alone.
ABROAD_AGENTS = frozenset({"MIL", "GOV", ""})
# Courts, prosecutors and police act within their country ("Ukrainian prosecutors opened an
# investigation into a deputy minister").
DOMESTIC_ORGANS = frozenset({"JUD", "COP"})


def _domestic(e: CodedEvent) -> bool:
    """Whether an unnamed side of this event is taken to be of the other side's country."""
    if e.code == EXPULSION:
        return False
    if e.code[:2] in DOMESTIC_ROOTS:
        return True
    t = e.target
    if t is None or not t.needs_country:
        return False
    source_agent = split_actor(e.source.code)[1]
    return t.code[:3] in GOVERNED_AGENTS | STATE_ORGANS and source_agent == "GOV" \
        or t.code[:3] in STATE_AGENTS and source_agent in POPULAR_AGENTS \
        or t.code[:3] in STATE_AGENTS | POPULAR_AGENTS and source_agent in DOMESTIC_ORGANS


def _counterpart(e: CodedEvent, story_places: Callable[[], set[str]], here: set[str] = frozenset()) -> CodedEvent:
    """A country-less side of an event takes the other side's country (conflicts are mostly
    domestic: "Myanmar soldiers gunned down protesters" -> MMRCVL, "rebels attacked the Iraqi
    army" -> IRQREB); facing an army, a government or a country in a sentence (the towns its
    events strike: "shelled Kharkiv, killing civilians") or else a story whose places are all of
    other countries, it takes that one place country, or none."""
    s, t = e.source, e.target
    if t is None or s.needs_country == t.needs_country or not _domestic(e):
        return e
    known = t if s.needs_country else s
    country = _country(known)
    where = (here or story_places()) if split_actor(known.code)[1] in ABROAD_AGENTS else set()
    if where and country not in where:
        # an army fighting where the story is set, abroad: "les soldats français ont attaqué un camp
        # jihadiste" in a story set in Mali is about Malian jihadists, not French ones
        if len(where) != 1:
            return e
        country = next(iter(where))
    if s.needs_country and country:
        return evolve(e, source=s.with_country(country, ("event counterpart",)))
    if t.needs_country and country:
        return evolve(e, target=t.with_country(country, ("event counterpart",)))
    return e


def _possessed(e: CodedEvent, evs: list[CodedEvent], sent: Sentence) -> CodedEvent:
    """A country-less side marked by a possessive pronoun is its subject's: a target takes its
    event's source's country ("Russia moved its troops"), a source that of the source of an event
    governing it ("X said its jets struck ...") (rule 0 above)."""
    def owner(a: Actor | None, subject: Actor | None) -> Actor | None:
        if a is None or not a.needs_country or not any(
                sent.token(c).upos == "PRON" and sent.token(c).deprel == "nmod:poss" for c in sent.children(a.head)):
            return a
        country = _country(subject) or next((_country(g.source) for g in evs if _country(g.source)
                                             and _governs(sent, g.pred, e.pred)), "")
        return a.with_country(country, ("possessive",)) if country else a

    source, target = owner(e.source, None), owner(e.target, e.source)
    return e if source is e.source and target is e.target else evolve(e, source=source, target=target)


def _governs(sent: Sentence, head: int, tid: int) -> bool:
    """Whether ``head`` is a proper ancestor of ``tid`` in the tree."""
    seen = 0
    while tid and seen < len(sent.tokens):
        tid = sent.token(tid).head
        if tid == head:
            return True
        seen += 1
    return False


# Shows of force, military de-escalation, the intent of it and its refusal: their own forces are what they move.
OWN_FORCES_CODES = ("15", "087", "0356", "1246")


def _own_forces(e: CodedEvent) -> bool:
    """A show of force or a withdrawal aimed at one's own forces ("put Russia's nuclear forces on
    alert", "decided to withdraw Russia's military contingent"): no target. Rebels and the army
    of their country are two sides ("Sudan's army and the RSF agreed to a truce": each the
    other's target)."""
    return e.code.startswith(OWN_FORCES_CODES) and e.target is not None \
        and _country(e.target) == _country(e.source) != "" \
        and split_actor(e.target.code)[1] not in POPULAR_AGENTS \
        and split_actor(e.source.code)[1] not in POPULAR_AGENTS  # (a truce offered to one's own rebels, or by them)


def _moved_forces(e: CodedEvent) -> CodedEvent:
    """Country-less forces that a show of force or a withdrawal moves are the source's own
    ("Russia began pulling some troops back from Ukraine's border": Russia's troops, not Ukraine's)."""
    t = e.target
    if t is None or not t.needs_country or t.code != "MIL" or not e.code.startswith(OWN_FORCES_CODES):
        return e
    country = _country(e.source)
    return evolve(e, target=t.with_country(country, ("own forces",))) if country else e


def apply_context(events: list[CodedEvent], sentences: list[Sentence], lex: Lexicon) -> list[CodedEvent]:
    """Context filling; then events whose source has no country are dropped and a country-less
    target is left out ("Putin ordered the mobilisation of reservists" -> RUSGOV 154 -), as is the
    scene of force in the source's own country (where it acted: "separatists ... in eastern Ukraine")."""
    out, seen = [], set()
    for e in fill_from_context(events, sentences, lex):
        if e.source.needs_country:
            continue
        # a context fill that gives both sides the same code names no target (no actor targets itself)
        if e.target is not None and (e.target.needs_country or _own_forces(e) or e.target.code == e.source.code
                                     or SCENE in e.target.refs and _country(e.target) == _country(e.source)):
            e = evolve(e, target=None)
        # one event per triple and sentence: "Speaking in Tokyo, Putin said" is one statement
        key = (e.sentence, e.source.code, e.code, e.target.code if e.target else "")
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out
