"""Everyday words and phrases for each topic, in the eight languages, beside the directory's own
keywords (data/categories.toml). Folded; a trailing "*" matches any ending (Polish and Greek
cases: "pieniedz*" for pieniędzy, pieniędzmi). Weak entries (`WEAK`) name a topic only when
nothing stronger does: "my son" is about children unless the text is about visiting him.
"""

from __future__ import annotations

PHRASES: dict[str, str] = {
    "visiting": (
        "book a visit; booking a visit; book visit; visiting times; visiting hours; visit times; "
        "visit hours; what do i bring; what to bring; visiting order; visitor centre; "
        "purple visit*; see him; see her; see their; go and see; visting; vists; visitng; "
        "horario de visitas; visitar*; vistas; visitas; "
        "marcar uma visita; horario das visitas; visitas; vizitas; "
        "besuch*; besuhc; "
        "επισκεψ*; επισκεφτ*; episkeps*; "
        "vizit*; vizte; programare; "
        "ymwel*; "
        "widzen*; odwiedz*; widzenei"
    ),
    "travel": (
        "petrol; fuel; diesel; train fare; bus fare; fare; fares; cost of getting there; "
        "getting there; get there; get to; travel cost*; assisted prison visits; mileage; "
        "train; trains; bus; taxi; lift to; no trains; "
        "gasolina; billete*; tren; autobus; "
        "combustivel; comboio; autocarro; bilhete; "
        "benzin*; zugticket; zug; tankgeld; fahrtkosten; "
        "βενζιν*; τρενου; τρενο; λεωφορει*; εισιτηρι*; venzini; "
        "benzina; bilet*; autobuz*; tren; "
        "petrol; tren; bws; tocyn; chostau teithio; costau teithio; teithio; "
        "paliw*; benzyn*; pociag*; autobus*; bilet*; dojazd*"
    ),
    "money": (
        "money; moneyy; benefits; debt; debts; can t pay; cant pay; cannot pay; skint; broke; "
        "no money; bills; pay the bills; paying; financial; universal credit; "
        "dinero; facturas; ayuda economica; economica; deudas; pagar las facturas; "
        "dinheiro; contas; pagar as contas; "
        "geld; rechnungen; finanziell*; schulden; "
        "χρηματα; λεφτα; λογαριασμ*; πληρωσω; lefta; "
        "bani; facturi*; datori*; plati; "
        "arian; biliau; dyled*; talu; "
        "pieniadz*; pieniedz*; finansow*; rachunk*; zaplac*; kasa"
    ),
    "housing": (
        "housing; housin; nowhere to live; somewhere to live; place to live; evicted; eviction; "
        "landlord; homeless; council house; rent; my house; "
        "vivienda; desahuc*; alquiler; piso; "
        "casa; despejad*; habitacao; renda; "
        "wohnung*; miete; obdachlos; "
        "σπιτι; εξωση; ενοικι*; "
        "locuint*; chirie; da afara; "
        "tai; digartref; ddigartref; cartref; "
        "mieszkani*; wyrzucaja; czynsz"
    ),
    "children": (
        "my kid; my kids; kids; children; child; childcare; school; my baby; "
        "ninos; ninas; hijos; "
        "criancas; filhos; "
        "kinder; kind; "
        "παιδι*; paidia; "
        "copil*; copii; "
        "plentyn; plant; blant; mhlentyn; "
        "dzieci; dziecko; dzieciom"
    ),
    "emotional": (
        "upset; lonely; alone; cant sleep; can t sleep; struggling; stressed; anxious; worried; "
        "no one understands; all too much; how i m feeling; im feeling; feeling so; "
        "sola; solo; triste; no puedo dormir; deprimid*; psicologo; "
        "sozinha; sozinho; ansiedade; "
        "einsam; traurig; kann nicht schlafen; "
        "μοναξια; αγχος; μονη; "
        "singura; singur; trist*; "
        "unig; poeni; pryder; "
        "samotn*; stres; smutn*; nie moge spac"
    ),
    "helplines": (
        "talk to someone; someone to talk to; speak to someone; helpline; phone line; "
        "hablar con alguien; falar com alguem; mit jemandem reden; "
        "να μιλησω; μιλησω; sa vorbesc cu cineva; vorbesc; siarad; porozmawiac"
    ),
    "legal": (
        "solicitor; lawyer; court; legal advice; legal aid; appeal; complaint; "
        "abogado; juridic*; advogado; anwalt; δικηγορ*; avocat; "
        "cyfreithiwr; cyfreithiol; prawnik*; porada prawna; prawn*"
    ),
    "release": (
        "gets out; getting out; get out; released; release; coming home; on licence; "
        "sale de la carcel; sai da prisao; entlassen; αποφυλακ*; iese din inchisoare; "
        "rhyddhau; ryddhau; wychodzi; wyjdzie"
    ),
    "peer": (
        "support group; groups; other families; families like mine; same situation; "
        "grupos de apoyo; grupos de apoio; selbsthilfegruppe*; ομαδες στηριξης; "
        "grupuri de sprijin; grwpiau teulu; grupy wsparcia"
    ),
    "substance": (
        "drugs; on drugs; alcohol; gambling; drinking; drogas; drogen*; ναρκωτικ*; "
        "drogur*; cyffuriau; narkotyk*"
    ),
    "abuse": (
        "threatens me; threatening; scared; domestic abuse; domestic violence; "
        "miedo; me amenaza; medo; bedroht; φοβαμαι; απειλει; frica; ameninta; "
        "mae ofn; ofn; boje sie; grozi"
    ),
    "essentials": (
        "food bank; no food; food; clothes; banco de alimentos; banco alimentar; tafel; "
        "τροφιμα; mancare; banc bwyd; jedzenie"
    ),
    "health": ("ill; doctor; look after; medico; arzt; γιατρο; medic; meddyg; lekarz*"),
    "faith": "chaplain",
}

# Family words: children only when nothing stronger is named.
WEAK: dict[str, str] = {
    "children": (
        "my son; my daughter; daughter; hijo; hija; filho; filha; sohn; tochter; γιος; "
        "fiul; fiica; mab; syn; corka; asking where daddy; pregunta por su padre; "
        "pergunta pelo pai; fragt; ρωταει; intreaba; gofyn; pyta"
    ),
    "helplines": "talk",
}

# The topics, in the order they win when a text names several (travel costs first: a family
# asking for money for the train to a visit needs help with visit costs; then visiting).
FIRST = ("travel", "visiting")
