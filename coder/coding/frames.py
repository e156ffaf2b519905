"""Predicate frames: who is the logical subject and object of a verb or event noun.

Handles voice (passive subjects become objects, the agent becomes the subject; French reflexive
"se sont emparées" stays active), control ("decided to withdraw"), shared subjects of coordinated
verbs, relative clauses ("les rebelles, qui ont attaqué"), participles ("forces backed by Russia"),
negation and hypothetical moods. Relations are UD v2 names in logical voice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from coder.coding.tree import base, case_of, nested_agents, subtree
from coder.dictionaries.model import Language
from coder.doc import Sentence, Token
from coder.text import fold

NOMINAL_UPOS = ("NOUN", "PROPN")
_PASSIVE_RELS = frozenset({"aux:pass", "nsubj:pass", "csubj:pass"})
_NEGATOR_RELS = frozenset({"advmod", "aux", "det", "cc", "dep", "fixed"})  # (bases) of words that may negate a verb


def _has_feat(t: Token, feat: str) -> bool:
    """Whether a word has a feature ("Voice=Pass") as ``Token.feat`` reads it (first value), with
    a quick test of its FEATS text first."""
    if feat not in t.feats:
        return False
    name, _, value = feat.partition("=")
    return t.feat(name) == value


@dataclass(slots=True)
class Frame:
    pred: int
    deps: list[tuple[str, int]] = field(default_factory=list)  # (logical relation, token id)
    negated: bool = False
    hypothetical: bool = False
    alleged: bool = False  # complement of an accusation or denial
    future: bool = False  # announced, not done: "will travel", "se rendra", "va rencontrer"
    intended: bool = False  # the infinitive of a plan or pledge: "plans to visit China" (hypothetical too)
    passive: bool = False

    def get(self, rel: str) -> list[int]:
        sub = rel + ":"
        return [t for r, t in self.deps if r == rel or r.startswith(sub)]


_BUILDING = Frame(0)  # (read only: see FrameBuilder.frame)


class FrameBuilder:
    def __init__(self, sent: Sentence, lang: Language):
        self.sent, self.lang = sent, lang
        self._frames: dict[int, Frame] = {}

    def frame(self, tid: int) -> Frame:
        f = self._frames.get(tid)
        if f is None:
            # (a frame asked for while it is built, on a cycle of heads in a broken tree, is an empty one)
            self._frames[tid] = _BUILDING
            f = self._nominal(tid) if self.sent.tokens[tid - 1].upos in NOMINAL_UPOS else self._verbal(tid)
            self._frames[tid] = f
        return f

    # -- verbs ---------------------------------------------------------------------------------
    def _verbal(self, tid: int) -> Frame:
        s, lang = self.sent, self.lang
        toks = s.tokens  # (toks[c - 1] is s.token(c), without the call: frames are built often)
        kids = s.children(tid)
        rels = [toks[c - 1].deprel for c in kids]
        bases = set(map(base, rels))
        has_agent = "obl:agent" in rels
        reflexive = "expl" in bases
        tok = toks[tid - 1]
        # "les forces soutenues par la Russie", "rebels backed by Turkey": the modified noun is the object
        # A participle on a root noun with no agent is the sentence's own verb, misattached:
        # "Turkish troops clashed with Kurdish fighters" is not a noun phrase.
        main_verb_misparsed = tok.deprel == "acl" and not has_agent and s.token(tok.head).deprel == "root" \
            and not any(t.upos in ("VERB", "AUX") and t.id != tid and base(t.deprel) not in ("acl", "aux", "cop")
                        for t in s.tokens)
        # A past participle with a direct object and no agent is an active verb the parser read as a
        # reduced relative: "Syrian forces captured more districts" (not "forces captured by ...").
        participle = (tok.deprel == "acl" and tok.feat("VerbForm") == "Part" and not main_verb_misparsed
                      and not (not has_agent and "obj" in bases and tok.head < tid)  # (active with an object)
                      and (tok.feat("Tense") == "Past" or tok.feat("Voice") == "Pass"))
        # Verbs conjugated with "être" ("sont parvenus", "est venu") are not passives. A passive
        # needs a passive auxiliary, an agent or a passive verb form: a lone "nsubj:pass" on a
        # finite verb is a tagging error ("Egypt objected to the dam project").
        passive = participle or (
            not _PASSIVE_RELS.isdisjoint(rels) and (has_agent or not reflexive)
            and (has_agent or fold(tok.lemma) not in lang.unaccusative_verbs)  # (not unaccusative)
            and ("aux:pass" in rels or has_agent or _has_feat(tok, "Voice=Pass") or (
                reflexive and "nsubj:pass" in rels)))
        if passive or has_agent or "nsubj:pass" in rels:
            f = Frame(tid, passive=passive)
            for c in kids:
                r = toks[c - 1].deprel
                if passive and r == "nsubj:pass":
                    r = "obj"
                elif r == "obl:agent" or (passive and base(r) == "obl" and case_of(s, c) & lang.agent_prepositions):
                    r = "nsubj"
                elif r == "nsubj:pass":
                    r = "nsubj"
                f.deps.append((r, c))
            self._one_subject(f)
            if participle and not f.get("obj"):
                f.deps.append(("obj", tok.head))
            subject, objects = bool(f.get("nsubj")), True
        else:  # (the usual case: every relation as parsed)
            f = Frame(tid, list(zip(rels, kids, strict=False)))
            if rels.count("nsubj") > 1:
                self._one_subject(f)
            # (whether f.get("nsubj"), f.get("obj") are not empty, from the relations as parsed)
            subject, objects = "nsubj" in bases, "obj" in bases
        if tok.deprel in ("acl:relcl", "acl") and tok.head:
            self._relative_pronouns(f)  # (which changes no relation)
        if not subject:
            self._inherit_subject(f)
        f.negated = self._negated(kids) or objects and self._negated_object(f)
        # the verb, its auxiliaries
        group = (tok, *(toks[c - 1] for c in kids if base(toks[c - 1].deprel) == "aux")) if "aux" in bases else (tok,)
        f.hypothetical = self._hypothetical(group)
        f.future = self._future(group)
        if "mark" in bases or "case" in bases:  # (subordinators: _markers' quick test)
            marks = self._markers(tid)
            if marks & lang.negating_markers:
                f.negated = True  # "abstained instead of vetoing", "sans attaquer"
            if marks & lang.hypothetical_markers:
                f.hypothetical = True  # "si la Russie attaquait", "if Russia attacked"
        own = f.hypothetical  # (its own modal or condition)
        rel = base(tok.deprel)
        if rel in ("xcomp", "ccomp", "advcl") and tok.head:
            g = self.frame(tok.head)
            gov_lemma = fold(s.token(tok.head).lemma)
            if rel == "xcomp" or (rel == "advcl" and gov_lemma in lang.negating_verbs):
                f.negated = f.negated or g.negated or gov_lemma in lang.negating_verbs
            f.hypothetical = f.hypothetical or (g.hypothetical or gov_lemma in lang.intent_verbs) and rel == "xcomp" \
                or g.hypothetical and rel == "advcl"  # "vowed to take measures to defend its interests"
            # "will travel to Abuja to meet ...", "va rencontrer": the purpose of a future, or the
            # infinitive of a future auxiliary, is announced too
            f.future = f.future or rel in ("xcomp", "advcl") and (g.future or self._future_auxiliary(tok.head))
            # "prévoit de se rendre en Chine", "plans to visit China": an intent, when it is cooperation
            f.intended = rel == "xcomp" and gov_lemma in lang.announcing_verbs and not (g.hypothetical or g.negated or own)
            if gov_lemma in lang.allegation_verbs:
                f.alleged = True  # "accused Moscow of supplying weapons": an allegation, not an event
        elif rel == "acl" and tok.head and tok.feat("VerbForm") == "Inf" \
                and fold(s.token(tok.head).lemma) in lang.intent_verbs:
            # "the Turkish army plans to launch an offensive" ("plans" read as a noun), "Russia's plans
            # to invade": a plan, not a deed
            f.hypothetical = True
            f.intended = not own and fold(s.token(tok.head).lemma) in lang.announcing_verbs
        elif rel == "acl" and self._on_accused(tid):
            f.alleged = True  # "a accusé les rebelles de violer la trêve", the infinitive hung on the object
        return f

    def _on_accused(self, tid: int) -> bool:
        """Whether a clause hangs on the object of an accusation verb ("accusé les rebelles de violer")."""
        s = self.sent
        noun = s.token(s.token(tid).head)
        return base(noun.deprel) == "obj" and bool(noun.head) \
            and fold(s.token(noun.head).lemma) in self.lang.allegation_verbs

    @staticmethod
    def _one_subject(f: Frame) -> None:
        """Several subjects (a parser error, e.g. "Syrian forces captured ..., a monitoring group
        said"): the one nearest before the verb is the subject, the others become "dep:nsubj"."""
        subjects = [t for r, t in f.deps if r == "nsubj"]
        if len(subjects) < 2:
            return
        before = [t for t in subjects if t < f.pred]
        keep = max(before) if before else min(subjects)
        f.deps = [("dep:nsubj" if r == "nsubj" and t != keep else r, t) for r, t in f.deps]

    def _markers(self, tid: int) -> set[str]:
        """Subordinators of a clause, single and multi-word: {"instead of", "instead", "of"}."""
        s = self.sent
        toks = s.tokens
        words = []
        for c in s.children(tid):
            t = toks[c - 1]
            if base(t.deprel) in ("mark", "case"):
                words.append(fold(t.form))
                words.extend(fold(s.token(g).form) for g in s.children(c) if base(s.token(g).deprel) == "fixed")
        if not words:
            return set()
        out = set(words)
        out.update(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))
        return out

    def _relative_pronouns(self, f: Frame) -> None:
        """In a relative clause (the frame of an "acl" with a head), a relative pronoun stands for
        the noun the clause modifies."""
        toks = self.sent.tokens
        tok = toks[f.pred - 1]
        for k, (r, c) in enumerate(f.deps):
            ct = toks[c - 1]
            if ct.upos == "PRON" and (ct.feat("PronType") == "Rel" or base(ct.deprel) in ("nsubj", "obj")) and r in ("nsubj", "obj"):
                if ct.feat("PronType") == "Rel" or fold(ct.lemma) in ("qui", "que", "who", "which", "that", "lequel"):
                    f.deps[k] = (r, tok.head)

    def _inherit_subject(self, f: Frame) -> None:
        toks = self.sent.tokens
        tok = toks[f.pred - 1]
        rel, head = base(tok.deprel), tok.head
        if not head:
            return
        if rel == "xcomp":
            g = self.frame(head)
            controller = g.get("obj") if toks[head - 1].upos not in NOMINAL_UPOS else []
            subj = controller or g.get("nsubj")
        elif rel in ("conj", "advcl") and toks[head - 1].upos not in NOMINAL_UPOS:
            subj = self.frame(head).get("nsubj")
        elif rel == "acl":
            if tok.deprel == "acl:relcl":
                subj = [head] if not f.get("obj") or head not in f.get("obj") else []
            elif f.passive:
                subj = []  # the participle's noun is already its object
            else:
                subj = [head]  # "les rebelles attaquant la ville"
        else:
            subj = []
        f.deps.extend(("nsubj", t) for t in subj[:1])

    def _negated(self, kids: list[int]) -> bool:
        """A negation among a verb's dependents (``kids``)."""
        neg = self.lang.negation
        toks = self.sent.tokens
        for c in kids:
            t = toks[c - 1]
            if base(t.deprel) in _NEGATOR_RELS or t.upos == "PART":
                if fold(t.form) in neg or fold(t.lemma) in neg or (
                        t.upos in ("ADV", "PART") and _has_feat(t, "Polarity=Neg")):
                    return True
        return False

    def _negated_object(self, f: Frame) -> bool:
        """'accepted no truce', 'n'acceptera aucune offre': a negative determiner on the object."""
        s, neg = self.sent, self.lang.negation
        toks = s.tokens
        for r, o in f.deps:
            if r != "obj" and not r.startswith("obj:"):
                continue  # (f.get("obj"), inlined)
            for c in s.children(o):
                t = toks[c - 1]
                if base(t.deprel) == "det" and (fold(t.form) in neg or t.feat("PronType") == "Neg"):
                    return True
        return False

    def _hypothetical(self, group: tuple[Token, ...]) -> bool:
        """A modal or conditional verb group (the verb, then its auxiliaries)."""
        lang = self.lang
        auxiliaries = lang.hypothetical_auxiliaries
        for t in group:
            if fold(t.lemma) in auxiliaries or fold(t.form) in auxiliaries:
                return True
            if "Mood=" in t.feats and t.feat("Mood") in lang.hypothetical_moods:  # (a quick test first)
                return True
        return False

    def _future(self, group: tuple[Token, ...]) -> bool:
        """A verb group (the verb, then its auxiliaries) in the future tense: "will travel" (an
        auxiliary of the language's list), "se rendra" (Tense=Fut, or a future ending after the
        infinitive's stem: not "déclara")."""
        lang = self.lang
        endings = lang.future_endings
        for t in group:
            if t.upos not in ("VERB", "AUX"):
                continue
            if t is not group[0] and fold(t.lemma) in lang.future_auxiliaries or "Tense=Fut" in t.feats and t.feat("Tense") == "Fut":
                return True
            if endings and t.feat("VerbForm") in ("", "Fin") and _future_form(fold(t.form), fold(t.lemma), endings):
                return True
        return False

    def _future_auxiliary(self, tid: int) -> bool:
        """A future auxiliary used as a verb in the present, governing an infinitive: "va rencontrer"
        ("est allé rencontrer" went)."""
        s = self.sent
        t = s.token(tid)
        return fold(t.lemma) in self.lang.future_auxiliaries and t.feat("Tense") == "Pres" \
            and not any(base(s.token(c).deprel) == "aux" for c in s.children(tid))

    # -- event nouns ---------------------------------------------------------------------------
    def _nominal(self, tid: int) -> Frame:
        """'le veto russe à la résolution', 'the army's offensive against the rebels'."""
        s, lang = self.sent, self.lang
        f = Frame(tid)
        toks = s.tokens
        for c in s.children(tid):
            t = toks[c - 1]
            r = t.deprel
            b = base(r)
            lone_modifier = b == "acl" and not s.children(c)  # a tagger's "VERB" that is an adjective
            if r == "nmod:poss" or lone_modifier or (b in ("amod", "compound") and t.upos in ("ADJ", "PROPN", "NOUN")):
                f.deps.append(("nsubj", c))
            elif b == "nmod":
                marks = case_of(s, c)
                if marks & lang.theme_prepositions and not marks & lang.agent_prepositions:
                    f.deps.append(("obj", c))  # "the arrest of the journalist", "the Russian veto of ..."
                elif marks & lang.genitive_prepositions or marks & lang.agent_prepositions:
                    f.deps.append(("nsubj", c))
                else:
                    f.deps.append(("obl", c))
            elif b != "det":
                f.deps.append((r, c))
        tok = s.token(tid)
        if self._complement_of_noun(tid):
            # "la répression des manifestations par la police": the agent is the repression's
            f.deps = [(r, c) for r, c in f.deps if not (r == "nsubj" and case_of(s, c) & lang.agent_prepositions)]
        self._nominal_agent(f)
        f.hypothetical = self._indefinite(tid)  # "a Russian veto is expected": not a reported event
        f.negated = self._terminated(tid)
        if tok.head and base(tok.deprel) in ("obj", "nsubj", "obl"):
            g = self.frame(tok.head)
            if base(tok.deprel) != "nsubj":  # "la protestation de la Chine n'a rien changé"
                f.negated = f.negated or g.negated
                f.alleged = g.alleged  # "accused Moscow of launching an invasion"
            if base(tok.deprel) == "obj" and not f.get("obl"):
                f.deps.extend(("obl", o) for o in self._trailing_obliques(tid))
            light = fold(s.token(tok.head).lemma) in lang.light_verbs
            f.hypothetical = g.hypothetical or (f.hypothetical and not light)
            if base(tok.deprel) == "obl" and case_of(s, tid) & lang.comitative_prepositions:
                # "a repris Palmyre avec l'aide de la Russie": the help went to the clause's subject
                f.deps = [(r, c) for r, c in f.deps if r != "case"] + [("obj", t) for t in g.get("nsubj")]
                return f
            if light and (base(tok.deprel) == "obj" or base(tok.deprel) == "obl"
                          and not case_of(s, tid) & lang.topic_prepositions):
                # "l'armée a lancé une offensive contre...": the light verb lends its subject and
                # obliques; the noun's own modifiers come first ("a Russian missile test" -> RUS) but
                # when none of them is an actor ("a missile test") the lent subject is used. What
                # it is done over is not its deed ("imposed sanctions over attacks on shipping").
                f.deps.extend(("nsubj", t) for t in g.get("nsubj"))
                f.deps.extend((r, t) for r, t in g.deps if base(r) in ("obl", "iobj"))
        return f

    def _terminated(self, tid: int) -> bool:
        """An event noun whose end is what is reported: "la fin des opérations militaires", "an
        end to the bombing", "ended its offensive", "la visite a été reportée" (its head is a
        terminative word; "the strike ended on Monday" still reports a strike)."""
        tok = self.sent.token(tid)
        return bool(tok.head) and (base(tok.deprel) in ("nmod", "obj") or tok.deprel == "nsubj:pass") \
            and fold(self.sent.token(tok.head).lemma) in self.lang.terminative_words

    def _complement_of_noun(self, tid: int) -> bool:
        """A noun that is the "de" complement of another noun ("des manifestations" in "la
        répression des manifestations")."""
        s = self.sent
        tok = s.token(tid)
        return (base(tok.deprel) == "nmod" and bool(tok.head) and s.token(tok.head).upos in NOMINAL_UPOS
                and bool(case_of(s, tid) & self.lang.genitive_prepositions))

    def _nominal_agent(self, f: Frame) -> None:
        """A "par"/"by" agent of an event noun is its subject, also when the parser hung it under
        the noun's complement, at any depth ("l'enlèvement de deux journalistes par des djihadistes"); the
        genitive complement is then the object."""
        s, agents = self.sent, self.lang.agent_prepositions
        found = None
        for r, c in f.deps:
            if r != "nsubj":
                continue
            if case_of(s, c) & agents:
                found = c
                break
            inner = nested_agents(s, c, agents)
            if inner:
                found = inner[0]
                break
        if found is None:
            return
        deps = [("obj" if r == "nsubj" and c != found and base(s.token(c).deprel) == "nmod" else r, c)
                for r, c in f.deps if c != found]
        f.deps = [("nsubj", found), *deps]

    def _trailing_obliques(self, tid: int) -> list[int]:
        """Obliques of the governing verb that directly follow an object event noun, which the
        parser attached to the verb: "a condamné les frappes russes sur l'Ukraine"."""
        s = self.sent
        tok = s.token(tid)
        end = max(subtree(s, tid))
        out = []
        for c in s.children(tok.head):
            t = s.token(c)
            if c > end and base(t.deprel) == "obl" and case_of(s, c) & set(self.lang.target_prepositions):
                if min(subtree(s, c)) == end + 1:
                    out.append(c)
        return out

    def _indefinite(self, tid: int) -> bool:
        """An event noun with an indefinite article and no possessor ("a veto", "une offensive")."""
        s = self.sent
        for c in s.children(tid):
            t = s.token(c)
            if base(t.deprel) == "det" and t.feat("Definite") == "Ind":
                return True
        return False


def _future_form(form: str, lemma: str, endings: frozenset[str]) -> bool:
    """Whether a finite form ends in a future ending ("ra", "ront") not put on the present stem:
    "rendra", "ira", "sera", but not the past "déclara" nor the present "déclarons" of "déclarer"."""
    if not endings or not form.endswith(_as_tuple(endings)):  # (a quick test, done in C)
        return False
    return any(len(form) > len(e) and form.endswith(e) and form[:len(form) - len(e) + 1] != lemma[:-2]
               for e in endings)


@lru_cache(maxsize=16)
def _as_tuple(words: frozenset[str]) -> tuple[str, ...]:
    return tuple(words)
