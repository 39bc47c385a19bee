"""Append (or replace) the EU organisations and services in data/*.csv."""
import csv, sys
sys.path.insert(0, "staging")
import eu

def rewrite(path, key, new_rows):
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    header = list(rows[0].keys()) if rows else None
    with open(path, encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    ids = {r[key] for r in new_rows}
    kept = [r for r in rows if r[key] not in ids]
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, header, lineterminator="\n")
        w.writeheader()
        w.writerows(kept)
        for r in new_rows:
            w.writerow({h: r.get(h, "") for h in header})
    return len(kept), len(new_rows)

orgs = []
for oid, (name, web, src, desc) in eu.ORGS.items():
    orgs.append({"organization_id": oid, "name": name, "description": desc["en"], "email": "", "website": web, "source": src})
print("orgs", rewrite("data/organizations.csv", "organization_id", orgs))

svcs = []
for s in eu.SERVICES:
    svcs.append({
        "service_id": s["id"], "organization_id": s["org"], "name": s["name"],
        "description": s["desc"]["en"], "categories": s["categories"], "scope": s["scope"],
        "phones": s.get("phones", ""), "email": s.get("email", ""), "url": s.get("url", ""),
        "hours": s.get("hours", ""), "hours_note": s.get("hours_note", ""),
        "city": s.get("city", ""), "region": s.get("region", ""),
        "country": s["country"], "area": s.get("area", ""),
        "service_area": s.get("area_codes", ""),
        "eligibility": eu.ELIGIBILITY.get(s["id"], {}).get("en", ""),
        "fees": s.get("fees", ""), "status": "active",
        "source": s["source"], "source_url": s["source_url"], "notes": s["notes"],
    })
print("services", rewrite("data/services.csv", "service_id", svcs))
