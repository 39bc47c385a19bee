"""Words that steer understanding, in the eight languages: never places, cues, prison words.

All entries are written folded (lower case, no accents, Greek without tonos) as `fold` makes them.
"""

from __future__ import annotations

from directory.text.folding import fold


def _set(*texts: str) -> frozenset[str]:
    # folded again so that a Greek final sigma is written either way
    return frozenset(fold(w).replace("ł", "l") for text in texts for w in text.split() if fold(w))


# Function words: never a place, whatever the gazetteer holds ("to", "is", "how", "son", "de").
FUNCTION_BY_LANGUAGE = {
    "en": _set(
        "a an the and or but if so to too of in on at by for from with without into onto up down "
        "out off over under about near nr i me my mine im ive id ill you your u ur he him his hes "
        "she her hers shes we us our they them their it its is are was were be been being am "
        "do does did done doing have has had having get got gets getting can cant could would "
        "should will wont shall may might must not no yes yeah yea ok okay k kk pls plz please "
        "thanks thank thx ty cheers hi hello hey hiya how what when where why who which whom wer "
        "wot wat wen y r n wiv wid dat dis da this that these those there here then than now "
        "just very really so much many more most some any all every each other another one two "
        "three four five six seven eight nine ten first last next time times day days week weeks "
        "month months year years yr yrs old new good bad well also only still even again ever "
        "never "
        "always as like about anyone anybody someone somebody anything something nothing everyone "
        "s t d ll m re ve x xx xxx lol omg idk tbh rn atm asap btw pm am"
    ),
    "es": _set(
        "de del la el los las lo le les un una unos unas y o u e en con sin por para que quien "
        "como cuando donde cual mi mis tu tus su sus yo me te se nos es son esta estoy esta estan "
        "era fue ser estar hay muy mas menos ya no si hola gracias buenos buenas dias tardes "
        "noches "
        "al a desde hasta porque pero tambien todo todos nada algo alguien hago hacer puedo "
        "quiero necesito tengo tiene"
    ),
    "pt": _set(
        "do da dos das o os a as um uma uns umas e ou em no na nos nas com sem por para que quem "
        "como quando onde qual meu minha meus minhas teu tua seu sua eu me te se nos voce e sao "
        "esta estou estao foi ser estar ha muito mais menos ja nao sim ola obrigada obrigado bom "
        "boa dia tarde noite ao aos pelo pela mas tambem tudo nada algo alguem faco fazer posso "
        "quero preciso tenho tem"
    ),
    "de": _set(
        "der die das den dem des ein eine einen einem einer und oder in im am an auf aus bei mit "
        "nach von vom zu zum zur fur ich du er sie es wir ihr mein meine meinen meinem meiner "
        "dein sein seine seinem seinen ist sind war bin bist hat habe haben kann konnen muss "
        "wie was wo wer wann warum nicht kein keine ja nein hallo danke bitte guten morgen tag "
        "abend suche sehr mehr auch noch schon nur jetzt hier dort alles etwas nichts jemand"
    ),
    "el": _set(
        "και να το τα τον την της του των τη ο η οι σε στο στη στην στον στα στις στους απο για με "
        "μου σου του μας σας τους εγω εσυ αυτος αυτη ειναι ειμαι ηταν θα δεν μην ναι οχι γεια "
        "ευχαριστω καλημερα καλησπερα πως τι ποιος ποια που ποτε γιατι πολυ πιο ολα κατι τιποτα "
        "καποιος καποιον κανω ξερω θελω μπορω εχω εχει"
    ),
    "ro": _set(
        "si sa se la in din de pe cu pentru un o unei unui ale al a ai ar este sunt era fi eu tu "
        "el ea noi voi ei ele meu mea mei mele tau ta lui ei nu da buna ziua multumesc ce cine "
        "cum cand unde care foarte mai tot toate ceva nimic cineva fac pot vreau am are "
        "mi m ti iti imi il l"
    ),
    "cy": _set(
        "a ac yr y i o yn yng ym mae ydw dwi wyf oedd fy dy ei ein eich eu ni chi nhw fi ti fe "
        "hi nid ddim na ie naddo helo diolch bore da prynhawn nos sut beth pwy pryd ble pam iawn "
        "mwy yw hefyd wedi gyda gydag am ar at gan heb dros drwy wrth sy sydd n r"
    ),
    "pl": _set(
        "i w we z ze na do od dla o u po za przez przy nad pod a ale lub albo czy to ten ta te "
        "jest sa byl bylo jestem mam ma mi mnie moj moja moje mojego mojej twoj jego jej nasz "
        "on ona ono my wy oni nie tak czesc dziekuje dzien dobry jak co kto kiedy gdzie dlaczego "
        "bardzo wiecej juz tylko wszystko cos nic ktos robic moge chce musze"
    ),
}
FUNCTION = frozenset().union(*FUNCTION_BY_LANGUAGE.values())

# Everyday words that are also the names of small places somewhere (Street, Church, Moss, Son,
# Train): a place only after a place word ("in Reading"), alone in the text, and unambiguous.
COMMON = _set(
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
PLACE_CUES = _set(
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
FROM_CUES = _set("from desde de von aus απο din o z ze")

# "I live in ...": the name after is where the family lives, not the prison.
HOME_WORDS = _set(
    "live living lives vivo vivimos moro moramos wohne wohnen μενω μενουμε locuiesc "
    "locuim byw mieszkam mieszkamy"
)
# Words that name a prison by themselves; the generic ones below only when not after "in".
NAMING_PRISON_WORDS = _set("hmp hm yoi jva carchar charchar garchar ngharchar")
# Words that say the name next to them is a prison.
PRISON_WORDS = _set(
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
    "menu": _set("menu topics topic list temas tema topicos themen thema menu θεματα μενου "
                 "subiecte meniu pynciau bwydlen tematy lista"),
    "more": _set("more next mas siguiente mais proximo mehr weiter περισσοτερα επομενα "
                 "urmatoarele rhagor mwy wiecej dalej"),
    "help": _set("help ayuda ajuda hilfe βοηθεια ajutor cymorth pomoc"),
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
