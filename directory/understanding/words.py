"""Words that steer understanding, in the eight languages: cues, prison words, commands.

The words that are never a place (function words) are in directory.text.stopwords, with the
project's other lists of words that carry no meaning.

All entries are written folded (lower case, no accents, Greek without tonos) as `fold` makes them.
"""

from __future__ import annotations

from directory.text.folding import fold, word_set

# Everyday words that are also the names of small places somewhere (Street, Church, Moss, Son,
# Train): a place only after a place word ("in Reading"), alone in the text, and unambiguous.
COMMON = word_set(
    # en
    "street church cross more moss wick ash law bath reading wells mold ware hope send ford "
    "station train bus help money home house family families kids kid son sons daughter dad "
    "mum mom mother father husband wife partner boyfriend girlfriend brother sister baby "
    "prison jail gaol visit visits court work school food bank road lane hill green "
    "park bridge castle market water well town city centre center way end ends start stop "
    "sunday monday tuesday wednesday thursday friday saturday tomorrow today tonight morning "
    "evening night sorry number message phone call wrong yesterday soon again anymore "
    "trouble problem problems issue sentenced sentence remanded released inside away fine "
    "hard easy long short big small little nice free left right side back front love "
    "crying scared upset alone lonely worried stressed ill sick tired struggling everything "
    "bring take see tell ask asking find going coming want need know think feel feeling "
    "booking book booked order video letter letters send sent down",
    # es, pt, de, el, ro, cy, pl: family words and everyday words that name places abroad
    "hijo hija marido mujer padre madre hermano hermana familia carcel prision semana mes "
    "filho filha marido mulher pai mae irmao irma familia prisao semana mes vez "
    "sohn tochter mann frau vater mutter bruder schwester familie gefangnis woche monat mal "
    "γιος κορη αντρας γυναικα πατερας μητερα αδερφος αδερφη οικογενεια φυλακη εβδομαδα "
    "fiul fiica sotul sotia tatal mama fratele sora familia inchisoare saptamana luna data "
    "mab merch gwr gwraig tad mam brawd chwaer teulu carchar wythnos mis tro "
    "syn corka maz zona ojciec matka brat siostra rodzina wiezienie tydzien miesiac raz",
)

# Words after which a place usually follows ("in Leeds", "en Londres", "στο Λονδίνο").
PLACE_CUES = word_set(
    "in at near nr to around from "
    "en cerca desde hasta a "
    "em no na perto para "
    "im bei nach nahe von aus zum zur "
    "στο στη στην στον σε απο κοντα "
    "la langa din spre "
    "yn yng ym i ger o "
    "w we do z ze kolo blisko",
)
# Cues that name where the family lives or sets out from, not where the prisoner is.
FROM_CUES = word_set("from desde de von aus απο din o z ze")

# "I live in ...": the name after is where the family lives, not the prison.
HOME_WORDS = word_set(
    "live living lives vivo vivimos moro moramos wohne wohnen μενω μενουμε locuiesc "
    "locuim byw mieszkam mieszkamy"
)
# Words that name a prison by themselves; the generic ones below only when not after "in".
NAMING_PRISON_WORDS = word_set("hmp hm yoi jva carchar charchar garchar ngharchar")
# Words that say the name next to them is a prison.
PRISON_WORDS = word_set(
    "hmp hm yoi prison prisons jail gaol nick "
    "carcel prision penitenciaria centro penitenciario "
    "prisao cadeia estabelecimento prisional "
    "gefangnis haft justizvollzugsanstalt jva "
    "φυλακη φυλακες φυλακων "
    "inchisoare inchisoarea inchisoarei penitenciar penitenciarul penitenciarului "
    "carchar charchar garchar ngharchar "
    "wiezienie wiezieniu wiezienia areszt areszcie zakladzie karnym",
)

# Phrases of someone new to prison: with a prison named and no topic, the first steps.
_FIRST_STEPS = (
    "sent to", "sent down", "got sent", "just got", "remanded", "first time", "been arrested",
    "acaba de", "lo mandaron", "primera vez", "foi preso", "foi mandado", "primeira vez",
    "gerade", "untersuchungshaft", "erste mal", "zum ersten mal",
    "μολις", "πρωτη φορα", "τον εστειλαν",
    "tocmai", "prima data", "arestat preventiv", "a fost trimis",
    "newydd gael", "tro cyntaf", "anfon i",
    "wlasnie trafil", "trafil do", "pierwszy raz", "w areszcie",
)  # fmt: skip
FIRST_STEPS = tuple(fold(p).replace("ł", "l") for p in _FIRST_STEPS)

# Welsh initial mutations, undone to find a place's own name ("yng Nghaerdydd", "i Gaerdydd").
WELSH_RADICALS = (
    ("ngh", "c"), ("mh", "p"), ("nh", "t"), ("ng", "g"), ("ch", "c"), ("ph", "p"), ("th", "t"),
    ("g", "c"), ("b", "p"), ("d", "t"), ("f", "b"), ("f", "m"), ("l", "ll"), ("r", "rh"),
    ("m", "b"), ("n", "d"), ("dd", "d"), ("", "g"),
)  # fmt: skip
# Polish case endings on town names ("w Londynie", "z Londynu", "w Manchesterze").
POLISH_ENDINGS = ("ie", "u", "ze", "em", "a")

# Whole-text commands (with filler only around them), folded.
COMMANDS = {
    "menu": word_set("menu topics topic list temas tema topicos themen thema menu θεματα μενου "
                 "subiecte meniu pynciau bwydlen tematy lista"),
    "more": word_set("more next mas siguiente mais proximo mehr weiter περισσοτερα επομενα "
                 "urmatoarele rhagor mwy wiecej dalej"),
    "help": word_set("help ayuda ajuda hilfe βοηθεια ajutor cymorth pomoc"),
}  # fmt: skip

# Distress: the reply starts with the 24-hour helpline. Folded phrases, matched on word bounds.
_DISTRESS = (
    "cant cope", "can t cope", "cannot cope", "suicide", "suicidal", "kill myself",
    "end my life", "want to die", "end it all", "self harm", "hurt myself",
    "suicidio", "suicidarme", "quiero morir", "matarme", "no puedo mas",
    "quero morrer", "me matar", "nao aguento",
    "selbstmord", "suizid", "umbringen", "will sterben", "nicht mehr leben",
    "αυτοκτονια", "αυτοκτονησω", "θελω να πεθανω",
    "sinucidere", "sinucid", "vreau sa mor", "nu mai pot",
    "hunanladdiad", "lladd fy hun",
    "samobojstwo", "zabic sie", "chce umrzec",
)  # fmt: skip
DISTRESS = tuple(fold(p).replace("ł", "l") for p in _DISTRESS)
