"""Renders the html-chromium and html-weasyprint families: JSON Resume themes from the npm
registry, filled with the families' people by the theme's own exported render(resume), and
printed to PDF by headless Chromium or by WeasyPrint.

    python -m tests.families.html_families [--themes DIR] [FAMILY ...]

Needs what the tests never need:
- Node.js, with these npm packages installed in DIR (`npm install` there):
  jsonresume-theme-stackoverflow@3.3.0, jsonresume-theme-paper@0.5.0,
  jsonresume-theme-class@0.1.2, jsonresume-theme-onepage@0.0.3,
  jsonresume-theme-spartan@0.3.0, jsonresume-theme-actual@0.2.2,
  jsonresume-theme-professional@1.1.0, jsonresume-theme-autumn@1.0.1,
  jsonresume-theme-mocha-responsive@1.1.1, jsonresume-theme-sceptile@1.0.5,
  jsonresume-theme-kwan@0.0.2, jsonresume-theme-eloquent@5.0.0, jsonresume-theme-cora@0.1.1,
  jsonresume-theme-rocketspacer@1.2.2, jsonresume-theme-direct@0.1.1,
  jsonresume-theme-simple-red@1.0.4, jsonresume-theme-dinesh@0.0.7,
  jsonresume-theme-orbit@3.0.0, jsonresume-theme-slick@0.1.16,
  jsonresume-theme-elegant@1.16.1, jsonresume-theme-macchiato@1.1.0,
  jsonresume-theme-kendall@0.2.0, jsonresume-theme-even@0.26.1,
  jsonresume-theme-straightforward@0.5.0, jsonresume-theme-lucide@1.1.0,
  jsonresume-theme-spartacus@1.0.0, jsonresume-theme-short@0.1.7,
  jsonresume-theme-papirus@0.0.5, jsonresume-theme-classy@1.0.9, jsonresume-theme-jacrys@1.0.4,
  jsonresume-theme-crisp@0.2.12, jsonresume-theme-flat@0.3.7, jsonresume-theme-github@0.0.5,
  jsonresume-theme-fresh@0.0.3, jsonresume-theme-full@0.0.4, jsonresume-theme-compact@1.0.4,
  jsonresume-theme-caffeine@1.2.3, jsonresume-theme-pumpkin@1.1.4,
  jsonresume-theme-smart@1.0.2, jsonresume-theme-msresume@0.1.0,
  jsonresume-theme-apage@1.0.2 (all MIT), jsonresume-theme-minyma@0.0.5 (ISC) and
  jsonresume-theme-relaxed@0.2.1 (MPL-2.0, with heroicons@2.2.0, MIT, for its icons);
  batches 7 to 11 (lucide to msresume) and the held-out apage were printed by Chromium 156
  and WeasyPrint 70.0 (apage loads nothing from a CDN; it renders with LANG=en, see THEMES);
  professional ships JSX and is bundled here with esbuild@0.28.2 against its peers
  react@18.3.1, react-dom@18.3.1 and styled-components@6.6.0; mocha-responsive reads
  Font Awesome's stylesheet from its own node_modules without depending on it, so that
  folder gets a link to the hoisted @fortawesome/fontawesome-free (made here); kwan
  requires underscore.string without depending on it: underscore.string@3.3.6 (MIT); the
  fonts and stylesheets the themes load from CDNs, served locally instead:
  @fortawesome/fontawesome-free@6.4.2 and font-awesome@4.7.0 (icons, OFL/MIT),
  @fontsource/merriweather@5.3.0, @fontsource/montserrat@5.3.0 and
  @fontsource/josefin-sans@5.3.0 (OFL), bootstrap@3.3.7 (MIT, for kwan's Bootstrap 3.2.0 and
  rocketspacer's 3.3.7), octicons@2.2.0 (rocketspacer's Octicons 2.0.2: code MIT, font OFL)
  and flexboxgrid (6.3.1, direct's own dependency, MIT); orbit's Bootstrap 5.0.2 as
  bootstrap5 (an npm alias of bootstrap@5.0.2, MIT), slick's Bootswatch Lumen from
  bootswatch@3.3.7 (MIT); bootstrap@3.3.7 also for elegant's Bootstrap 3.3.6 and kendall's
  3.3.7, @fortawesome/fontawesome-free@6.4.2 for kendall's Font Awesome 5.14.0,
  font-awesome@4.7.0 and @fontsource/josefin-sans for macchiato's Font Awesome 4.7.0 and
  Josefin Sans; elegant's own IcoMoon font (in its package) for the copy it loads from unpkg;
  tachyons@4.10.0 (MIT) for msresume's Tachyons from unpkg, and for its tachyons-columns
  1.0.5 and tachyons-print 4.7.2 (MIT), which the npm registry reachable here does not
  serve, copies of the files unpkg gives from their repositories at those versions'
  commits, in DIR/vendor/tachyons-columns@1.0.5/src/tachyons-columns.css
  (lowmess/tachyons-columns @b8ac06ae) and DIR/vendor/tachyons-print@4.7.2/css/tachyons-print.css
  (lowmess/tachyons-print @2940ca03, tag v4.7.2).
- Chromium (`chromium`, Debian 12: 150.0.7871.100; chromium-even was printed by
  156.0.8078.114) for the chromium-* families, and pypdf
  (in the project's venv) to fix the date Chromium stamps; Pillow (in the project's venv)
  and the system's Roboto to measure what orbit's sidebar fits (Lato for macchiato, Tinos for
  smart's name).
- WeasyPrint (PyPI weasyprint 70.0) for the weasyprint-* families, in a Python given by
  --weasyprint-python (default DIR/venv/bin/python); it is run as a subprocess.
- The system fonts the themes name (Debian: fonts-lato, fonts-open-sans, fonts-roboto,
  fonts-lmodern, fonts-roboto-slab, fonts-inter, fonts-croscore for Tinos in place of Times New
  Roman, DejaVu/Noto for Cyrillic and Greek fallback).
Nothing reaches a network: CDN <link>/<script> tags (and stylesheets' @import of Google
Fonts, and elegant's inline script that loads Google's Web Font Loader) are dropped or
pointed at the local copies above, and WeasyPrint's URL fetcher only allows file: and data:
URLs.

Setup, as done for the stored files (DIR=/work/tools-html, the default):
    cd DIR && npm install jsonresume-theme-stackoverflow@3.3.0 jsonresume-theme-paper@0.5.0 \
        jsonresume-theme-class@0.1.2 jsonresume-theme-onepage@0.0.3 jsonresume-theme-spartan@0.3.0 \
        jsonresume-theme-actual@0.2.2 jsonresume-theme-professional@1.1.0 react@18 react-dom@18 \
        styled-components@6 esbuild @fortawesome/fontawesome-free@6.4.2 font-awesome@4.7.0 \
        @fontsource/merriweather jsonresume-theme-autumn@1.0.1 jsonresume-theme-mocha-responsive@1.1.1 \
        jsonresume-theme-sceptile@1.0.5 @fontsource/montserrat@5.3.0 @fontsource/josefin-sans@5.3.0 \
        jsonresume-theme-kwan@0.0.2 underscore.string@3.3.6 bootstrap@3.3.7 \
        jsonresume-theme-eloquent@5.0.0 jsonresume-theme-cora@0.1.1 \
        jsonresume-theme-rocketspacer@1.2.2 octicons@2.2.0 jsonresume-theme-direct@0.1.1 \
        jsonresume-theme-minyma@0.0.5 jsonresume-theme-simple-red@1.0.4 jsonresume-theme-dinesh@0.0.7 \
        jsonresume-theme-orbit@3.0.0 bootstrap5@npm:bootstrap@5.0.2 jsonresume-theme-slick@0.1.16 \
        bootswatch@3.3.7 jsonresume-theme-elegant@1.16.1 jsonresume-theme-macchiato@1.1.0 \
        jsonresume-theme-kendall@0.2.0 jsonresume-theme-even@0.26.1 \
        jsonresume-theme-straightforward@0.5.0 jsonresume-theme-lucide@1.1.0 \
        jsonresume-theme-spartacus@1.0.0 jsonresume-theme-short@0.1.7 jsonresume-theme-papirus@0.0.5 \
        jsonresume-theme-classy@1.0.9 jsonresume-theme-jacrys@1.0.4 jsonresume-theme-crisp@0.2.12 \
        jsonresume-theme-flat@0.3.7 jsonresume-theme-github@0.0.5 jsonresume-theme-fresh@0.0.3 \
        jsonresume-theme-full@0.0.4 jsonresume-theme-compact@1.0.4 \
        jsonresume-theme-smart@1.0.2 jsonresume-theme-msresume@0.1.0 tachyons@4.10.0 \
        jsonresume-theme-apage@1.0.2
    mkdir -p DIR/vendor/tachyons-columns@1.0.5/src DIR/vendor/tachyons-print@4.7.2/css
    git -C COLUMNS show b8ac06ae:src/tachyons-columns.css > DIR/vendor/tachyons-columns@1.0.5/src/tachyons-columns.css
    git -C PRINT show 2940ca03:css/tachyons-print.css > DIR/vendor/tachyons-print@4.7.2/css/tachyons-print.css
    (COLUMNS and PRINT: clones of lowmess/tachyons-columns and lowmess/tachyons-print)
    python3 -m venv DIR/venv && DIR/venv/bin/pip install weasyprint
    .venv/bin/python -m tests.families.html_families [FAMILY ...]
The professional bundle is written to DIR/.professional.bundle.cjs (so that its peers
resolve from DIR/node_modules), the link for mocha-responsive to
DIR/node_modules/jsonresume-theme-mocha-responsive/node_modules/@fortawesome/fontawesome-free.
Where a theme prints a field differently from the person's data, or not at all, THEMES
below says so and the truth records it (`shown`).
"""

from __future__ import annotations

import argparse
import html as htmlmod
import json
import os
import re
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdf
from PIL import ImageFont

from tests.families import families

# Node's import() resolves packages from the working directory's node_modules.
_RENDER_JS = families.rendered._RENDER_JS
# For themes that print durations up to today: Node's clock reads RENDER_TODAY instead,
# so that a rerun prints the same.
_FIXED_CLOCK_JS = """
const RealDate = Date, renderToday = RealDate.parse(process.env.RENDER_TODAY);
globalThis.Date = class extends RealDate {
  constructor(...parts) { if (parts.length) super(...parts); else super(renderToday); }
  static now() { return renderToday; }
};
"""
# orbit: the fonts of its name and of its schools, and the width either may take in its
# sidebar (180px, less a margin for the browser's shaping).
_ROBOTO_BLACK = "/usr/share/fonts/truetype/roboto/unhinted/RobotoTTF/Roboto-Black.ttf"
_ROBOTO_MEDIUM = "/usr/share/fonts/truetype/roboto/unhinted/RobotoTTF/Roboto-Medium.ttf"
_ORBIT_WIDTH = 171
# macchiato: the font of its contact details, and the width an email address may take in
# its left column (139px, less a margin as for orbit).
_LATO = "/usr/share/fonts/truetype/lato/Lato-Regular.ttf"
_MACCHIATO_WIDTH = 134
# smart: the font its name prints in (see THEMES), the name's size (2.8em of 10.5pt) and
# the width of its column (40% of the body's 21cm, less a margin as for orbit).
_TINOS = "/usr/share/fonts/truetype/croscore/Tinos-Regular.ttf"
_SMART_SIZE, _SMART_WIDTH = 39.2, 302
# Stylesheets and scripts from CDNs (also protocol-relative ones): dropped.
_EXTERNAL = re.compile(r"<link[^>]+href=[\"'](?:https?:)?//[^>]*>"
                       r"|<script[^>]+src=[\"'](?:https?:)?//[^>]*>\s*</script>", re.IGNORECASE)
_WEASYPRINT_PY = r"""
import sys, weasyprint
html, pdf, zoom = sys.argv[1], sys.argv[2], float(sys.argv[3])
fetcher = weasyprint.URLFetcher(allowed_protocols={"file", "data"})
weasyprint.HTML(filename=html, url_fetcher=fetcher).write_pdf(pdf, zoom=zoom)
"""


def _text(fragment: str) -> str:
    """The text an HTML fragment prints, whitespace collapsed."""
    return " ".join(htmlmod.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


# --- what each theme shows ------------------------------------------------------------

def _links_default(document: dict[str, Any]) -> list[str]:
    basics = document["basics"]
    return ([basics["url"]] if basics["url"] else []) + [profile["url"] for profile in basics["profiles"]]


def _location_stackoverflow(document: dict[str, Any], page: str) -> str:
    # Basics.svelte: "City, Region (CC)", or "City, (CC)" without a region.
    place = document["basics"]["location"]
    return f"{place['city']}, " + (f"{place['region']} " if place["region"] else "") + f"({place['countryCode']})"


def _location_in(pattern: str) -> Callable[[dict[str, Any], str], str]:
    """The location as the page prints it in what `pattern`'s first group finds."""
    compiled = re.compile(pattern, re.S)

    def location(document: dict[str, Any], page: str) -> str:
        found = compiled.search(page)
        return _text(found.group(1)) if found else ""
    return location


_location_actual = _location_in(r'<li class="margin-text-5">(.*?)</li>')
# onepage; apage (the same markup), whose "RegionCity" runs together.
_location_onepage = _location_in(r"<span class='address'>(.*?)</span>")
# autumn: "City, Region, Country" with the country's name (country-code-lookup).
_location_autumn = _location_in(r'<span class="sr-only">Location: </span>.*?<span>(.*?)</span>')
# mocha-responsive: address-format's lines, joined by <br/>.
_location_mocha = _location_in(r'fa-map-marker"></i>\s*<h6 class="info-text">(.*?)</h6>')


def _location_spartan(document: dict[str, Any], page: str) -> str:
    found = re.search(r'<div id="location">(.*?)</div>', page, re.S)
    # "City (CC), Region"; without a region the theme leaves a trailing comma, not kept.
    return _text(found.group(1)).rstrip(",") if found else ""


def _location_paper(document: dict[str, Any], page: str) -> str:
    # Only the region is printed ("Region CO"); a city is printed only with a postal code.
    return document["basics"]["location"]["region"]


def _location_caffeine(document: dict[str, Any], page: str) -> str:
    # The address as the address-format package lays it out ("Seattle, WA"), after the pin.
    found = re.search(r'fa-map-marker"></i>\s*<h6 class="info-text">(.*?)</h6>', page, re.S)
    return _text(found.group(1)) if found else ""


def _location_relaxed(document: dict[str, Any], page: str) -> str:
    # "City, Region, Country" with the country's name, after the pin.
    found = re.search(r'alt="Address"[^>]*><span>(.*?)</span>', page, re.S)
    return _text(found.group(1)) if found else ""


def _location_professional(document: dict[str, Any], page: str) -> str:
    place = document["basics"]["location"]
    return f"{place['city']}, {place['countryCode']}"


def _location_sceptile(document: dict[str, Any], page: str) -> str:
    # "City, Region, CC"; without a region the theme prints "City, , CC", kept as "City, CC".
    place = document["basics"]["location"]
    return ", ".join(part for part in (place["city"], place["region"], place["countryCode"]) if part)


def _location_simple_red(document: dict[str, Any], page: str) -> str:
    # "City, Region" (the country code is printed only with a street address).
    place = document["basics"]["location"]
    return ", ".join(part for part in (place["city"], place["region"]) if part)


def _location_macchiato(document: dict[str, Any], page: str) -> str:
    # "City Region CC", the parts joined by spaces.
    place = document["basics"]["location"]
    return " ".join(part for part in (place["city"], place["region"], place["countryCode"]) if part)


def _location_kendall(document: dict[str, Any], page: str) -> str:
    # "City, Region CC" ("City CC" without a region).
    place = document["basics"]["location"]
    return place["city"] + (f", {place['region']}" if place["region"] else "") + f" {place['countryCode']}"


# even: "City, Country" after a pin icon, the country's English name (Intl.DisplayNames).
_location_even = _location_in(r'<li>\s*<svg[^>]*feather-map-pin.*?</svg>(.*?)</li>')


def _location_straightforward(document: dict[str, Any], page: str) -> str:
    # "City, Region", a US state's code written out ("Riverside, California"); "City"
    # without a region; no country.
    found = re.search(r'<div class="basics-contact-row">\s*<span class="basics-contact-item">(.*?)</span>', page, re.S)
    return _text(found.group(1)) if found and "@" not in found.group(1) else ""


@dataclass(frozen=True)
class Theme:
    package: str
    engine: str  # chromium | weasyprint
    location: Callable[[dict[str, Any], str], str]
    links: Callable[[dict[str, Any]], list[str]] = _links_default
    work_location: bool = False  # whether the theme prints work[].location
    skills_shown: bool = True  # whether the skill groups can be read on the page
    degree_needs_area: bool = False  # whether studyType is printed only with an area
    education_dates: bool = True  # whether education[].startDate/endDate are printed
    highlights_shown: bool = True  # whether work[].highlights are printed
    work_years: bool = False  # whether work dates are printed as years only
    work_ends: bool = True  # whether work[].endDate is printed (or "Present" for a current job)
    phone_shown: bool = True  # whether basics.phone is printed
    work_entries: int = 0  # how many work[] entries are printed, the first ones (0: all)
    education_entries: int = 0  # how many education[] entries are printed, the first ones (0: all)
    degree: Callable[[str], str] | None = None  # studyType as printed, when changed
    zoom: float = 1.0  # WeasyPrint: what Chromium's shrink-to-fit does for wide pages
    extra_css: str = ""
    today: str = ""  # the date Node's clock reads while the theme renders ("" the real one)
    language: str = ""  # LANG while the theme renders, for themes that take their labels' language from it


THEMES = {
    "chromium-stackoverflow": Theme("jsonresume-theme-stackoverflow", "chromium", _location_stackoverflow,
                                    work_location=True),
    # print.css hides the profiles; basics.website is the only link printed.
    # The degree line ("studyType: area") is printed only when there is an area.
    "chromium-paper": Theme("jsonresume-theme-paper", "chromium", _location_paper, degree_needs_area=True,
                            links=lambda d: [d["basics"]["url"]] if d["basics"]["url"] else []),
    # No location; profiles print the username linked to the URL. Its education items
    # float without clearing, so the skills section is squeezed beside them and the
    # keywords are clipped (cut off mid-word): the skills are not readable.
    "chromium-class": Theme("jsonresume-theme-class", "chromium", lambda d, p: "", skills_shown=False),
    # Profiles' URLs only, no website.
    "chromium-onepage": Theme("jsonresume-theme-onepage", "chromium", _location_onepage,
                              links=lambda d: [profile["url"] for profile in d["basics"]["profiles"]]),
    "weasyprint-spartan": Theme("jsonresume-theme-spartan", "weasyprint", _location_spartan),
    # .content is 1000px wide: Chromium shrinks it to the page, WeasyPrint is told to.
    # Its education entries (in the right-hand column) print no dates.
    "weasyprint-actual": Theme("jsonresume-theme-actual", "weasyprint", _location_actual, work_location=True,
                               education_dates=False,
                               zoom=0.75, extra_css="@page { size: 280mm 396mm; margin: 20mm 0 26.67mm 0; }"),
    # Hero.js matches profiles by lower-case network names only, so LinkedIn is not
    # printed; basics.url is printed (its href is the theme's literal "{url}").
    "weasyprint-professional": Theme("jsonresume-theme-professional", "weasyprint", _location_professional,
                                     links=lambda d: [d["basics"]["url"]] if d["basics"]["url"] else []),
    # Name with the contact details in a column at the top right; below, skills and
    # languages in a narrow left column beside work and education ("Company" over
    # "Title", "Mon YYYY - Mon YYYY" on the right). Profiles print the network's name,
    # linked to the URL. Its Google font (Ubuntu) is dropped, not served: the fallback
    # sans prints (Arimo), in which the names fit the header's first line (in Ubuntu a
    # long name wraps beside the contact column).
    "chromium-autumn": Theme("jsonresume-theme-autumn", "chromium", _location_autumn),
    # Caffeine's layout: a left sidebar (contact details, skill groups, languages) beside
    # the summary, work and education, headings on dark bands, all in capitals; dates
    # "DD/MM/YYYY - DD/MM/YYYY". Profiles print "in/username" and the username, linked to
    # their URLs (its info-tag partial takes `url` from the enclosing context, so with a
    # website the email and the phone are linked to the website too). Its main column is
    # a block formatting context made with overflow: hidden, which Chromium clips where
    # the column goes on to a second page (the dates floated right there are lost):
    # display: flow-root makes the same context without clipping.
    "chromium-mocha-responsive": Theme("jsonresume-theme-mocha-responsive", "chromium", _location_mocha,
                                       extra_css=".right-column { overflow: visible; display: flow-root; }"),
    # Name, title and contact details centred in a red header band, then one column:
    # "Title at Company", "Area, Degree - School", skills as tags. Profiles print the
    # network's name, linked to the URL.
    "weasyprint-sceptile": Theme("jsonresume-theme-sceptile", "weasyprint", _location_sceptile),
    # Bootstrap 3 cards: name, label and a row of email, phone and "City, Region, CC"
    # (without a region "City, , CC", kept as "City, CC", as for sceptile) beside the
    # picture's cell (its Gravatar image is not fetched), the profiles' URLs below (the
    # website is not printed); then "Title, Company" in bold, "Mon YYYY - Mon YYYY" with
    # the time spent ("3 years 4 months", up to today for a current position: Node's
    # clock is fixed), "Area, Degree, School", skills as "Group (): keywords." (the empty
    # parentheses hold the skill level); headings in small capitals. The phone is linked
    # as "tel://" + the number as written.
    "chromium-kwan": Theme("jsonresume-theme-kwan", "chromium", _location_sceptile,
                           links=lambda d: [profile["url"] for profile in d["basics"]["profiles"]],
                           today="2026-01-01"),
    # Bootstrap 3 cards (the theme's own copy, inlined). WeasyPrint applies none of its
    # width media queries: the cards and the columns of each entry are stacked, so the
    # dates ("Month YYYY - Month YYYY", years for education) and the time spent come
    # under the highlights (a current position's time spent, from an empty endDate, is
    # "a month"); "Title, Company", "Area, Degree" over the school; "City, Region, CC" as
    # for sceptile; profiles print the network's name and, by Bootstrap's print style,
    # "(URL)"; the website without its scheme; the screen-reader text "Go to top" is in
    # the text layer, clipped out of sight. The email and phone links hold the theme's
    # scrambled addresses (rot13/rot5: its script, which WeasyPrint does not run, would
    # unscramble them in a browser). Its font stack ends in colour emoji fonts, from which
    # Pango takes the digits and spaces (Noto Color Emoji, wide and spaced out: WeasyPrint
    # issues #1354, #2291): the stack is given again without them. With Bootstrap's
    # print rule `p { orphans: 3; widows: 3 }`, WeasyPrint 70 draws a line of skill tags
    # twice where the skills card starts a page (once above its heading): paragraphs get
    # orphans and widows of 1 (most are one line).
    "weasyprint-eloquent": Theme("jsonresume-theme-eloquent", "weasyprint", _location_sceptile,
                                 extra_css='body { font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", '
                                           'system-ui, Roboto, "Helvetica Neue", Arial, sans-serif; } '
                                           'p { orphans: 1; widows: 1; }'),
    # Centred header (name, label, "City, Region, CC" as for sceptile, email, phone,
    # website, profiles' usernames linked to their URLs), then one column in small print
    # (0.6em): "Title, Company", "YYYY-Mon - YYYY-Mon", a HIGHLIGHTS heading over the
    # bullets, skills as tags, "Degree, Area - School"; the print style hides the
    # languages. The theme inserts its stylesheet HTML-escaped, so the font-family rules
    # with quotes ('Open Sans' for paragraphs and lists) are invalid, as in any browser:
    # all prints in the body's Montserrat.
    "chromium-cora": Theme("jsonresume-theme-cora", "chromium", _location_sceptile),
    # Bootstrap 3 rows in light Lato: name and label, then each section's heading in a
    # label column (a quarter of the width; left-aligned, as the page is printed narrower
    # than the theme's 768px breakpoint) beside its entries; contact details as small
    # labelled cells ("Email", "Phone", "Website"), profiles as the network's name over
    # the username, linked to the URL; no location. Each entry is "Company" with "Month
    # YYYY — Month YYYY" (or "— Now") at the right of the same line (both positioned
    # absolutely: Chromium's text layer gives them after the entry), the title below, a
    # "Highlights" label over bullets (Octicons dots at 10% opacity); skill groups in two
    # columns of one keyword per line; "Institution" and its dates, then the area (after
    # a mortar-board icon) over the degree. The languages section reads the old schema's
    # fields (name, level): only its heading prints. Its headings share a line of the
    # text layer with their first entry ("Skills Marketing", "Education School ...").
    "chromium-rocketspacer": Theme("jsonresume-theme-rocketspacer", "chromium", lambda d, p: ""),
    # A black header band: the name in capitals in a white frame, the label in capitals,
    # the website (as text, not a link) and "email — phone" (the email only when there is
    # a phone, which every person has); no location, no profiles. Then the summary, and
    # flexboxgrid columns: skill groups ("Group" over comma-separated keywords) and
    # languages in a narrow left column, ruled off from work and education; "**Title**
    # at **Company** Place" with "MON YYYY — MON YYYY" (or "- NOW") right-aligned in a
    # third of the width (capitals by text-transform), highlights below; education as
    # the school in bold over the area and the degree, dates at the right. The theme
    # sets no page margins: WeasyPrint's default (75px) narrows the columns so that long
    # "Title at Company" lines wrap beside the dates; the margins browsers print with
    # (0.4in) are given instead.
    "weasyprint-direct": Theme("jsonresume-theme-direct", "weasyprint", lambda d, p: "", work_location=True,
                               links=lambda d: [d["basics"]["url"]] if d["basics"]["url"] else [],
                               extra_css="@page { margin: 0.4in; }"),
    # Tailwind on a light grey panel, printed in its narrow (mobile) layout: the name in
    # bold Inter with "City, CC" after a pin icon, the label in thin grey; email, website,
    # phone and profiles as "network/username" one per line (the email and phone links are
    # "mailto: " and "tel: " with a space); headings in large bold Inter; skill groups
    # with their keywords as dark pills; each work or school entry a disc bullet with the
    # raw ISO dates ("2021-03-01 - 2022-12-01", "- present") above the company or school
    # in bold, the title (or "Degree in Area") thin below, highlights as "- " lines;
    # languages as "Language" over "- Fluency"; a credit line ("CV Made with JSON Resume
    # using theme Minyma by godraadam", linked to three URLs) at the foot of the panel,
    # often alone on the last page.
    "chromium-minyma": Theme("jsonresume-theme-minyma", "chromium", _location_professional),
    # Name in red heavy Arial (the print style's font: Arimo prints), the label in bold
    # and the summary in italics; then each section's heading in red in a floated quarter
    # column beside its entries, education first: "Company" in bold with "Month YYYY -
    # Month YYYY" (or "- Present") in small print at the right, the title in italics
    # below, a "Responsibilities:" label over the bullets; schools likewise, "Area /
    # Degree" in italics (the degree alone without an area). Each school after the first
    # is floated under the heading instead, at the left margin (the theme floats each
    # one, 75% wide, after the heading's float). Skill groups as the group's name in
    # bold before a wrapping row of keywords; languages as "Language" over the fluency in
    # italics. The print style hides the profiles: the contact details come last, under
    # the languages (often alone on a second page): "City, Region" (the country code is
    # printed only with a street address), email over phone, and the website without
    # its scheme at the right.
    "chromium-simple-red": Theme("jsonresume-theme-simple-red", "chromium", _location_simple_red,
                                 links=lambda d: [d["basics"]["url"]] if d["basics"]["url"] else []),
    # One column in Times New Roman (Tinos prints): "Name, Label", a line of "email |
    # phone | City, Region, CC" (without a region "City, CC"), the profiles' network
    # names linked to their URLs (no website); dashed rules between sections, each
    # heading in capitals in a narrow left column; skills first ("**Group**: keywords"),
    # then each job as "**Company - Title**" with its raw ISO dates ("2021-09-01 —
    # Present") floated right; WeasyPrint places that float a line lower and narrower
    # than the dates, which print as two lines ("2021-09-01" / "— Present") beside the
    # first bullets (circles); schools as the institution in bold over "Degree
    # - Area" ("Degree -" without an area), dates likewise; languages as "Language
    # (Fluency)". The profile picture (basics.picture, which no person has) is dropped.
    "weasyprint-dinesh": Theme("jsonresume-theme-dinesh", "weasyprint", _location_sceptile,
                               links=lambda d: [profile["url"] for profile in d["basics"]["profiles"]]),
    # Xiaoying Riley's Orbit (styles-1, its default variant): a teal sidebar at the right
    # (absolutely positioned, first page only) holding the name in heavy Roboto (set
    # smaller when too wide, see _local_assets), the label, email, phone, website and the
    # profiles' URLs without their scheme, after icons (a long URL wraps at a hyphen or
    # runs past the sidebar), then the education ("Bachelors in Area": "Bachelor" and
    # "Master" get an "s"; "High School Diploma in" with nothing after it without an area;
    # the school below, smaller when too wide; "YYYY - YYYY") and "English (Fluent)"; no
    # location. The main column: the summary, then "Work Experience": the title in bold
    # with "YYYY - YYYY" (or "- Present") at the right, "Company, Place" in grey below;
    # the highlights are not printed (only work[].summary, which no person has), nor are
    # the skills they mention. "Skills & Proficiency" prints each skill group's name over
    # a level bar (drawn full: its width is set by a jQuery script from a CDN, not run;
    # skills[].level is given empty, see _theme_input); the keywords are not printed:
    # no skill can be read. The print style sets the body 1020px wide, which Chromium
    # shrinks to the page; the theme's credit line ("Designed with [heart] by Xiaoying
    # Riley for developers") ends the document.
    "chromium-orbit": Theme("jsonresume-theme-orbit", "chromium", lambda d, p: "", work_location=True,
                            skills_shown=False, highlights_shown=False, work_years=True,
                            degree=lambda study: study + "s" if study.lower() in ("bachelor", "master") else study),
    # Slick, on Bootswatch's Lumen (Bootstrap 3): an empty quarter (the picture's, which no
    # person has) beside the name in Roboto over the label in capitals, then the website
    # (as written), the email and the phone after Entypo icons, and the profiles as large
    # icons only, linked to their URLs; Bootstrap's print style prints each link's target
    # after it ("(https://...)", "(mailto:...)"), so the profiles' URLs are printed as
    # text. No location (the theme prints one only with a street address). The summary
    # in large light type. Printed narrower than Bootstrap's 768px breakpoint, the
    # sections are stacked: an icon beside each heading in capitals, then the entries:
    # the company in large type, the title in light type, the raw ISO dates ("2021-03-01
    # - 2022-12-01", "- Present"), small bullets; no work location; schools as the
    # institution over the area and the degree in bold, dates likewise; skill groups side
    # by side, the group's name over a bulleted list of its keywords; "English" over
    # "Fluent" in italics.
    "weasyprint-slick": Theme("jsonresume-theme-slick", "weasyprint", lambda d, p: ""),
    # Elegant's Bootstrap 3 cards, printed narrower than Bootstrap's md breakpoint: the
    # profile card (a left sidebar on a wide screen) stacks over the "Background" card.
    # The profile card: the name in bold Lato centred over the label, then its print
    # style's four floated columns of contact details after IcoMoon icons: "City, Region,
    # CC" (as for sceptile), the phone, the email and the website (as written), the
    # languages' names ("English") on a row below; the profiles as icons only, linked to
    # their URLs. The background card: each section an icon in a left gutter beside its
    # heading in capitals; "**Title**, Company", then "Mon, YYYY - Mon, YYYY" (or
    # "- Present") with the time spent ("2 years 5 months", none for a current position),
    # bullets; no work location; skill groups in bold over outlined keyword labels;
    # schools as "**Area, Degree,** Institution" over "Mon, YYYY - Mon, YYYY".
    "chromium-elegant": Theme("jsonresume-theme-elegant", "chromium", _location_sceptile),
    # Macchiato (after Caffeine, as mocha-responsive): a green rule across the top of an
    # A4 page, the name in bold Josefin Sans over the label in light Josefin Sans; a
    # 160px left column: "About" with "City Region CC" (the parts joined by spaces), the
    # email, the phone, the website without its scheme (it wraps where too long) and the
    # profiles' usernames one per line after the networks' icons (not linked: each
    # profile is shown by its icon and username), then one heading per
    # skill group over its keywords as small tags, and "English (Fluent)"; the main
    # column: "Summary", "Experience": "**Company**" with "MM/YYYY - MM/YYYY" (or
    # "- Present") in italics at the right, the title in light type below, bullets; no
    # work location; "Education": "**Institution**" with its dates, "Degree Area" below.
    # Headings in light grey over a short green rule. WeasyPrint 70 puts the main column
    # (a block formatting context by overflow: hidden, beside the floated left column)
    # under the float, a page further on, and the entries' clearfix then clears the float:
    # the column is given the float's width and gap as a margin (180px) and made a
    # flow-root without clipping. It also shrinks the floated company names narrower than
    # their text, which wraps them: kept on one line, as in a browser. A long email
    # address, which the left column would split in two, is set smaller (see _local_assets).
    "weasyprint-macchiato": Theme("jsonresume-theme-macchiato", "weasyprint", _location_macchiato,
                                  extra_css=".right-column { margin-left: 180px; overflow: visible; "
                                            "display: flow-root; } .section-header h3 { white-space: nowrap; }"),
    # Kendall's Bootstrap 3 rows, two columns by its print style (60% and 40%): the name
    # and the label centred in capitals (the photo hidden in print); headings after Font
    # Awesome icons; the left column: "About", then "Work Experience", each job a ruled
    # box of the company in bold with work[].location at the right over "Month YYYY –
    # Month YYYY" (or "– Present"), then the title in bold, a "Highlights" label and
    # bullets; the right column: "Contact" ("City, Region CC", "City CC" without a
    # region; the phone, the email, the website as written, each profile's network over
    # its username linked to the URL, after icons in a left cell), "Education" (the years
    # stacked in a left cell, "YYYY" over "YYYY", beside the institution in bold, the
    # degree after a cap icon and the area below) and "Skills" (the group's name over
    # its keywords as small tags). The languages section reads the old schema's
    # languages[].name: not printed. An end year after the current one would be marked
    # "(expected)" (Node's clock is fixed).
    "chromium-kendall": Theme("jsonresume-theme-kendall", "chromium", _location_kendall, work_location=True,
                              today="2026-01-01"),
    # Even (CSS grid, printed in its wide layout by its `@media print`): a grey masthead
    # across the page with the name in Lato, the label large in grey, the summary, then
    # one contact detail a line after Feather icons: "City, Country" (the country's English
    # name), the email, the phone, the website without its scheme and each profile's
    # username linked to its URL with "(Network)" after it. Below, each section's heading
    # in grey, right-aligned in a narrow left column (12em) beside its entries: each job
    # the title large over the company in bold, "Mon YYYY – Mon YYYY" (or "– Present";
    # the time spent is hidden in print) and work[].location, all grey, then bullets (a
    # company's consecutive positions would be grouped under it: no person has them);
    # each school its institution large over "Degree in **Area**" (the degree alone
    # without an area) and its dates; skill groups side by side in two columns, the
    # group's name over its keywords as grey tags; "English" over "Fluent". Lato from
    # Google Fonts is a system font.
    "chromium-even": Theme("jsonresume-theme-even", "chromium", _location_even, work_location=True),
    # Straightforward, one column in Times New Roman (Tinos prints), A4 with the theme's
    # own half-inch page margins: the name large and centred over a centred "·"-separated
    # line of "City, Region" (a US state's code written out, see _location_straightforward),
    # email and phone, the website (as written) and the profiles' URLs without scheme or
    # "www." on a line below; the summary; headings in blue over a blue rule ("Experience",
    # "Education", "Skills and Tech"); the title in bold with "Mon YYYY — Mon YYYY" (or
    # "— Present") in grey italics floated right, "Company, Place" in grey italics below,
    # circle bullets; schools as the institution in bold with its dates at the right over
    # "Degree - Area" ("Degree - " without an area); skill groups as bullets "**Group:**
    # keywords."; the languages are not printed. (Its place in the list was first given
    # to jsonresume-theme-kards 1.0.2, a one-page web site that prints no phone, no
    # location, no highlights and no skill keywords: a truth could not say the phone is
    # not shown.)
    "weasyprint-straightforward": Theme("jsonresume-theme-straightforward", "weasyprint", _location_straightforward,
                                        work_location=True),
    # Lucide (French labels whatever the resume's language): a blue left sidebar of
    # "COMPETENCES" (each skill group over its keywords as pills), "SOFT SKILLS" (empty)
    # and "LANGUES" ("English : Fluent"); the main column opens with the given name and
    # the surname in capitals, "City, (CC)", the phone, the email and each profile's
    # username after Font Awesome icons, the label and the summary; then "EXPERIENCES
    # PROFESSIONNELLES": a narrow left column of French dates ("Juil. 2022 - Aujourd'hui")
    # over the time spent ("4 ans 5 mois", up to the fixed today), beside the title in bold
    # over the company and work[].location at the right, then bullets; "FORMATION" the same
    # way, "Degree en Area" ("Degree en" without an area) over the school.
    "chromium-lucide": Theme("jsonresume-theme-lucide", "chromium",
                             lambda document, page: f"{document['basics']['location']['city']}, "
                                                    f"({document['basics']['location']['countryCode']})",
                             work_location=True, today="2026-12-01"),
    # Spartacus: the name large at the left and the label at the right across the top;
    # a narrow left column of "CONTACT" ("City, Region, CC", email, "Network: username"
    # lines, phone; no web site), "TECHNICAL SKILLS" (group over its keywords joined by commas) and
    # "EDUCATION" ("Degree in Area" over "at School" and the dates, right-aligned); the
    # main column's "SUMMARY" and "EMPLOYMENT": each job the company at the left and the
    # title at the right of one line, "Mon YYYY - Mon YYYY" (or "- Present") right-aligned
    # below, bullets; no work location. Its Google Fonts (Open Sans, Roboto, Noto Serif)
    # are system fonts.
    "chromium-spartacus": Theme("jsonresume-theme-spartacus", "chromium", _location_sceptile,
                                links=lambda document: [profile["url"] for profile in document["basics"]["profiles"]]),
    # Short: compact, one column in Open Sans (a system font): the name over the email and
    # the phone, the summary, "Network username" pairs; "SKILLS" as a two-column table of
    # the group in capitals and its keywords; "EXPERIENCE": the company in bold over the
    # title in small type with "Mon YYYY - Mon YYYY" after it, bullets; "EDUCATION" as a
    # grid of two schools a row: institution, dates, "Degree - Area"; no location
    # anywhere, no work location.
    "weasyprint-short": Theme("jsonresume-theme-short", "weasyprint", lambda document, page: ""),
    # Papirus (Bootstrap 3.3.7 and Font Awesome 4.7.0 from CDNs, served locally): a dark
    # left column of "CONTACT" ("City Region CC", email, phone, the profiles' full URLs,
    # each after an icon), "EDUCATION" ("DEGREE AREA" in capitals over the school and
    # "YYYY - YYYY") and "SKILLS" (group over its keywords); the main column has the name
    # and the label letter-spaced in capitals, a letter-spaced "SUMMARY", and each job
    # the title in capitals over "Company | Mon YYYY - Mon YYYY (time spent)", bullets;
    # "LANGUAGES" as "English | Fluent"; no work location.
    "weasyprint-papirus": Theme("jsonresume-theme-papirus", "weasyprint", _location_macchiato, today="2026-12-01"),
    # Classy (Montserrat from Google Fonts served locally, Font Awesome 4.1.0 as 4.7.0): the
    # name and the label centred in capitals over "City, Region, CC", "EMAIL • address",
    # "PHONE • number", "WEBSITE • address" and the profiles' networks, linked, under
    # "PROFILES"; "ABOUT"; "WORK EXPERIENCE": "Title, Company" in bold over "Month YYYY -
    # Month YYYY" (or "- Present"), a "HIGHLIGHTS" label over the bullets; "EDUCATION" as
    # "Degree, Area - School" (", - School" without an area) over its dates; skill groups
    # and "Fluency:" under each language; no work location.
    "chromium-classy": Theme("jsonresume-theme-classy", "chromium", _location_sceptile),
    # Jacrys (Bootstrap 3.3.7 and Font Awesome 5.15.0 from CDNs, served locally): the name
    # and the label in capitals over two columns of boxes: "About" and "Work Experience"
    # at the left (each job the company over work[].location and "Month YYYY – Month
    # YYYY", then the title, a "Highlights" label and bullets), "Contact" ("City, Region
    # CC", phone, email, web site, each profile's network over its username, after icons),
    # "Education" (the start and end years stacked beside the school over the degree and
    # the area) and "Skills" at the right.
    "weasyprint-jacrys": Theme("jsonresume-theme-jacrys", "weasyprint", _location_kendall, work_location=True),
    # Crisp (Bootswatch Journal served locally; jQuery and the picture holder dropped): the
    # name over the city alone; "About"; "Phone:", "Email:", "Website:" and "Network: URL"
    # lines; "Work Experience": the company over the title over "YYYY - YYYY" (or "-
    # Present"), bullets; "Education": the degree over the area over the school and the
    # end year; skill groups over their keywords; no work location.
    "chromium-crisp": Theme("jsonresume-theme-crisp", "chromium",
                            lambda document, page: document["basics"]["location"]["city"], work_years=True),
    # Flat (Bootstrap 3.2.0 and Octicons 2.0.2 from CDNs, served as 3.3.7 and 2.2.0): a
    # grey band with the name and the label; "Contact" as labels over values (email,
    # phone, website), "About", "Profiles" (network over the linked username); "Work": the
    # company with ISO dates at the right ("2022-07-01 — 2023-06-01", "2022-07-01 —" while
    # current), the title below, a "Highlights" label over bullets; schools the same way,
    # the area then the degree under the school; skill groups over their keywords; no
    # location anywhere.
    "weasyprint-flat": Theme("jsonresume-theme-flat", "weasyprint", lambda document, page: ""),
    # GitHub (a GitHub profile page in Primer's look): a dark bar with "Name · Label"; a left
    # column of the name, the label, "Contact me", the summary, the current employer and
    # "City, CC" after Octicons, the web site, "Elsewhere" (the networks as linked badges),
    # "Toolkit" (skill groups as badges, no keywords) and "Languages"; at the right, tabs
    # over an "Experience activity" timeline: "Month YYYY" (the start; no end is printed),
    # "Joined Company", the title and bullets; schools as "Month YYYY" (the end), "Finished
    # 1 degree at School", "Degree · Area"; a credit line at the foot. The email is only the
    # target of "Contact me"; no phone is printed.
    "chromium-github": Theme("jsonresume-theme-github", "chromium", _location_professional, work_ends=False,
                             skills_shown=False, phone_shown=False),
    # Fresh: a centred card of the name, the label in capitals, "City, Region, CC",
    # "Email:" and "Phone:", the profiles' usernames (linked) and "Website:"; "WORK": ISO
    # dates ("2022-07-01 - Present") over the company over the title in italics, bullets;
    # "EDUCATION": ISO dates over the school over the area over the degree; skills as a
    # table of groups and keywords; no work location.
    "weasyprint-fresh": Theme("jsonresume-theme-fresh", "weasyprint", _location_sceptile),
    # Full: the name over the label in red capitals and the summary; email and phone at
    # the two ends of a line, "City, Region CC" ("City, CC" without a region), the web site
    # and the profiles' URLs; "EXPERIENCE": the company over the title with "Mon YYYY - Mon
    # YYYY" at the right, bullets; skills as "GROUP keywords" lines; "EDUCATION": the school
    # with its dates at the right over "Degree Area"; no work location.
    "chromium-full": Theme("jsonresume-theme-full", "chromium",
                           lambda document, page: f"{document['basics']['location']['city']}, " + " ".join(
                               part for part in (document["basics"]["location"]["region"],
                                                 document["basics"]["location"]["countryCode"]) if part)),
    # Compact (Bootstrap 3.2.0 and Font Awesome 4.1.0 from CDNs, served as 3.3.7 and 4.7.0):
    # small type in one column; the name and the label, then email, phone and each
    # profile's username after an icon, unlinked (no web site, no location); "Profile",
    # "Skills" ("Group: keywords"), "Experience": company over title over "Mon YYYY - Mon
    # YYYY", the highlights as plain lines; "Education": school over "Degree in Area" over
    # the end month.
    "weasyprint-compact": Theme("jsonresume-theme-compact", "weasyprint", lambda document, page: "",
                                links=lambda document: []),
    # Caffeine: the name and the label in capitals over a rule; a narrow left column of
    # "About" (the address, email, phone, web site and the profiles' usernames, "in/name"
    # for LinkedIn, linked to their URLs), the skill groups as headings over their keywords
    # and the languages; at the right "Summary", "Experience": the company in bold capitals
    # with "MM/YYYY - MM/YYYY" (or "- Present") at the right, the title in capitals below,
    # bullets; schools the same way over "Degree Area". No work location. Its 139px for a
    # contact item breaks a long email address in two: kept on one line, reaching into the
    # gap beside the column, as its owner would have it.
    "chromium-caffeine": Theme("jsonresume-theme-caffeine", "chromium", _location_caffeine,
                               extra_css=".info-tag-container .info-text { white-space: nowrap; }"),
    # Relaxed: the name and the label; "Personal Info": the summary, then labelled email,
    # phone, address ("City, Region, Country" with the country's name) and profiles (the
    # network's name over the linked username); "Work Experience": the title in bold with
    # "Month YYYY – Month YYYY" at the right, the company below with work[].location at the
    # right, bullets; schools: the area with the dates, the school below with the degree at
    # the right; skills as groups with a level bar over keyword tags. Its icons (heroicons)
    # are served from the npm package; LinkedIn's logo (from Wikimedia) prints its alt text,
    # "LinkedIn". Its "float: inline-end" (dates, the picture) stops WeasyPrint 70's float
    # layout (KeyError): the right float its own @supports fallback gives browsers without it.
    "weasyprint-relaxed": Theme("jsonresume-theme-relaxed", "weasyprint", _location_relaxed, work_location=True,
                                extra_css=".float, #image > img { float: right; }"),
    # Pumpkin: a dark band with the name and the label; "Contact" as labels over values
    # (email, phone, web site), "About", "Profiles" (the network over the linked username);
    # "Work": the company in bold with "Mon YYYY — Mon YYYY" at the right (a current
    # position ends on the month the page was made: Node's clock is fixed), the title, a
    # "Highlights" label over bullets; schools: the school with the dates, the area, the
    # degree; skill groups over their keywords. No location anywhere.
    "chromium-pumpkin": Theme("jsonresume-theme-pumpkin", "chromium", lambda document, page: "",
                              today="2026-12-01"),
    # Smart (its own stylesheet, Arial: Arimo prints; its print style sets the body 21cm
    # wide, which Chromium shrinks to the page): the name in blue capitals (each word's
    # first letter larger) left of a vertical rule, the summary in grey italics at its
    # right; between two blue rules, three centred cells under round icons: the phone, the
    # email and the address (street and postal code, which no person has, over the city:
    # the city alone, lower). Then two columns split by a dotted blue rule, headings in
    # blue capitals over dotted rules: at the left, right-aligned, "SKILLS" (each group
    # with its keywords in small grey type in parentheses), empty "AWARDS" and
    # "CERTIFICATES", "LANGUAGES" ("English" small and grey over "Fluent"), an empty
    # "HOBBIES"; at the right a time line, "WORK EXPERIENCE": each job "Month YYYY - Month
    # YYYY" (or "- present") in small grey type right-aligned left of a blue line with a
    # ring at each entry, the title in bold over the company in grey bold; "EDUCATION":
    # "YYYY-YYYY" beside the school over the area over the degree. It prints work[].summary
    # (which no person has), not the highlights (nor the skills they mention); no label,
    # no web site, no profiles (its limit for them is 0), no work location; past 12 skill
    # groups, 4 jobs or 4 schools the rest would be hidden (no person has more). Its
    # "Trebuchet" is no installed font (nor Windows' "Trebuchet MS"): the default serif,
    # Tinos, prints the name. The given name over the family name (block spans) beside the
    # summary's two lines reads interleaved with them in the text (the check needs the
    # name whole): the name is set on one line instead, in the largest whole size that
    # fits its column (see _smart_name), the words after the first joined (see
    # _theme_input). Its date column is 6em: "Month YYYY - Month YYYY" takes three lines,
    # in a box of no height that runs into the next entry's dates when the entries are two
    # lines (a summary would make them taller): the column is 9em wide (two lines), as
    # its owner would have it. The picture's frame is dropped (see _local_assets).
    "chromium-smart": Theme("jsonresume-theme-smart", "chromium",
                            lambda document, page: document["basics"]["location"]["city"],
                            links=lambda document: [], highlights_shown=False,
                            extra_css="header .name dd { white-space: nowrap; } header .name dd span "
                                      "{ display: inline-block; } .lineList { margin-left: 9em; } "
                                      ".lineList .date_range { width: 9em; left: calc(-1px - 9em - 10px * 2); }"),
    # Msresume (Metalsmith Resume's look on Tachyons, served locally, see _local_assets), in
    # its print style (87.5% type, the blue header band made white): the name large in
    # blue; a grid of a narrow column (the email, the phone, "City, Region", "City," without
    # a region, kept as "City", the website as written and the profiles' usernames, linked,
    # one a line) beside the summary; "EXPERIENCE" in small blue capitals: the first three
    # jobs only, each the title large and bold over the company over "Mon YYYY – Mon YYYY"
    # (or "– Present"); "EDUCATION": the first school only, "Degree, Area" large and bold
    # over the institution and "Mon YYYY – Mon YYYY"; "PROFICIENCIES" beside a bulleted
    # list of the skill groups' names: the keywords are not printed, no skill can be read.
    # It prints work[].summary (which no person has), not the highlights (nor the skills
    # they mention); no label, no work location, no languages. Its tachyons-columns is the
    # unbuilt source, whose @custom-media queries no browser reads: the list is one column.
    # On WeasyPrint's A4 with its default margins.
    "weasyprint-msresume": Theme("jsonresume-theme-msresume", "weasyprint", _location_simple_red,
                                 work_entries=3, education_entries=1, highlights_shown=False, skills_shown=False),
    # Apage (Tailwind 1, inlined by the theme), one column in Times New Roman (Tinos prints),
    # on WeasyPrint's A4 with its default margins: the name large and bold with the label in
    # grey after it; a grey line of the phone, the email and the address as the theme writes
    # it for Chinese resumes, region and city run together ("TXAustin", the city alone
    # without a region; no country), "|" between them; the profiles' networks below,
    # linked to their URLs (no web site); sections between dashed rules, the headings
    # ("Work", "Education", "Skills", "Languages") above their entries (English labels: the
    # theme takes its language from LANG, "en" or "zh", and fails on any other, as on C.UTF-8): each
    # job one bold row of the raw ISO dates ("2022-11-01 - Present") in a 12rem cell, the
    # company in a 16rem cell and the title, then the highlights as "> " lines; schools the
    # same way, dates, institution, area (10rem) and degree; skill groups as "> Group"
    # followed by the keywords in grey; "English Fluent". No work location; it prints
    # basics.summary nowhere (only a top-level summary list, which no person has). Below
    # the content of the last page, the body's light grey background (browsers leave it
    # out of print; WeasyPrint paints it). The line breaks and tabs of the template
    # between its tags and their text are dropped (see _local_assets).
    "weasyprint-apage": Theme("jsonresume-theme-apage", "weasyprint", _location_onepage,
                              links=lambda document: [profile["url"] for profile in document["basics"]["profiles"]],
                              language="en"),
}


# --- rendering ------------------------------------------------------------------------

def _theme_input(name: str, document: dict[str, Any]) -> dict[str, Any]:
    """The document without the corpus' meta keys, as the theme takes it."""
    resume = json.loads(json.dumps(document))
    resume.pop("meta", None)
    for job in resume["work"]:
        job.pop("meta_end", None)
    for school in resume["education"]:
        school.pop("meta_level", None)
        if name == "chromium-class":
            # The class theme's (older schema) field for the degree.
            school["qualification"] = f"{school['studyType']} in {school['area']}" if school["area"] \
                else school["studyType"]
    if name in ("chromium-orbit", "weasyprint-kards"):
        # Their skill-level helpers lower-case skills[].level, which they take to be there:
        # an empty one (no level), as the schema's string allows.
        for group in resume["skills"]:
            group["level"] = ""
    if name == "chromium-smart":
        # Its skill-level filters call skills[].level's indexOf (render() fails without
        # it): an empty one, as for orbit. It prints the name's first two words only, as
        # given and family name ("Marta dos"): the words after the first are joined by
        # no-break spaces into one family name.
        for group in resume["skills"]:
            group["level"] = ""
        given, *family = resume["basics"]["name"].split(" ")
        resume["basics"]["name"] = f"{given} " + "\u00a0".join(family)
    if name == "weasyprint-relaxed":
        # Its helper maps skills[].level to a bar and refuses any other than its own words.
        for group in resume["skills"]:
            group["level"] = "Advanced"
    return resume


def _local_assets(name: str, page: str, themes: Path) -> str:
    modules = themes / "node_modules"
    if name == "chromium-stackoverflow":
        page = _served_locally(page, modules, r"font-awesome/6", ["@fortawesome/fontawesome-free/css/all.min.css"])
        page = re.sub(r'<link rel="stylesheet" href="\./override\.css">', "", page)
    if name == "weasyprint-spartan":
        page = _served_locally(page, modules, r"font-awesome/4\.7\.0", ["font-awesome/css/font-awesome.min.css"])
    if name == "chromium-paper":
        page = _served_locally(page, modules, r"family=Merriweather",
                               [f"@fontsource/merriweather/{weight}.css" for weight in (300, 400, 700)])
    if name == "weasyprint-professional":
        # The theme's @font-face rules load Latin Modern from the site's /fonts/.
        page = page.replace('url("/fonts/', 'url("file:///usr/share/texmf/fonts/opentype/public/lm/')
    if name in ("chromium-autumn", "weasyprint-sceptile", "chromium-kwan", "chromium-cora", "chromium-classy",
                "weasyprint-compact", "weasyprint-papirus"):
        # Font Awesome 4 (4.7.0 here and in papirus, 4.1.0 in sceptile, classy and compact,
        # 4.2.0 in kwan) from a CDN.
        page = _served_locally(page, modules, r"font-awesome/4\.[0-9.]+/css/font-awesome\.min\.css",
                               ["font-awesome/css/font-awesome.min.css"])
    if name in ("weasyprint-sceptile", "chromium-cora", "chromium-classy"):
        # Montserrat and Open Sans from Google Fonts: Open Sans is a system font.
        page = _served_locally(page, modules, r"family=Montserrat",
                               [f"@fontsource/montserrat/{weight}.css" for weight in (400, 700)])
    if name == "chromium-mocha-responsive":
        page = _served_locally(page, modules, r"use\.fontawesome\.com/releases/v5[^>]*/all\.css",
                               ["@fortawesome/fontawesome-free/css/all.min.css"])
        page = _served_locally(page, modules, r"use\.fontawesome\.com/releases/v5[^>]*/v4-shims\.css",
                               ["@fortawesome/fontawesome-free/css/v4-shims.min.css"])
        # @font-face rules: Josefin Sans from Google's servers, replaced by the local copy;
        # Lato's Google URLs dropped, its local() sources (the system's Lato) kept.
        page = re.sub(r"@font-face\s*\{[^}]*'Josefin Sans'[^}]*\}", "", page)
        page = re.sub(r",\s*url\(https://fonts\.gstatic\.com/[^)]*\)\s*format\([^)]*\)", "", page)
        page = page.replace("</head>", _stylesheets(
            modules, [f"@fontsource/josefin-sans/{weight}.css" for weight in (300, 700)]) + "</head>", 1)
    if name == "chromium-kwan":
        # Bootstrap 3.2.0 from a CDN, served as 3.3.7; Lato and Open Sans from Google Fonts
        # are system fonts. The Gravatar picture (a URL made from the email) is not fetched.
        page = _served_locally(page, modules, r"bootstrap/3\.[0-9.]+/css/bootstrap\.min\.css",
                               ["bootstrap/dist/css/bootstrap.min.css"])
        page = re.sub(r"<img[^>]+src=\"(?:https?:)?//www\.gravatar\.com/[^>]*>", "", page)
    if name in ("chromium-rocketspacer", "weasyprint-flat"):
        # Bootstrap (3.3.7 in rocketspacer, 3.2.0 in flat, served as 3.3.7) and Octicons 2.0.2
        # from cdnjs (served as 2.2.0, the nearest on npm); rocketspacer's @import of Lato
        # from Google Fonts: a system font.
        page = _served_locally(page, modules, r"twitter-bootstrap/3\.[0-9.]+/css/bootstrap\.min\.css",
                               ["bootstrap/dist/css/bootstrap.min.css"])
        page = _served_locally(page, modules, r"octicons/2\.[0-9.]+/octicons\.min\.css",
                               ["octicons/octicons/octicons.css"])
        page = re.sub(r"@import url\('https://fonts\.googleapis\.com/[^']*'\);", "", page)
    if name == "weasyprint-direct":
        # flexboxgrid 6.3.0 from a CDN, served as the theme's own dependency (Roboto Slab
        # from Google Fonts is a system font). Its <meta charset="utf-9"> names no
        # encoding: browsers detect UTF-8, WeasyPrint would read windows-1252.
        page = page.replace('<meta charset="utf-9">', '<meta charset="utf-8">', 1)
        page = _served_locally(page, modules, r"flexboxgrid/6\.[0-9.]+/flexboxgrid\.min\.css",
                               ["flexboxgrid/dist/flexboxgrid.min.css"])
    if name == "chromium-minyma":
        # The avatar (basics.image, which no person has) would be a broken image; an
        # empty unquoted href= (work[].url, basics.website) would take the next attribute
        # as a relative URL into the scratch folder: no link.
        page = re.sub(r"<img\s[^>]*alt=\"avatar\"[^>]*>", "", page)
        page = re.sub(r"\shref=(?=\s)", "", page)
    if name == "weasyprint-dinesh":
        # basics.picture (which no person has): an <img> without a source, a broken image.
        page = re.sub(r"<img\s[^>]*alt=\"profile-pic\"[^>]*>", "", page)
    if name == "chromium-orbit":
        # Bootstrap 5.0.2 and Font Awesome 4.7.0 from CDNs; Roboto from Google Fonts is a
        # system font; the picture (basics.image, which no person has) would be an empty
        # image.
        page = _served_locally(page, modules, r"bootstrap@5\.0\.2/dist/css/bootstrap\.min\.css",
                               ["bootstrap5/dist/css/bootstrap.min.css"])
        page = _served_locally(page, modules, r"font-awesome/4\.7\.0/css/font-awesome\.min\.css",
                               ["font-awesome/css/font-awesome.min.css"])
        page = re.sub(r"<img class=\"profile\" src=\"\" alt=\"\" />", "", page)
        # The name (heavy Roboto, 32px) and long school names (medium, 14px) wrap in the
        # sidebar's 180px, their lines then interleaved with the main column's in the text
        # (the check needs them whole): each is set smaller where too wide, as its owner
        # would, in the largest whole size that fits. A hyphenated email would wrap at its
        # hyphen: kept on one line.
        page = re.sub(r'(<h1 class="name")(>.*?</h1>)',
                      lambda found: found.group(1) + _orbit_fit(found.group(2), _ROBOTO_BLACK, 32), page, flags=re.S)
        page = re.sub(r'(<h5 class="meta")(>.*?</h5>)',
                      lambda found: found.group(1) + _orbit_fit(found.group(2), _ROBOTO_MEDIUM, 14), page, flags=re.S)
        page = page.replace("</head>", "<style>.sidebar-wrapper .contact-list .email a { white-space: nowrap; }"
                            "</style></head>", 1)
    if name == "weasyprint-slick":
        # Bootswatch's Lumen from bootswatch.com, served as bootswatch 3.3.7 (its @import of
        # Source Sans Pro from Google Fonts is not fetched, and the theme's Roboto, a
        # system font, is the body's font).
        page = _served_locally(page, modules, r"bootswatch\.com/lumen/bootstrap\.min\.css",
                               ["bootswatch/lumen/bootstrap.min.css"])
    if name == "chromium-elegant":
        # Bootstrap 3.3.6 from a CDN, served as 3.3.7; its icon font (IcoMoon) from unpkg
        # (the theme's 1.12.0) and from a relative fonts/ folder: the package's own copy.
        # The Gravatar picture is not fetched; the inline script that loads Google's Web
        # Font Loader (for Lato, a system font) is dropped.
        fonts = (modules / "jsonresume-theme-elegant/assets/icomoon/fonts").as_uri()
        page = re.sub(r"//unpkg\.com/jsonresume-theme-elegant@[0-9.]+/assets/icomoon/fonts", fonts, page)
        page = page.replace("url('fonts/icomoon.", f"url('{fonts}/icomoon.")
        page = re.sub(r"<img[^>]+src=\"(?:https?:)?//s\.gravatar\.com/[^>]*>", "", page)
        page = re.sub(r"<script>WebFontConfig = .*?</script>", "", page, flags=re.S)
    if name == "weasyprint-macchiato":
        # As mocha-responsive (both Caffeine's): Font Awesome 4.7.0 from a CDN; Josefin
        # Sans's @font-face rules replaced by the local copy; Lato's Google URLs dropped,
        # its local() sources (the system's Lato) kept.
        page = _served_locally(page, modules, r"font-awesome/4\.7\.0/css/font-awesome\.min\.css",
                               ["font-awesome/css/font-awesome.min.css"])
        page = re.sub(r"@font-face\s*\{[^}]*'Josefin Sans'[^}]*\}", "", page)
        page = re.sub(r",\s*url\(https://fonts\.gstatic\.com/[^)]*\)\s*format\([^)]*\)", "", page)
        # The Fontsource package splits Josefin Sans into subsets by unicode-range, which
        # WeasyPrint 70 does not combine (it takes one face per weight: "ń" printed as
        # nothing): the Latin and Latin Extended subsets as two families, the second
        # after the first in the headings' font stack (h1 and h2 are the only ones set in
        # Josefin Sans).
        files = modules / "@fontsource/josefin-sans/files"
        faces = "".join(f"@font-face {{ font-family: '{family}'; font-style: normal; font-weight: {weight}; "
                        f"src: url({(files / f'josefin-sans-{subset}-{weight}-normal.woff').as_uri()}) "
                        "format('woff'); }"
                        for family, subset in (("Josefin Sans", "latin"), ("Josefin Sans Ext", "latin-ext"))
                        for weight in (300, 700))
        page = page.replace("</head>", f"<style>{faces} h1, h2 {{ font-family: 'Josefin Sans', "
                            "'Josefin Sans Ext', Helvetica, Arial, sans-serif; }</style></head>", 1)
        # The left column breaks long words (word-wrap): an email address wider than its
        # 139px is split in two. It is set smaller instead, as its owner would, in the
        # largest whole size (up to its 12px) that fits (Lato, letter-spacing 0.3px).
        page = re.sub(r'(<a href="mailto:[^"]*" target="_blank")(>.*?</a>)',
                      lambda found: found.group(1) + _orbit_fit(found.group(2), _LATO, 12, _MACCHIATO_WIDTH, 0.3),
                      page, flags=re.S)
    if name in ("chromium-kendall", "weasyprint-jacrys"):
        # Bootstrap 3.3.7 and Font Awesome 5 (5.14.0 in kendall, 5.15.0 in jacrys) from CDNs
        # (Font Awesome served as 6.4.2's all.css, which keeps the version 5 class names);
        # the @import of Open Sans from Google Fonts: a system font. The Gravatar picture is
        # not fetched.
        page = _served_locally(page, modules, r"font-awesome/5\.[0-9.]+/css/all\.min\.css",
                               ["@fortawesome/fontawesome-free/css/all.min.css"])
        page = re.sub(r"@import url\(https://fonts\.googleapis\.com/[^)]*\);", "", page)
        page = re.sub(r"<img src=\"&#x2F;&#x2F;www\.gravatar\.com[^>]*>", "", page)
    if name in ("chromium-elegant", "chromium-kendall", "weasyprint-jacrys", "weasyprint-papirus",
                "weasyprint-compact"):
        # Bootstrap 3 from a CDN (3.2.0 in compact, 3.3.6 in elegant, 3.3.7 in the others),
        # served as 3.3.7.
        page = _served_locally(page, modules, r"bootstrap/3\.[0-9.]+/css/bootstrap\.min\.css",
                               ["bootstrap/dist/css/bootstrap.min.css"])
    if name == "chromium-crisp":
        # Bootswatch's Journal from bootswatch.com, served as bootswatch 3.3.7; the picture
        # holder (a Gravatar without an address) is not printed.
        page = _served_locally(page, modules, r"bootswatch\.com/journal/bootstrap\.css",
                               ["bootswatch/journal/bootstrap.min.css"])
        page = re.sub(r"<img[^>]*>", "", page)
    if name == "chromium-lucide":
        page = _served_locally(page, modules, r"font-awesome/6\.4\.2/css/all\.min\.css",
                               ["@fortawesome/fontawesome-free/css/all.min.css"])
    if name == "weasyprint-relaxed":
        # Its icons from a CDN (heroicons' repository): the npm package's copies.
        page = re.sub(r"https://cdn\.statically\.io/gh/tailwindlabs/heroicons/master/src/24/outline/([\w-]+\.svg)",
                      lambda found: (modules / "heroicons/24/outline" / found.group(1)).as_uri(), page)
    if name == "weasyprint-msresume":
        # Tachyons 4.10.0, tachyons-columns 1.0.5 and tachyons-print 4.7.2 from unpkg: the npm
        # package tachyons, and copies of the other two in DIR/vendor (see the docstring).
        page = _served_locally(page, modules, r"unpkg\.com/tachyons@[0-9.]+/css/tachyons\.min\.css",
                               ["tachyons/css/tachyons.min.css"])
        page = _served_locally(page, themes / "vendor", r"unpkg\.com/tachyons-columns@1\.0\.5/[^\"]*",
                               ["tachyons-columns@1.0.5/src/tachyons-columns.css"])
        page = _served_locally(page, themes / "vendor", r"unpkg\.com/tachyons-print@4\.7\.2/[^\"]*",
                               ["tachyons-print@4.7.2/css/tachyons-print.css"])
    if name == "chromium-smart":
        # The picture's frame (basics.picture, which no person has) would be an empty ring,
        # 16em wide, over the work experience. The name on one line (see THEMES).
        page = re.sub(r'<article id="person">.*?</article>', "", page, flags=re.S)
        page = re.sub(r'<dl class="name">.*?</dl>', _smart_name, page, count=1, flags=re.S)
    if name == "weasyprint-apage":
        # Each row's cells are inline-blocks whose text the template indents on lines of its
        # own; WeasyPrint 70 sizes a shrink-to-fit cell (the title, the degree, the contact
        # line, a skill group's keywords) to its text without that white space and then
        # breaks the text inside it all the same ("Operations" over "Manager"). White space
        # with a line break between a tag and text is dropped (browsers drop it at a line's
        # ends and collapse it elsewhere with the space between the tags, which is kept).
        head, body = page.split("<body", 1)
        body = re.sub(r"(<[a-z][^>]*>)[ \t]*\n\s*(?=[^\s<])", r"\1", body)
        body = re.sub(r"(?<=[^\s>])[ \t]*\n\s*(</[a-z0-9]+>)", r"\1", body)
        page = f"{head}<body{body}"
    if name == "chromium-caffeine":
        # The picture holder (no person has a picture) would print its alt text.
        page = re.sub(r'<img src="" alt="profile-pic">', "", page)
    return _EXTERNAL.sub("", page)


def _orbit_fit(element: str, font: str, size: int, width: float = _ORBIT_WIDTH, spacing: float = 0.0) -> str:
    """orbit: ">text</hN>" in the largest whole size up to `size` px in which its text
    fits the sidebar on one line (`width` px, each letter followed by `spacing` px)."""
    shown = _text(element[1:])
    face = ImageFont.truetype(font, size)
    fits = next((smaller for smaller in range(size, 7, -1)
                 if face.font_variant(size=smaller).getlength(shown) + spacing * len(shown) <= width), 8)
    return element if fits == size else f' style="font-size: {fits}px"{element}'


def _smart_name(found: re.Match[str]) -> str:
    """smart: its name's <dl> in the largest whole size up to its own in which the words, in
    capitals with their first letters 1.2 times as large (`larger`), fit its column on one line."""
    words = [_text(span).upper() for span in re.findall(r"<span[^>]*>(.*?)</span>", found.group(0), re.S)]
    words = [word for word in words if word]
    face = ImageFont.truetype(_TINOS, 40)

    def width(size: float) -> float:
        sized = face.font_variant(size=size)
        return sum(1.2 * sized.getlength(word[0]) + sized.getlength(word[1:]) for word in words) \
            + sized.getlength(" ") * (len(words) - 1)
    if width(_SMART_SIZE) <= _SMART_WIDTH:
        return found.group(0)
    fits = next((size for size in range(int(_SMART_SIZE), 7, -1) if width(size) <= _SMART_WIDTH), 8)
    return found.group(0).replace('<dl class="name">', f'<dl class="name" style="font-size: {fits}px">', 1)


def _served_locally(page: str, modules: Path, href: str, paths: list[str]) -> str:
    """The page with its <link> to a stylesheet whose address matches `href` (one on a CDN or
    Google Fonts) replaced by links to the npm packages' copies at `paths`."""
    return re.sub(rf"<link[^>]+{href}[^>]*>", _stylesheets(modules, paths), page)


def _stylesheets(modules: Path, paths: list[str]) -> str:
    return "".join(f'<link rel="stylesheet" href="{(modules / path).as_uri()}">' for path in paths)


def _mocha_fontawesome(themes: Path) -> None:
    """mocha-responsive reads node_modules/@fortawesome/fontawesome-free/css/all.min.css
    from its own folder (without depending on the package): link the hoisted copy there."""
    link = themes / "node_modules/jsonresume-theme-mocha-responsive/node_modules/@fortawesome/fontawesome-free"
    if not link.exists():
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(themes / "node_modules/@fortawesome/fontawesome-free", target_is_directory=True)


def _professional_bundle(themes: Path, work: Path) -> Path:
    bundle = work / "professional.cjs"
    subprocess.run([str(themes / "node_modules/.bin/esbuild"),
                    str(themes / "node_modules/jsonresume-theme-professional/src/index.js"), "--bundle",
                    "--platform=node", "--format=cjs", "--packages=external", "--loader:.js=jsx",
                    "--jsx=automatic", "--define:process.env.NODE_ENV=\"production\"", f"--outfile={bundle}"],
                   cwd=themes, check=True, capture_output=True, timeout=120)
    # Resolve the theme's peers from DIR's node_modules.
    target = themes / ".professional.bundle.cjs"
    target.write_bytes(bundle.read_bytes())
    return target


def _chromium_pdf(html: Path, pdf: Path, work: Path) -> None:
    families.rendered._chromium_pdf(html, pdf, work)
    # Chromium stamps the time of printing; a fixed date makes reruns byte-identical.
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(pdf))
    writer.add_metadata({"/CreationDate": "D:20250101000000Z", "/ModDate": "D:20250101000000Z"})
    with pdf.open("wb") as stream:
        writer.write(stream)


def _weasyprint_pdf(html: Path, pdf: Path, python: Path, zoom: float) -> None:
    subprocess.run([str(python), "-c", _WEASYPRINT_PY, str(html), str(pdf), str(zoom)],
                   check=True, capture_output=True, timeout=300)


def render(name: str, document: dict[str, Any], themes: Path, work: Path, python: Path,
           professional: Path | None) -> tuple[bytes, str]:
    theme = THEMES[name]
    source = work / f"{name}.json"
    source.write_text(json.dumps(_theme_input(name, document), ensure_ascii=False), encoding="utf-8")
    html = work / f"{name}.html"
    module = str(professional) if name == "weasyprint-professional" else theme.package
    # Themes format the dates in local time: UTC keeps "2022-06-01" in June.
    script = _FIXED_CLOCK_JS + _RENDER_JS if theme.today else _RENDER_JS
    subprocess.run(["node", "--input-type=module", "-e", script, module, str(source), str(html)],
                   cwd=themes, check=True, capture_output=True, timeout=120,
                   env={**os.environ, "TZ": "UTC", "RENDER_TODAY": theme.today,
                        **({"LANG": theme.language} if theme.language else {})})
    page = _local_assets(name, html.read_text(encoding="utf-8"), themes)
    if theme.extra_css:
        page = page.replace("</head>", f"<style>{theme.extra_css}</style></head>", 1)
    html.write_text(page, encoding="utf-8")
    pdf = work / f"{name}.pdf"
    pdf.unlink(missing_ok=True)
    if theme.engine == "chromium":
        _chromium_pdf(html, pdf, work)
    else:
        _weasyprint_pdf(html, pdf, python, theme.zoom)
    return pdf.read_bytes(), page


def shown(name: str, document: dict[str, Any], page: str) -> dict[str, Any]:
    theme = THEMES[name]
    result: dict[str, Any] = {"location": theme.location(document, page), "links": theme.links(document)}
    truth = families.rendered.truth_of(document, name, "", "")
    education = truth["education"][:theme.education_entries or None]
    if theme.degree_needs_area:
        education = [{**entry, "degree": entry["degree"] if school["area"] else ""}
                     for entry, school in zip(education, document["education"][:len(education)], strict=True)]
    if not theme.education_dates:
        education = [{**entry, "start": "", "end": ""} for entry in education]
    if theme.degree:
        education = [{**entry, "degree": theme.degree(entry["degree"])} for entry in education]
    if education != truth["education"]:
        result["education"] = education
    experience = truth["experience"][:theme.work_entries or None]
    if not theme.work_location:
        experience = [{**job, "location": ""} for job in experience]
    if theme.work_years:
        experience = [{**job, "start": job["start"][:4],
                       "end": job["end"] if job["end"] == "present" else job["end"][:4]} for job in experience]
    if not theme.work_ends:
        experience = [{**job, "end": ""} for job in experience]
    if not theme.highlights_shown:
        # The skills the highlights mention are not printed either.
        experience = [{**job, "highlights": []} for job in experience]
        result["skills_mentioned"] = []
    if experience != truth["experience"]:
        result["experience"] = experience
    if not theme.skills_shown:
        result["skills"], result["skills_complete"] = {}, False
    if not theme.phone_shown:
        result["phone"], result["phone_e164"] = "", ""
    return result


def build(names: list[str] | None = None, themes: Path = Path("/work/tools-html"),
          python: Path | None = None) -> None:
    names = names or [family.name for family in families.FAMILIES
                      if family.toolchain in ("html-chromium", "html-weasyprint")]
    python = python or themes / "venv/bin/python"
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        professional = _professional_bundle(themes, work) if "weasyprint-professional" in names else None
        if "chromium-mocha-responsive" in names:
            _mocha_fontawesome(themes)
        for name in names:
            family = families.BY_NAME[name]
            for stem, document in families.people(family):
                person_work = work / stem
                person_work.mkdir(exist_ok=True)
                pdf, page = render(name, document, themes, person_work, python, professional)
                families.save(family, stem, document, {f"{stem}.pdf": pdf}, **shown(name, document, page))
            families.report(name)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("families", nargs="*", help="family names (default: all html-* families)")
    parser.add_argument("--themes", type=Path, default=Path("/work/tools-html"),
                        help="folder whose node_modules holds the themes")
    parser.add_argument("--weasyprint-python", type=Path, default=None,
                        help="a Python with weasyprint installed (default: THEMES/venv/bin/python)")
    arguments = parser.parse_args()
    build(arguments.families, arguments.themes, arguments.weasyprint_python)
