"""Actor resolution: the CAMEO actor code a noun phrase denotes, composed from dictionary hits."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

from coder.cameo import countries, split_group
from coder.coding.tree import base, case_of, conjuncts, phrase
from coder.dictionaries.model import ActorEntry, AgentEntry, Lexicon
from coder.doc import Sentence
from coder.evolve import evolve
from coder.text import StringMemo, fold

# CAMEO civilians: the agent of people named only by their nationality and a number.
PEOPLE_AGENT = "CVL"
# A country's own names: "Syrie", "syrien" (also the demonyms that coordinated nouns share).
DEMONYM_KINDS = ("country", "adjective")
# Names that stand for a bare country: those, and towns or regions ("la province d'Idleb").
COUNTRY_KINDS = (*DEMONYM_KINDS, "place")
# Names that stand for themselves: people, organizations, capitals and seats of power.
FULL_KINDS = ("org", "person", "capital", "seat")


@dataclass(frozen=True)
class Actor:
    code: str
    head: int  # token id of the phrase head
    start: int  # first and last token ids of the words that gave the code
    end: int
    text: str
    refs: tuple[str, ...] = ()  # dictionary entries used ("countries.yaml:120")
    needs_country: bool = False  # an agent with no country ("l'armée"): story context may fill it
    place: bool = False  # a town or region standing for its country ("Alep" -> SYR)
    foreign: bool = False  # "foreign aid agencies": not of the country the context would give
    group: str = ""  # an armed group's known-group code ("HMS" for Hamas, coded PSEREB)

    def with_country(self, country: str, why: tuple[str, ...]) -> Actor:
        """This country-less agent given a country ("MIL" -> "SYRMIL"), citing where it came from;
        a foreign one keeps none."""
        if self.foreign:
            return self
        code, group = split_group(country + self.code)
        return evolve(self, code=code, group=group or self.group, needs_country=False, refs=self.refs + why)


_ACTOR_DEFAULTS = dict(vars(Actor("", 0, 0, 0, "")))  # (see ActorResolver._actor)
_START, _END, _DEPTH = attrgetter("start"), attrgetter("end"), attrgetter("depth")  # of hits


@dataclass(slots=True, eq=False)
class _Hit:
    """A dictionary hit in a phrase (compared by identity: the lists of ``_resolve`` share them)."""

    start: int
    end: int
    depth: int
    actor: ActorEntry | None = None
    agent: AgentEntry | None = None


class ActorResolver:
    """Resolves phrases of one sentence against one lexicon, on the story's date."""

    def __init__(self, lex: Lexicon, sent: Sentence, date: str | None):
        self.lex, self.sent, self.date = lex, sent, date
        self._cache: dict[int, Actor | None] = {}
        self._word_cache: dict[int, list[_Hit]] = {}  # hits of one word alone
        self._agent_cache: dict[int, _Hit | None] = {}  # see _head_agent
        self._all_cache: dict[int, list[Actor]] = {}
        self._actor_memo, self._agent_memo = sent.memo(lex.actors), sent.memo(lex.agents)
        suffixes = lex.language.leader_suffixes
        self._leader = _leader_names(suffixes) if suffixes else None

    def resolve_all(self, head: int) -> list[Actor]:
        """Actors of a head and of each of its coordinated conjuncts.

        Coordinated demonyms share the noun they modify: "Russian and Turkish troops" (the parser
        makes "Russian" a conjunct of "troops"), "les soldats français et maliens" ("maliens" a
        conjunct of "soldats"), "les diplomates russes et américains" ("américains" a conjunct of
        "russes") give one actor per country, each with the noun's agent code.
        """
        found = self._all_cache.get(head)
        if found is None:
            found = self._all_cache[head] = self._resolve_all(head)
        return list(found)

    def _resolve_all(self, head: int) -> list[Actor]:
        heads = conjuncts(self.sent, head)
        agents = [a for a in map(self._head_agent, heads) if a is not None]
        out = []
        for h in heads:
            a = self.resolve(h)
            if a is not None and agents and self._bare_demonym(h):
                a = self._actor(a.code + agents[-1].agent.agent, h, [*self._demonym_hits(h), agents[-1]]) or a
            if a is not None:
                out.append(a)
            out.extend(self._adjective_conjuncts(h))
        return out

    def _adjective_conjuncts(self, noun: int) -> list[Actor]:
        """"les diplomates russes et américains": an actor for each demonym conjunct of an amod."""
        agent = self._head_agent(noun)
        if agent is None:
            return []
        out = []
        for adj in self.sent.children(noun):
            if base(self.sent.token(adj).deprel) != "amod" or not self._demonym_hits(adj):
                continue
            for c in conjuncts(self.sent, adj)[1:]:
                if self._bare_demonym(c):
                    country = self._demonym_hits(c)[0].actor.code_on(self.date) or ""
                    extra = self._actor(country + agent.agent.agent, c, [*self._demonym_hits(c), agent])
                    if extra is not None:
                        out.append(extra)
        return out

    def _demonym_hits(self, tid: int) -> list[_Hit]:
        """Country hits of one word alone ("Russian", "maliens")."""
        return [h for h in self._word_hits(tid) if h.actor and h.actor.kind in DEMONYM_KINDS]

    def _bare_demonym(self, tid: int) -> bool:
        """A lone country adjective ("Russian", "maliens"): no agent, name or noun of its own."""
        t = self.sent.token(tid)
        return (t.upos in ("ADJ", "PROPN") and bool(self._demonym_hits(tid))
                and not any(self.sent.token(c).upos in ("NOUN", "PROPN") for c in self.sent.children(tid)
                            if base(self.sent.token(c).deprel) != "conj")
                and all(h.actor and h.actor.kind in DEMONYM_KINDS for h in self._word_hits(tid)))

    def _head_agent(self, tid: int) -> _Hit | None:
        """The agent hit of a noun that is itself an agent ("troops", "soldats", "diplomates")."""
        if self.sent.tokens[tid - 1].upos != "NOUN":
            return None
        if tid not in self._agent_cache:  # (the agent part of _word_hits alone: cheaper)
            found = self.lex.agents.find(self.sent.tokens, (tid,), use_lemma=True, memo=self._agent_memo)
            self._agent_cache[tid] = next((_Hit(m.start, m.end, 0, agent=m.values[0]) for m in found
                                           if not m.values[0].adjective), None)
        return self._agent_cache[tid]

    def resolve(self, head: int) -> Actor | None:
        if head not in self._cache:
            self._cache[head] = None  # a participle's holder never resolves back to its place
            found = self._resolve(head)
            if found is None or found.place:
                found = self._holder(head) or found
            elif len(found.code) == 3 and found.start == found.end:
                found = self._titled_name_after(found) or found
            self._cache[head] = found
        return self._cache[head]

    def _titled_name_after(self, demonym: Actor) -> Actor | None:
        """A lone country word that the parser split from the title and name right after it
        ("to Turkish" + "President Tayyip Erdogan"): the name's actor, when of that country."""
        s = self.sent
        if demonym.end >= len(s.tokens) or s.token(demonym.end + 1).upos != "PROPN":
            return None
        t = s.token(demonym.end + 1)
        while base(t.deprel) in ("compound", "flat") and t.head > t.id:
            t = s.token(t.head)
        if t.id == demonym.head or t.head == demonym.end:
            return None
        other = self.resolve(t.id)
        return other if other is not None and len(other.code) > 3 and other.code.startswith(demonym.code) else None

    def _holder(self, head: int) -> Actor | None:
        """Who holds a place named with a holder participle: "rebel-held districts" -> REB,
        "Islamic State-held Mosul" -> the group; a bare country holder is not one ("Russian-occupied
        Crimea" stays a place)."""
        s, held = self.sent, self.lex.language.holder_participles
        for c in s.children(head):
            t = s.tokens[c - 1]
            if fold(t.form) not in held or base(t.deprel) not in ("amod", "acl"):
                continue
            for g in s.children(c):
                if base(s.token(g).deprel) in ("amod", "compound", "nmod", "obl", "nsubj"):
                    a = self.resolve(g)
                    if a is not None and (a.needs_country or len(a.code) > 3):
                        return a
        return None

    def _word_hits(self, tid: int) -> list[_Hit]:
        """Hits of one word alone (cached; not to be changed by the caller)."""
        hits = self._word_cache.get(tid)
        if hits is None:
            hits = self._word_cache[tid] = self._hits({tid: 0})
        return hits

    def _hits(self, ids: dict[int, int]) -> list[_Hit]:
        toks = self.sent.tokens
        hits = []
        for m in self.lex.actors.find(toks, ids, memo=self._actor_memo):
            d = ids[m.start] if m.start == m.end else min([ids[i] for i in range(m.start, m.end + 1)])
            for v in m.values:
                hits.append(_Hit(m.start, m.end, d, actor=v))
        leader = self._leader
        # "Saudi-led coalition", "U.S.-led coalition": the leader names the country
        for i in ids if leader is not None else ():
            for name in leader(toks[i - 1].form):
                for v in self.lex.actors.lookup(name):
                    if v.kind in DEMONYM_KINDS:
                        hits.append(_Hit(i, i, ids[i], actor=v))
        for m in self.lex.agents.find(toks, ids, use_lemma=True, memo=self._agent_memo):
            d = ids[m.start] if m.start == m.end else min([ids[i] for i in range(m.start, m.end + 1)])
            hits.append(_Hit(m.start, m.end, d, agent=m.values[0]))
        return hits

    def _resolve(self, head: int) -> Actor | None:
        t = self.sent.tokens[head - 1]
        counted = self._counted(head) if fold(t.lemma) in self.lex.language.quantity_nouns else None
        if counted is not None:
            return self.resolve(counted) or self._counted_group(counted)
        if t.upos == "PRON":
            return None
        ids = self._with_allegiance(phrase(self.sent, head, self.lex.language.genitive_prepositions))
        hits = self._hits(ids)
        if not hits:
            return None
        # Drop people outside their dates and hits overlapped by a longer actor name.
        full: list[_Hit] = []  # named people and organizations, capitals and seats
        countries: list[_Hit] = []  # countries, their adjectives, towns and regions
        nouns: list[_Hit] = []  # agent nouns
        adjs: list[_Hit] = []  # agent adjectives off the head ("des positions rebelles")
        for h in hits:
            if h.actor is not None:
                if h.actor.kind in COUNTRY_KINDS:
                    countries.append(h)
                elif h.actor.kind in FULL_KINDS and h.actor.code_on(self.date):
                    full.append(h)
            elif h.agent is not None:
                (adjs if h.agent.adjective and h.start != head else nouns).append(h)
        # A capital modifying an agent noun is a place, giving only its country: "a Moscow court"
        # -> RUSJUD, "Kabul hospitals" -> AFGMED (the capital alone stands for the government).
        # A capital modifying any other common noun is only where it happened: "the Beirut port
        # explosion", "Damascus airport" name no actor (a seat of power still speaks: "the Kremlin
        # spokesman").
        places = [h for h in full if h.actor.kind == "capital" and h.start != head
                  and any(n.start <= head <= n.end for n in nouns)] if full and nouns else []
        if full:
            full = [h for h in full if h not in places and not (
                h.actor.kind == "capital" and h.end < head and self.sent.token(head).upos == "NOUN"
                and base(self.sent.token(h.start).deprel) == "compound")]
        # The shallowest hit anchors the actor; at equal depth a named person or organization
        # beats an agent noun, which beats a bare country ("Russian Foreign Minister Sergei Lavrov").
        # A demonym on a head that is no agent names its owner before deeper names do ("le plan
        # égyptien de reconstruction de Gaza" -> EGY).
        anchors = full + nouns + [c for c in countries if c.actor.kind != "adjective" or c.start == head
                                  or (c.depth == 1 and not nouns)]
        if len(anchors) > 1:
            anchors.sort(key=lambda h: (h.depth, 0 if h in full else 1 if h.agent is not None else 2))
        if not anchors:
            if not countries:
                return None
            anchors = countries  # a lone demonym: "the French proposal" -> FRA
        a = anchors[0]
        used = [a]
        if a.agent is not None:
            country_hit = min(countries + full + places, key=_DEPTH, default=None)
            if country_hit is None:
                agent = self._actor(a.agent.agent, head, used, needs_country=True)
                return evolve(agent, foreign=True) if agent and self._foreign(ids, a) else agent
            ccode = self._country_of(country_hit)
            if ccode and (self._possessed_elsewhere(a, country_hit) or self._former(a)):
                if country_hit.actor.kind == "person" and self._former(a):
                    # the former office is not the person's present one: "former defence minister
                    # Sergei Shoigu" in 2024 is what his roles say (RUSGOV), not a bare RUS
                    return self._actor(country_hit.actor.code_on(self.date) or ccode, head, [country_hit])
                return self._actor(ccode, head, [country_hit])
            used.append(country_hit)
            if not ccode:
                return self._actor(country_hit.actor.code_on(self.date) or "", head, used)
            return self._actor(ccode + a.agent.agent, head, used)
        code = a.actor.code_on(self.date) or ""
        if a.actor.kind in COUNTRY_KINDS:
            # an agent adjective of a thing owned by a named country does not make the country an
            # agent: "l'aide militaire de la France" is France's (FRA); "des positions rebelles
            # près d'Alep" are rebels' (SYRREB)
            extra = min((h for h in adjs if not (a.actor.kind == "country" and a.start != head
                                                 and self.sent.token(h.start).head == head)),
                        key=_DEPTH, default=None)
            if extra is not None:
                used.append(extra)
                code += extra.agent.agent
            elif a.actor.kind == "adjective" and self._counted_people(a.start, head):
                code += PEOPLE_AGENT
        return self._actor(code, head, used, place=a.actor.kind == "place" and len(used) == 1)

    def _foreign(self, ids: dict[int, int], agent: _Hit) -> bool:
        """Whether a foreign adjective outside the agent's own words marks the phrase ("foreign
        aid agencies", but not "the foreign minister")."""
        foreign = self.lex.language.foreign_adjectives
        return any(fold(self.sent.token(i).lemma) in foreign and not agent.start <= i <= agent.end for i in ids)

    def _former(self, agent: _Hit) -> bool:
        """An agent noun marked as former ("l'ancien Premier ministre macédonien", "a former
        Afghan minister"): the person holds no office; only the country is left."""
        s, former = self.sent, self.lex.language.former_markers
        return bool(former) and any(base(s.token(c).deprel) == "amod" and fold(s.token(c).form) in former
                                    for i in range(agent.start, agent.end + 1) for c in s.children(i))

    def _possessed_elsewhere(self, agent: _Hit, country: _Hit) -> bool:
        """An agent noun with a possessive ("ses troupes du sud du Liban", "leurs soldats d'Irak")
        belongs to its possessor: a country named after it is where it is, not whose it is."""
        s = self.sent
        if country.actor.kind == "adjective" or country.start < agent.end:
            return False
        return any(base(s.token(c).deprel) == "det" and s.token(c).feat("Poss") == "Yes"
                   for c in s.children(agent.start))

    def _counted_group(self, tid: int) -> Actor | None:
        """Counted people of a group with no entry ("des centaines de Yazidis", "thousands of
        Rohingya"): a plural proper noun after a quantity noun names civilians."""
        t = self.sent.token(tid)
        if t.upos != "PROPN" or not (t.feat("Number") == "Plur" or t.form.endswith("s")):
            return None
        return Actor(PEOPLE_AGENT, tid, tid, tid, t.text, ("a counted group (language.yaml quantity_nouns)",),
                     needs_country=True)

    def _counted(self, head: int) -> int | None:
        """What a quantity noun counts: "des centaines de civils" names the civilians, "thousands
        of protesters" the protesters (the parser makes the quantity the head)."""
        lang = self.lex.language
        return next((c for c in self.sent.children(head) if base(self.sent.token(c).deprel) == "nmod"
                     and case_of(self.sent, c) & lang.genitive_prepositions), None)

    def _counted_people(self, tid: int, head: int) -> bool:
        """A plural demonym counted as people: "200 Israelis", "thousands of Georgians",
        "hundreds of thousands of Israelis" (not "the Palestinians", the nation)."""
        s = self.sent

        def plural(t) -> bool:
            return t.upos in ("NOUN", "PROPN", "NUM") and (t.feat("Number") == "Plur" or t.form.endswith("s"))

        t = s.token(tid)
        if not plural(t):
            return False
        if any(base(s.token(c).deprel) == "nummod" for c in s.children(tid)):
            return True
        while t.id != head and base(t.deprel) == "nmod" and t.head:
            t = s.token(t.head)
            if not plural(t):
                return False
        return t.id == head != tid

    def _with_allegiance(self, ids: dict[int, int]) -> dict[int, int]:
        """The phrase with the complements of its allegiance adjectives, one level deeper:
        "forces loyal to Muammar Gaddafi" -> Gaddafi's forces."""
        s, loyal = self.sent, self.lex.language.allegiance_adjectives
        if not loyal:
            return ids
        out = ids
        toks = s.tokens
        for i, d in ids.items():
            if fold(toks[i - 1].lemma) not in loyal or base(toks[i - 1].deprel) != "amod":
                continue
            for c in s.children(i):
                if base(s.token(c).deprel) in ("obl", "nmod"):
                    out = dict(ids) if out is ids else out
                    out.update((j, d + 1 + e) for j, e in phrase(s, c, self.lex.language.genitive_prepositions).items())
        return out

    def _country_of(self, h: _Hit) -> str:
        code = h.actor.code_on(self.date) or ""
        return code[:3] if code[:3] in countries() else ""

    def _actor(self, code: str, head: int, used: list[_Hit], needs_country: bool = False,
               place: bool = False) -> Actor | None:
        if not code:
            return None
        start = min(map(_START, used))
        end = max(map(_END, used))
        text = " ".join(filter(None, [t.form if t.surface is None else t.surface  # (t.text, inlined)
                                      for t in self.sent.tokens[start - 1:end]]))
        refs = tuple([(h.actor or h.agent).ref for h in used])
        code, group = split_group(code)
        # (Actor(...) but for its frozen __init__, whose object.__setattr__ for each field costs most)
        actor = object.__new__(Actor)
        actor.__dict__.update(_ACTOR_DEFAULTS, code=code, head=head, start=start, end=end, text=text, refs=refs,
                              needs_country=needs_country, place=place, group=group)
        return actor


@lru_cache(maxsize=16)
def _leader_names(suffixes: tuple[str, ...]) -> Callable[[str], tuple[str, ...]]:
    """What a word names as a leader under some leader suffixes ("-led": "Saudi-led" -> ("Saudi",),
    most words -> ()), memoized by word: one memo for each language's suffixes."""

    def names(form: str) -> tuple[str, ...]:
        folded = fold(form)
        return tuple([form[: -len(s)] for s in suffixes if folded.endswith(s) and len(form) > len(s)])

    return StringMemo(names).__getitem__
