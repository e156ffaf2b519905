"""Article-length text: several sentences of one story, parsed with the real models. What a
sentence alone cannot tell (who "the minister" is, where "the rebels" fight) comes from the story."""

from __future__ import annotations

import pytest

from coder.doc import Story


def events(pipeline, text: str, lang: str, date: str) -> list[tuple[str, str, str]]:
    t = pipeline.code_table([Story("a", text, date, lang)])
    return sorted((r["source"], r["code"], r["target"] or "-") for r in t.to_pylist())


@pytest.mark.parametrize("lang,date,text,present,absent", [
    # a definite title is the official named just before, not the country of the sentence's places
    ("fr", "2019-06-04", "Jean-Yves Le Drian a reçu mardi à Paris son homologue libanais. "
     "Le ministre a ensuite condamné les frappes israéliennes au Liban.",
     [("FRAGOV", "111", "ISR")], [("LBNGOV", "111", "ISR")]),
    # "the two presidents": both officials named before, each with the other
    ("en", "2022-06-18", "Joe Biden met Emmanuel Macron in Paris on Saturday. "
     "The two presidents signed a joint declaration on energy.",
     [("USAGOV", "057", "FRAGOV"), ("FRAGOV", "057", "USAGOV")], []),
    # the end of an operation is no operation
    ("en", "2019-10-20", "Ankara announced the end of the military operation in northern Syria.",
     [("TURGOV", "010", "-")], [("SYRMIL", "190", "-"), ("TURMIL", "190", "-")]),
    # a visit put off or cancelled is no visit
    ("fr", "2023-03-24", "La visite du roi Charles III en France, prévue dimanche, a été reportée.",
     [], [("GBRGOV", "042", "FRA"), ("GBR", "042", "FRA")]),
    ("en", "2023-03-24", "The British king's state visit to France was postponed because of the protests.",
     [], [("GBRGOV", "042", "FRA")]),
    ("en", "2023-03-24", "Japan cancelled the Chinese foreign minister's visit to Tokyo.",
     [], [("CHNGOV", "042", "JPNGOV")]),
    # a town discussed is a topic: the two callers are each other's targets
    ("en", "2017-06-20", "Merkel and Macron discussed Mosul by telephone on Monday.",
     [("DEUGOV", "041", "FRAGOV"), ("FRAGOV", "041", "DEUGOV")], [("DEUGOV", "041", "IRQ")]),
    # rebels in a story set near Homs are Syrian, though only Moscow speaks of them; what they are
    # accused of (an infinitive hung on the object) is not an event
    ("fr", "2016-05-03", "Des hélicoptères russes ont bombardé mardi des positions près de Homs. "
     "Moscou a accusé les rebelles de violer la trêve.",
     [("RUSGOV", "1123", "SYRREB")], [("RUSREB", "196", "-")]),
    # the victims of an army abroad are of the country of the town it struck (and the shelling's
    # target: the toll in "killing ..." is no event of its own)
    ("en", "2022-04-02", "Russian forces shelled Mariupol on Friday, killing six civilians.",
     [("RUSMIL", "194", "UKRCVL")], [("RUSMIL", "194", "RUSCVL"), ("RUSMIL", "190", "RUSCVL")]),
    # "selon Moscou" names a speaker, not the place where the rebels are
    ("fr", "2016-05-03", "Selon Moscou, les rebelles ont tiré des obus sur Alep.",
     [("SYRREB", "194", "SYR")], [("RUSREB", "194", "SYR")]),
    # a lone day read as the verb's object ("ont manifesté dimanche") is a time, not an object
    ("fr", "2019-01-13", "Des milliers de partisans de l'opposition ont manifesté dimanche à Kinshasa.",
     [("CODOPP", "141", "-")], []),
    # "called the truce a welcome development" describes the truce; it declares none
    ("en", "2020-03-06", "The Iranian foreign ministry called the truce a welcome development.",
     [], [("IRNGOV", "0871", "-")]),
    # "avec l'aide de la France": France helped the army, not the jihadists it fought
    ("fr", "2013-02-01", "L'armée malienne a repris Gao aux jihadistes avec l'aide de la France.",
     [], [("FRA", "070", "MLIREB")]),
    # no official calls his own government "the regime": it is not the speaker's
    ("en", "2018-04-10", "Jean-Yves Le Drian said the regime was waging a war against civilians in Ghouta.",
     [("FRAGOV", "010", "-")], [("FRAGOV", "190", "SYRCVL"), ("FRAGOV", "190", "-")]),
    # a subject split in two by the parser: "Human Rights" + "Watch" is one name; what the army is
    # accused of ("torturing", hung on "army" by the parser) makes it an accusation of abuses (1122)
    ("en", "2019-07-11", "Human Rights Watch accused the Sudanese army of torturing detainees.",
     [("NGOHRW", "1122", "SDNMIL")], [("SDNMIL", "1822", "SDNCVL"), ("NGOHRW", "112", "SDNMIL")]),
    # ", the former colonial power," is the subject's apposition, not the subject
    ("en", "2019-07-11", "Belgium, the former colonial power, urged the authorities to release political prisoners.",
     [("BEL", "0253", "-")], []),
    # a verb with no passive parsed as a participle of the root noun is the main verb
    ("en", "2021-02-08", "Tens of thousands of people marched through Yangon on Monday for a third day of "
     "protests against the military coup.", [("MMRCVL", "141", "-")], []),
    # "Plus d'un million de personnes": the people are the subject, not the adverb
    ("fr", "2023-03-23", "Plus d'un million de personnes ont manifesté jeudi en France contre la réforme "
     "des retraites, selon le ministère de l'Intérieur.", [("FRACVL", "1412", "-")], []),
    # a town inside the agent's phrase is where the shots came from, not who fired
    ("fr", "2019-03-02", "Deux casques bleus ont été blessés par des tirs près de Kidal, dans le nord du Mali.",
     [], [("MLI", "182", "IGOUNOPKO")]),
    # the agent of a participle is an actor, not the place the rebels are from; not agreeing "on how
    # to save the truce" is no refusal of a truce
    ("en", "2016-09-20", "Rebel commanders did not agree to the truce proposed by Egypt. "
     "The two envoys did not agree on how to save the truce.",
     [], [("EGYREB", "1246", "-"), ("EGY", "1246", "-")]),
    # what one plans or counts on doing has not happened; "Lire aussi" links another story
    ("fr", "2019-05-20", "Ankara compte lancer une offensive contre les milices kurdes. "
     "Lire aussi : Paris envisage de livrer des armes aux rebelles.",
     [], [("TURGOV", "190", "TURUAF"), ("FRAGOV", "014", "-")]),
    ("en", "2019-05-20", "Moscow plans to expand its air strikes on Idlib.", [], [("RUSGOV", "195", "SYR")]),
    # "déposer les armes" is to disarm: no refusal of arms supplies
    ("fr", "2016-10-22", "Les rebelles d'Alep ont rejeté l'appel du régime à déposer les armes.",
     [], [("SYRREB", "1222", "SYRGOV"), ("SYRREB", "1222", "-")]),
])
def test_story_context(pipeline, lang, date, text, present, absent):
    got = events(pipeline, text, lang, date)
    assert set(present) <= set(got), got
    assert not set(absent) & set(got), got


def test_one_event_per_triple_and_sentence(pipeline):
    """"Speaking in Ankara, Erdogan said ..." is one statement, not two identical events."""
    got = events(pipeline, "Speaking in Ankara on Friday, Recep Tayyip Erdogan said Turkey would keep its "
                 "troops in Syria.", "en", "2019-03-15")
    assert got.count(("TURGOV", "010", "-")) == 1, got
