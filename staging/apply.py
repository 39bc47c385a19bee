"""Merge staged translations into data/translations.csv (replacing same table/record/field/lang)."""
import csv, sys
sys.path.insert(0, "staging")
from cy_pl import CY_PL
from efa import TEXTS, FREE, LANGS

def rows():
    for sid, (cy, pl) in CY_PL.items():
        yield ("service", sid, "description", "cy", cy)
        yield ("service", sid, "description", "pl", pl)
    svc = list(csv.DictReader(open("data/services.csv", encoding="utf-8")))
    for r in svc:
        if r["fees"] == "Free":
            for lang in LANGS:
                yield ("service", r["service_id"], "fees", lang, FREE[lang])
    for (sid, field), by_lang in TEXTS.items():
        if field == "application" and "--with-application" not in sys.argv:
            continue
        for lang in LANGS:
            yield ("service", sid, field, lang, by_lang[lang])
    from orgs_tr import ORG_TR
    for oid, by_lang in ORG_TR.items():
        for lang in LANGS:
            yield ("organization", oid, "description", lang, by_lang[lang])
    if "--eu" in sys.argv:
        import eu
        yield from eu.translation_rows()

path = "data/translations.csv"
existing = list(csv.reader(open(path, encoding="utf-8")))
header, body = existing[0], existing[1:]
new = list(rows())
keys = {r[:4] for r in new}
body = [r for r in body if tuple(r[:4]) not in keys]
with open(path, "w", encoding="utf-8", newline="") as fh:
    w = csv.writer(fh, lineterminator="\n")
    w.writerow(header)
    w.writerows(body)
    w.writerows(new)
print(len(body), "kept,", len(new), "staged")
