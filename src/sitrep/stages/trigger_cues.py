"""What the parse and the sentence tell about a candidate event word: who does it (a crowd of
ordinary people?), what it acts on (a road, captives, a disease), and the word lists the trigger
stage's rules read."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..parsed import doc_text
from ..resolve.trigger_lexicon import lexicon
from ..resolve.wording import has_any_word

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


# Nouns for a crowd of ordinary people: when they gather, demand or chant, it is a protest.
CROWD_NOUNS = frozenset(
    "people group members residents villagers workers employees staff students teachers parents farmers traders "
    "merchants vendors drivers neighbours neighbors activists supporters retirees pensioners doctors nurses "
    "relatives families women youths citizens inhabitants locals dozens hundreds thousands crowd protesters "
    "demonstrators community communities owners miners unions union journalists lawyers veterans fishermen "
    "shopkeepers sellers retirees protestors laborers labourers migrants lecturers".split()
)
# Verbs of watching or reporting: a gathering that is their object is where someone was, not the event.
WATCHING_VERBS = frozenset({"cover", "film", "photograph", "report", "document", "monitor", "livestream", "broadcast"})
# A former member of the forces is a citizen: "retired soldiers gathered" can be a protest.
FORMER = frozenset({"retired", "former", "ex", "demobilised", "demobilized", "discharged"})


# Nouns after "assault" or "attack" that make it a kind of weapon ("assault rifle", "attack helicopter").
WEAPON_HEADS = frozenset(
    "rifle rifles weapon weapons helicopter helicopters aircraft drone drones boat boats vehicle vehicles "
    "dog dogs submarine submarines craft".split()
)

# Nouns after "riot" that make it a kind of police or kit ("riot police", "anti-riot squad"), not a riot.
RIOT_GEAR_HEADS = frozenset(
    "police policemen policeman officers officer cops squad squads unit units troops forces gear shield shields "
    "helmets equipment control vehicle vehicles van vans".split()
)


# What can be brought down in flight: a downed one is a disrupted weapon.
AIRCRAFT_WORDS = (
    "drone",
    "drones",
    "uav",
    "uavs",
    "unmanned",
    "aircraft",
    "missile",
    "missiles",
    "rocket",
    "rockets",
    "projectile",
    "projectiles",
    "helicopter",
    "warplane",
    "jet",
    "plane",
)
# Parties to a conflict agreement (ACLED: agreements between armed actors, surrenders, prisoner exchanges).
ARMED_PARTY_WORDS = (
    "armed",
    "rebel",
    "rebels",
    "militants",
    "militant",
    "fighters",
    "insurgents",
    "militia",
    "militias",
    "army",
    "troops",
    "forces",
    "military",
    "ceasefire",
    "cease-fire",
    "truce",
    "war",
    "prisoners of war",
    "combatants",
    "commander",
    "faction",
    "factions",
    "group",
    "jihadists",
    "separatists",
    "separatist",
    "guerrillas",
    "insurgent",
    "jihadist",
    "soldiers",
    "hostilities",
)


# Forces of nature: what they hit or destroy is a disaster, not an attack ("hit by an earthquake").
NATURAL_FORCES = frozenset(
    "earthquake earthquakes quake quakes tremor tremors flood floods flooding storm storms cyclone cyclones "
    "typhoon typhoons hurricane hurricanes tornado tornadoes tsunami landslide landslides mudslide mudslides "
    "drought wildfire wildfires bushfire bushfires blaze rain rains downpour downpours heatwave "
    "avalanche lightning virus pandemic epidemic locusts eruption volcano".split()
)


def struck_by_nature(token: Token) -> bool:
    """Whether a violent verb's doer is a force of nature: "the area was hit by an earthquake",
    "a cyclone destroyed 300 houses", "flood-hit areas"."""
    before = token.i - 1
    if before >= 0 and token.doc[before].tag_ == "HYPH":
        before -= 1
    previous = token.doc[before] if before >= 0 else None
    of_it = previous is not None and previous.dep_ == "pobj" and previous.head.lower_ == "of"
    if previous is not None and previous.lemma_.lower() in NATURAL_FORCES and not of_it:
        return True  # "flood-hit areas", "earthquakes hit areas"; not "victims of the floods blocked the road"
    if before < token.i - 1 and token.dep_ == "amod":
        return True  # "the worst-hit villages": a word describing a place, not a blow struck
    for child in token.children:
        if child.dep_ == "nsubj" and child.lemma_.lower() in NATURAL_FORCES:
            return True
        if child.dep_ == "agent" and any(g.lemma_.lower() in NATURAL_FORCES for g in child.children):
            return True
    return died_in_mishap(token)


# Traffic: a person struck or hit by one of these met an accident, not an attack.
VEHICLES = frozenset(
    "vehicle vehicles car cars truck trucks lorry lorries bus buses train trains tram van vans taxi motorcycle "
    "motorbike suv driver motorist minibus minibuses coach tractor rickshaw".split()
)


def struck_by_traffic(token: Token) -> bool:
    """Whether a strike or hit verb's doer is a vehicle: "a woman was struck by a car", "hit by a train"."""
    agent = next((c for c in token.children if c.dep_ == "agent"), None)
    doer = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    return doer is not None and doer.lemma_.lower() in VEHICLES


# What people die in when no one attacks them: "killed in a road accident", "died in the stampede".
MISHAPS = frozenset(
    "accident accidents crash crashes collision collisions stampede stampedes derailment shipwreck capsizing "
    "mishap mishaps".split()
)
# What goes wrong with a vehicle or a building, by itself: "when the bus fell into a gorge".
MISHAP_VERBS = frozenset(
    "fall plunge overturn crash capsize collide derail sink skid veer topple collapse flip".split()
)
# What can fall, sink or collapse on people: a vehicle, a boat, a building.
MISHAP_THINGS = VEHICLES | frozenset(
    "boat boats ferry ferries ship vessel canoe plane aircraft helicopter building buildings house houses bridge "
    "wall roof mine".split()
)


def died_in_mishap(token: Token) -> bool:
    """Whether a killing or wounding word tells of a disaster or an accident: "killed in a 6.1 quake",
    "the flood, which killed 40", "died in a road accident", "were killed when their bus plunged into a ravine" (the clause may hang
    on a verb conjoined to the event word: "killed and ten injured when ...")."""
    if token.dep_ == "relcl" and token.head.lemma_.lower() in NATURAL_FORCES | MISHAPS:
        return True  # "the quake, which killed 40"
    verbs = [token, *(c for c in token.children if c.dep_ == "conj")]
    if token.dep_ == "conj":
        verbs.append(token.head)
    for verb in verbs:
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in {"in", "by"}:
                pulled = (g for g in child.children if g.dep_ == "pobj")
            elif child.dep_ == "advcl" and child.lemma_.lower() in MISHAP_VERBS:
                pulled = (g for g in child.children if g.dep_ == "nsubj" and g.lemma_.lower() in MISHAP_THINGS)
            else:
                continue
            if any(g.dep_ == "nsubj" or g.lemma_.lower() in NATURAL_FORCES | MISHAPS for g in pulled):
                return True
    return False


# What can be mobilised that is not armed men: "mobilized efforts to help", "mobilise resources".
CIVIL_MEANS = frozenset(
    "effort efforts resource resources fund funds funding support aid help relief volunteer volunteers "
    "voter voters vote votes opinion donation donations money capital investment investors friendship tie ties "
    "relation relations cooperation partnership bond bonds link links".split()
)
# What can be taken over that is no ground: a firm, a title, a post ("a website taken over by X").
NON_GROUND = frozenset(
    "website site company companies firm firms business businesses bank stake shares account accounts channel "
    "newspaper magazine brand club team franchise chain leadership presidency chairmanship post role duties "
    "management portfolio ministry".split()
)


def object_of(token: Token) -> Token | None:
    """What a verb acts on: its object, its passive subject, or the noun a participle describes
    ("the website, taken over by X", "a captured judiciary")."""
    for child in token.children:
        if child.dep_ in {"dobj", "nsubjpass"}:
            return child
    if token.dep_ in {"acl", "amod"} and token.tag_ == "VBN":
        return token.head
    return None


# What is captured when no ground is: a mood, an image, a prize, an institution ("captured the students'
# interest", "captured on camera", "captured the title", "a captured judiciary").
NOT_GROUND_CAPTURED = frozenset(
    "interest imagination attention heart hearts mood moment spirit essence image images footage video videos "
    "photo photos picture pictures data title crown championship trophy medal gold market audience judiciary "
    "state institution institutions regulator media vote votes".split()
)
RECORDINGS = frozenset("camera cameras video film tape cctv footage photo photos".split())
# Verbs whose object "capture" is a person hunted: "evaded capture", "avoided capture".
ESCAPING = frozenset("evade avoid escape elude resist".split())


def capture_of_no_ground(token: Token) -> bool:
    """A capture word in another sense, or of a person: "captured the students' interest", "captured on
    camera", "evaded capture", "responsible for her capture"."""
    acted_on = object_of(token)
    if acted_on is not None and acted_on.lemma_.lower() in NOT_GROUND_CAPTURED:
        return True
    if any(
        c.dep_ == "prep" and c.lower_ == "on" and any(g.lower_ in RECORDINGS for g in c.children)
        for c in token.children
    ):
        return True
    if token.pos_ != "NOUN" or any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return False  # "the rebels' capture of the town" takes ground
    return token.head.lemma_.lower() in ESCAPING or any(
        c.dep_ == "poss" and (c.ent_type_ == "PERSON" or c.lower_ in {"his", "her"}) for c in token.children
    )


# Ordinary crime: an arrest for it is police work, not a political arrest (ACLED codes the arrests
# of activists, opposition figures and fighters, and of gang members where gangs are an armed party).
ORDINARY_CRIME_WORDS = (
    "robbery",
    "robberies",
    "robber",
    "robbers",
    "theft",
    "thefts",
    "thief",
    "thieves",
    "stealing",
    "stolen",
    "burglary",
    "burglaries",
    "counterfeit",
    "fake currency",
    "fraud",
    "scam",
    "smuggling",
    "smuggler",
    "smugglers",
    "drug trafficking",
    "narcotics",
    "money laundering",
    "embezzlement",
    "bribery",
    "pornographic",
    "poaching",
    "contraband",
    # drugs, drink-driving, graft, warrants and the crimes of ordinary police reports
    "drug",
    "drugs",
    "marijuana",
    "cannabis",
    "cocaine",
    "heroin",
    "methamphetamine",
    "controlled substance",
    "dwi",
    "dui",
    "drunk driving",
    "drink driving",
    "driving under the influence",
    "corruption",
    "bribe",
    "bribes",
    "warrant",
    "warrants",
    "pornography",
    "shoplifting",
    "trespassing",
    "homicide",
    "manslaughter",
    "murder",
    "child endangerment",
    "domestic violence",
    "break-in",
    "breaking and entering",
)
# Words that make an arrest political or part of a conflict even when a crime is named beside it.
POLITICAL_ARREST_WORDS = (
    "protest",
    "protests",
    "protesters",
    "protestors",
    "demonstrators",
    "activist",
    "activists",
    "opposition",
    "journalist",
    "journalists",
    "terror",
    "terrorism",
    "terrorist",
    "terrorists",
    "gang",
    "gangs",
    "cartel",
    "cartels",
    "political",
    "dissident",
    "dissidents",
    "blogger",
    "treason",
    "sedition",
    "coup",
    "overthrow",
    "overthrowing",
    "extremism",
    "extremist",
    "extremists",
)


PRISONER_WORDS = ("prisoners", "prisoner", "detainees", "captives", "hostages", "prison", "prisons", "prisoners of war")
# Causes that make a displacement part of a conflict.
CONFLICT_CAUSES = (
    "fighting",
    "clashes",
    "clash",
    "violence",
    "attack",
    "attacks",
    "armed",
    "militants",
    "war",
    "conflict",
    "military",
    "troops",
    "insecurity",
    "bombing",
    "shelling",
    "airstrikes",
    "gunmen",
    "rebels",
    "war-affected",
    "operations",
    "offensive",
)
# What one "combats" or "fights" when no one is fought: diseases, crimes, social ills.
ABSTRACT_FOES = frozenset(
    "spread virus coronavirus covid covid-19 pandemic epidemic disease diseases corruption poverty crime "
    "drugs trafficking unemployment hunger illiteracy climate fire fires wildfire wildfires flames "
    "blaze blazes infection infections outbreak malaria cancer fraud inflation impunity terrorism extremism fundamentalism "
    "radicalism radicalisation radicalization".split()
)


# Who is captured when people, not ground, are taken ("a mob tried to capture two men"). Captured
# fighters stay a capture: event typing reads that as fighting (resolve/event_typing/rules.py).
CAPTIVE_NOUNS = frozenset(
    "man men woman women thief thieves suspect suspects people person persons member members "
    "civilian civilians officer officers policeman policemen child children hostage hostages "
    "prisoner prisoners criminal criminals smuggler smugglers robber robbers boy boys girl girls "
    "journalist journalists worker workers national nationals migrant migrants employee employees resident "
    "residents teenager teenagers youth youths student students passenger passengers driver drivers "
    "inmate inmates fugitive fugitives escapee escapees accomplice accomplices".split()
)


# Words that take back ground: a name they take is a place the parser misread as a person ("recaptured Palmyra").
GROUND_VERBS = frozenset("recapture retake liberate overrun".split())


def captured_people(token: Token) -> bool:
    """Whether a capture word takes people who are not fighters ("tried to capture two thieves"),
    reading through conjoined verbs ("were beaten, robbed or captured")."""
    if token.dep_ == "acl" and _person_noun(token.head):
        return True  # "a suspect, captured during a robbery", "a member of a youth gang, captured by ..."
    verb = token
    named_people = token.lemma_.lower() not in GROUND_VERBS
    for _ in range(3):
        for child in verb.children:
            if child.dep_ in {"dobj", "nsubjpass"}:
                return child.lower_ in CAPTIVE_NOUNS or (named_people and child.ent_type_ in {"PERSON", "NORP"})
        if verb.dep_ in {"conj", "advcl"} and verb.head.i != verb.i:
            verb = verb.head
        else:
            break
    return False


def _person_noun(noun: Token) -> bool:
    """A noun for people: "a suspect", "a 20-year-old, a member of a gang", or the gang of "a member of a gang"."""
    if noun.lower_ in CAPTIVE_NOUNS or (noun.lower_ == "old" and any(c.lower_ == "year" for c in noun.children)):
        return True
    if any(c.dep_ == "appos" and c.lower_ in CAPTIVE_NOUNS for c in noun.children):
        return True
    of = noun.head
    return noun.dep_ == "pobj" and of.lower_ == "of" and of.head.lower_ in CAPTIVE_NOUNS


# What a crowd blocks when it protests by blocking.
WAYS = frozenset(
    "road roads highway highways street streets route routes entrance entrances access rail rails railway "
    "track tracks traffic bridge junction crossing gate gates motorway expressway avenue intersection "
    "roundabout border office offices".split()
)


ROAD_NUMBER = re.compile(r"^[A-Z]{1,3}-?\d{1,4}$")


def blocks_a_way(token: Token) -> bool:
    """Whether a "block" verb's object is a road, an entrance or an office ("blocked the national road")."""
    obj = next((c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}), None)
    if obj is None:
        # "blocked with two vehicles the highway": the parse loses the object after a phrase
        end = min(token.i + 9, token.sent.end)  # Token.sent scans the parse: asked once
        return any(t.pos_ == "NOUN" and t.lemma_.lower() in WAYS for t in token.doc[token.i + 1 : end])
    words = {obj.lower_, obj.lemma_.lower()} | {c.lower_ for c in obj.children if c.dep_ == "compound"}
    # a road's number: "the N7", "the A-1", "route 9"
    numbered = bool(ROAD_NUMBER.match(obj.text)) or (
        (obj.pos_ == "PROPN" or obj.text.isupper())
        and (any(c.like_num for c in obj.children) or any(t.like_num for t in obj.doc[obj.i + 1 : obj.i + 2]))
    )
    return bool(words & WAYS) or numbered


def abstract_object(doc: Doc, end: int) -> bool:
    """Whether the words after a fight word name a disease or a social ill rather than an enemy."""
    window = [t.lower_ for t in doc[end : min(len(doc), end + 5)] if t.sent.start == doc[end - 1].sent.start]
    return any(w in ABSTRACT_FOES for w in window)


def subject_of(token: Token) -> Token | None:
    """The subject of a verb, looking through conjoined and open-complement verbs ("gathered and demanded")."""
    verb = token
    for _ in range(3):
        for child in verb.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                return child
        if verb.dep_ == "acl" and verb.tag_ == "VBD" and verb.head.pos_ == "NOUN":
            return verb.head  # "a group of people gathered", parsed as a clause on "group"
        if verb.dep_ in {"conj", "xcomp", "advcl"} and verb.head.i != verb.i:
            verb = verb.head
        else:
            break
    return None


def governing_verb(token: Token) -> Token:
    """The verb whose object a noun event word is ("villagers staged a road blockade"), else the word itself."""
    noun = token.head if token.dep_ == "compound" else token
    return noun.head if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" else token


def crowd_subject(token: Token) -> bool:
    if token.pos_ in {"NOUN", "PROPN"}:
        token = governing_verb(token)
    subject = subject_of(token) or noun_before(token)
    if subject is not None and subject.ent_type_ in {"PERSON", "GPE"}:
        # "..., in Minas Gerais, nurses gathered": the parse may take the place for the subject
        subject = next((c for c in subject.children if c.dep_ == "appos"), subject)
    if subject is None or subject.ent_type_ in {"PERSON", "GPE", "NORP"} or subject.pos_ == "PRON":
        return False
    if any(c.lower_ in FORMER for c in subject.children if c.dep_ in {"amod", "compound"}):
        return True
    return subject.lemma_.lower() in CROWD_NOUNS or subject.lower_ in CROWD_NOUNS


# Subjects that are themselves the event ("the blast wounded three"): their own words make the event.
EVENT_SUBJECTS = frozenset(
    "blast explosion attack shelling shell fire gunfire strike airstrike bomb mine clash clashes fighting "
    "raid assault bombing explosions blasts attacks shells rocket rockets missile missiles grenade".split()
)


def someone_hurt_someone(token: Token) -> bool:
    """A wounding told in the active voice, with a doer that is not an event word: "gunmen wounded a farmer"."""
    if (
        any(c.dep_ in {"auxpass", "nsubjpass"} for c in token.children)
        or token.tag_ == "VBN"
        and token.dep_ in {"acl", "amod"}
    ):
        return hurt_by_someone(token)
    subject = subject_of(token)
    return (
        subject is not None
        and subject.dep_ == "nsubj"
        and subject.lemma_.lower() not in EVENT_SUBJECTS
        and (subject.lower_ not in EVENT_SUBJECTS)
    )


# What a passive wounding may be "by" and still be a toll of another event word, not a doer.
HARMING_THINGS = EVENT_SUBJECTS | frozenset(
    "shrapnel bullet bullets mine landmine mines explosive explosives device debris fragments fragment "
    "ordnance projectile projectiles".split()
)


def hurt_by_someone(token: Token) -> bool:
    """ "A civilian was wounded by Azerbaijani forces": the passive names its doers after "by"."""
    agent = next((c for c in token.children if c.dep_ == "agent"), None)
    doer = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    return (
        doer is not None
        and doer.pos_ in {"NOUN", "PROPN"}
        and doer.lemma_.lower() not in HARMING_THINGS
        and (doer.lower_ not in HARMING_THINGS)
    )


def noun_before(token: Token, reach: int = 8) -> Token | None:
    """When the parse gives a verb no subject ("Veracruz, residents of Aquila blocked ..."), the crowd noun
    among the words just before it, if no other verb stands between."""
    for t in reversed(token.doc[max(token.sent.start, token.i - reach) : token.i]):
        if t.pos_ in {"VERB", "AUX"}:
            return None
        if t.pos_ == "NOUN" and (t.lemma_.lower() in CROWD_NOUNS or t.lower_ in CROWD_NOUNS):
            return t
    return None


# Words that put a gathering ahead of the act told: "arrested before the rally", "ahead of planned
# protests", "in anticipation of demonstrations", "on the eve of the march".
BEFORE_WORDS = frozenset({"before", "ahead", "anticipation", "eve", "run-up", "advance", "prevent", "pre-empt"})


def a_parade(token: Token) -> bool:
    """ "Troops held a march-past": a parade, not a march."""
    after = token.doc[token.i + 1 : token.i + 3]
    return len(after) == 2 and after[0].text == "-" and after[1].lower_ == "past"


def a_show_of_something(token: Token) -> bool:
    """Whether a protest noun means a show of a quality ("the parade was a demonstration of close
    ties"): "demonstration of" followed by no crowd of people ("a demonstration of farmers") and no name."""
    if token.lemma_.lower() != "demonstration":
        return False
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            shown = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if shown is not None and shown.pos_ != "PROPN":
                return not {shown.lower_, shown.lemma_.lower() + "s", shown.lemma_.lower()} & CROWD_NOUNS
    return False


def gathering_still_to_come(token: Token) -> bool:
    """Whether a gathering word is only what an act came before ("detained activists ahead of the protest"):
    the gathering is not told as held; the arrest or the deployment is the event."""
    if token.dep_ != "pobj":
        return False
    prep = token.head
    if prep.lower_ == "before":
        return prep.head.pos_ == "VERB"
    return prep.lower_ in {"of", "to"} and prep.head.lower_ in BEFORE_WORDS


# Verbs of throwing by hand: what they carry is a crowd's missile, not artillery ("lob" is left out: mortars
# are lobbed).
HAND_THROWING = frozenset("throw hurl toss fling chuck pelt".split())
# Words before "bomb" that make it a bottle of fuel thrown by hand ("petrol bombs", "Molotov cocktails").
FIREBOMB_KINDS = frozenset("petrol gasoline molotov fire incendiary".split())


def thrown_by_hand(token: Token) -> bool:
    """Whether a weapon noun is something thrown by hand: a firebomb ("petrol bombs"), or the object of a
    throwing verb ("projectiles were thrown at police", "threw rocks and bombs")."""
    if token.pos_ != "NOUN":
        return False
    before = token.doc[token.i - 1] if token.i > token.sent.start else None
    if before is not None and before.lower_ in FIREBOMB_KINDS:
        return True  # read side by side: the parse may join "petrol" to a list before it
    noun = token
    while noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        noun = noun.head  # "threw stones and projectiles": the first of the list is the verb's object
    head = noun.head
    return noun.dep_ in {"dobj", "nsubjpass"} and head.pos_ == "VERB" and head.lemma_.lower() in HAND_THROWING


def violence_signs(doc: Doc, start: int, end: int) -> bool:
    """Signs of a killing in the sentence of a body's discovery or the next one."""
    sent = doc[start].sent
    stop = min(len(doc), sent.end + 60)
    nxt = doc[sent.end : stop]
    if nxt and nxt[0].sent.start == sent.end:
        text = doc_text(doc)[sent.start_char : nxt[0].sent.end_char].lower()
    else:
        text = sent.text.lower()
    return has_any_word(text, lexicon().violence_signs)
