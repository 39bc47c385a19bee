"""Words that carry no meaning, in the eight languages: every such list of the project, once.

All entries are folded as `fold` makes them (lower case, no accents, Greek without tonos, Polish
Ł as L), so a folded word of a text is looked up as it is.

The lists differ on purpose: each use loses something different when it drops a word.

- FUNCTION (reading a text, directory.understanding): every function word of everyday writing,
  so that none is ever taken for a place ("to", "is", "son", "de") and a text's language can be
  told from them. Broad, because a word wrongly read as a place gives a wrong answer.
- SEARCH_STOP (the words of a directory search, directory.lookup.text_query): only words that
  find no service. Narrow, because words a family searches with ("day", "new", "first", "one")
  are function words too; it also drops the asking words "need", "help" and "hilfe".
- PLACE_FILLER (a place typed on its own, directory.lookup.places): the English words around a
  place name ("near the Lewes"). Never "de", "la" or "do", which stand inside place names
  abroad, and a place is looked up by its whole name.
- REQUEST_FILLER (a text to the SMS line, sms_gateway.parser): the words around a keyword and a
  place ("housing in BN7 please"), greetings and thanks, in every language.
- OPT_FILLER (the SMS line's STOP and START near misses): the words that may stand beside them
  without changing what they ask ("stop texts please").
- COMMAND_FILLER (a whole-text command, "menu please"): the English function words and "please"
  in the other languages.
"""

from __future__ import annotations

from directory.text.folding import word_set

# Function words: never a place, whatever the gazetteer holds ("to", "is", "how", "son", "de").
FUNCTION_BY_LANGUAGE = {
    "en": word_set(
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
    "es": word_set(
        "de del la el los las lo le les un una unos unas y o u e en con sin por para que quien "
        "como cuando donde cual mi mis tu tus su sus yo me te se nos es son esta estoy esta estan "
        "era fue ser estar hay muy mas menos ya no si hola gracias buenos buenas dias tardes "
        "noches "
        "al a desde hasta porque pero tambien todo todos nada algo alguien hago hacer puedo "
        "quiero necesito tengo tiene"
    ),
    "pt": word_set(
        "do da dos das o os a as um uma uns umas e ou em no na nos nas com sem por para que quem "
        "como quando onde qual meu minha meus minhas teu tua seu sua eu me te se nos voce e sao "
        "esta estou estao foi ser estar ha muito mais menos ja nao sim ola obrigada obrigado bom "
        "boa dia tarde noite ao aos pelo pela mas tambem tudo nada algo alguem faco fazer posso "
        "quero preciso tenho tem"
    ),
    "de": word_set(
        "der die das den dem des ein eine einen einem einer und oder in im am an auf aus bei mit "
        "nach von vom zu zum zur fur ich du er sie es wir ihr mein meine meinen meinem meiner "
        "dein sein seine seinem seinen ist sind war bin bist hat habe haben kann konnen muss "
        "wie was wo wer wann warum nicht kein keine ja nein hallo danke bitte guten morgen tag "
        "abend suche sehr mehr auch noch schon nur jetzt hier dort alles etwas nichts jemand"
    ),
    "el": word_set(
        "και να το τα τον την της του των τη ο η οι σε στο στη στην στον στα στις στους απο για με "
        "μου σου του μας σας τους εγω εσυ αυτος αυτη ειναι ειμαι ηταν θα δεν μην ναι οχι γεια "
        "ευχαριστω καλημερα καλησπερα πως τι ποιος ποια που ποτε γιατι πολυ πιο ολα κατι τιποτα "
        "καποιος καποιον κανω ξερω θελω μπορω εχω εχει"
    ),
    "ro": word_set(
        "si sa se la in din de pe cu pentru un o unei unui ale al a ai ar este sunt era fi eu tu "
        "el ea noi voi ei ele meu mea mei mele tau ta lui ei nu da buna ziua multumesc ce cine "
        "cum cand unde care foarte mai tot toate ceva nimic cineva fac pot vreau am are "
        "mi m ti iti imi il l"
    ),
    "cy": word_set(
        "a ac yr y i o yn yng ym mae ydw dwi wyf oedd fy dy ei ein eich eu ni chi nhw fi ti fe "
        "hi nid ddim na ie naddo helo diolch bore da prynhawn nos sut beth pwy pryd ble pam iawn "
        "mwy yw hefyd wedi gyda gydag am ar at gan heb dros drwy wrth sy sydd n r"
    ),
    "pl": word_set(
        "i w we z ze na do od dla o u po za przez przy nad pod a ale lub albo czy to ten ta te "
        "jest sa byl bylo jestem mam ma mi mnie moj moja moje mojego mojej twoj jego jej nasz "
        "on ona ono my wy oni nie tak czesc dziekuje dzien dobry jak co kto kiedy gdzie dlaczego "
        "bardzo wiecej juz tylko wszystko cos nic ktos robic moge chce musze"
    ),
}
FUNCTION = frozenset().union(*FUNCTION_BY_LANGUAGE.values())

# Dropped from the words of a directory search: they find no service.
SEARCH_STOP_BY_LANGUAGE = {
    "en": word_set(
        "a an and or the for of in on at to with near me my i is are need help please pls"
    ),
    "es": word_set("de del la el los las y para en un una por con que"),
    "pt": word_set("do da dos das e o os para em um uma com"),
    "de": word_set("der die das und für mit in im am zu ich bitte hilfe"),
    "el": word_set("και για το τα η ο με σε"),
    "ro": word_set("si și pentru cu la în un o de"),
    "cy": word_set("a yr y ac am i"),
    "pl": word_set("i w z na do dla"),
}
SEARCH_STOP = frozenset().union(*SEARCH_STOP_BY_LANGUAGE.values())

# Around a place typed on its own ("near the Lewes").
PLACE_FILLER = word_set("near in at around nr the of")

# Around a keyword and a place in a text ("housing in BN7 please").
REQUEST_FILLER = word_set(
    "in near nr at around the a an for please pls plz me my i need want looking some any "
    "en cerca de del la el por favor necesito em perto do da de preciso "
    "in bei nahe der die das im ich brauche bitte "
    "σε κοντα στο στη στην για "
    "in la langa de aproape am nevoie va rog "
    "yn ger ym mae angen w blisko potrzebuje prosze "
    "hi hello hola ola hallo thanks thank you ok okay"
)

# May stand beside a STOP or START word without changing what it asks.
OPT_FILLER = word_set(
    "me please pls plz now all texts text messages sms it them thanks thank you por favor "
    "favor bitte mich se rog va proszę prosze os gwelwch yn dda no more mensajes mensagens "
    "nachrichten mesaje"
)

# Around a whole-text command ("menu please").
COMMAND_FILLER = FUNCTION_BY_LANGUAGE["en"] | word_set("por favor bitte prosze")
