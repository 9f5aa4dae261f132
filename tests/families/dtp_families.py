"""Renders the desktop-publishing families: one-page resumes laid out in Scribus, every block
of the resume in its own text frame placed on the page, exported to PDF by Scribus.

    python -m tests.families.dtp_families [dtp-frames dtp-columns dtp-timeline]

Needs: Scribus 1.5 (Debian 12 `scribus`, 1.5.8+dfsg-4 here) run headless through its
Python scripter under a virtual X server (`xvfb-run` from Debian's `xvfb`), the Carlito and
Caladea fonts (`fonts-crosextra-carlito`, `fonts-crosextra-caladea`; chosen over Liberation,
whose Sans Bold and Serif Regular Scribus 1.5 maps the hyphen of to U+00AD in the PDF's text
layer), and poppler-utils (`pdftotext`) for the check. No Scribus resume template ships with Scribus or was found
under a usable licence, so the designs are built by the scripter the way DTP resumes
are made: coloured rectangles for bands and sidebars, character and paragraph styles
(tracking for the letter-spaced name, bullets, right tab stops), and text frames created
in an order of their own (the PDF's text follows creation order, not reading order):

- dtp-frames: a dark header band with the name letter-spaced and the label under it, a
  tinted sidebar frame (contact, skills, languages), and in the main column a frame per
  heading, the profile, and one frame per job and per school.
- dtp-columns: a header (given names light, family name bold, contact line), two equal
  columns with section headings in their own frames; the experience is one story in a
  chain of linked frames running from the left column into the foot of the right one,
  and the frames are created right column first, headings and header last.
- dtp-timeline: the name large at the top right over the label, a rule, the contact details
  on one "|"-separated line; a narrow left column whose frames (letter-spaced capital
  headings, each entry's dates in the person's convention) are aligned with their row or
  entry in the right column, where each job and school is a frame of its own (title bold,
  "Company · Place" in grey, bullets) and the skills are "Group: keywords" lines. Carlito's
  ligatures are turned off (the text layer would keep the fi/ffi glyphs), and the frames are
  created dates first, entries bottom-up, headings, header last.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from tests.families import families

COUNTRY_NAMES = families.rendered.COUNTRY_NAMES  # tests/corpus/people.py's, through build.py

NAMES = [family.name for family in families.FAMILIES if family.toolchain == "dtp"]
PAGE_W, PAGE_H, BOTTOM = 210.0, 297.0, 284.0
PT = 2.834645669  # points per millimetre

# The scripter program: it reads a list of page specs (JSON) and lays each out.
SCRIBUS_SCRIPT = r'''
import json, os, sys
import scribus

PT = 2.834645669

def build(spec):
    scribus.newDocument((210.0, 297.0), (0, 0, 0, 0), scribus.PORTRAIT, 1, scribus.UNIT_MILLIMETERS,
                        scribus.PAGE_1, 0, 1)
    scribus.setUnit(scribus.UNIT_MILLIMETERS)
    for name, rgb in spec["colors"].items():
        scribus.defineColorRGB(name, *rgb)
    for style in spec["charstyles"]:
        scribus.createCharStyle(**style)
    for style in spec["parastyles"]:
        style = dict(style)
        if "tabs" in style:
            style["tabs"] = [tuple(tab) for tab in style["tabs"]]
        scribus.createParagraphStyle(**style)
    frames = {}
    for item in spec["items"]:  # in creation order
        if item["kind"] == "rect":
            shape = scribus.createRect(item["x"], item["y"], item["w"], item["h"], item["id"])
            scribus.setFillColor(item["fill"], shape)
            scribus.setLineColor("None", shape)
            continue
        if item["kind"] == "line":
            shape = scribus.createLine(item["x"], item["y"], item["x"] + item["w"], item["y"], item["id"])
            scribus.setLineColor(item["color"], shape)
            scribus.setLineWidth(item.get("width", 0.8), shape)
            continue
        frame = scribus.createText(item["x"], item.get("y", 10), item["w"], item.get("h", 5), item["id"])
        scribus.setTextDistances(*item.get("pad", (0, 0, 0, 0)), frame)
        if item.get("link_from"):
            scribus.linkTextFrames(item["link_from"], frame)
        frames[item["id"]] = item
        if not item.get("paragraphs"):
            continue
        text, runs, paras, position = "", [], [], 0
        for index, (pstyle, pieces) in enumerate(item["paragraphs"]):
            start = len(text)
            for piece, cstyle in pieces:
                runs.append((len(text), len(piece), cstyle))
                text += piece
            paras.append((start, max(1, len(text) - start), pstyle))
            if index < len(item["paragraphs"]) - 1:
                text += "\r"
        scribus.setText(text, frame)
        for start, count, pstyle in paras:
            scribus.selectText(start, count, frame)
            scribus.setParagraphStyle(pstyle, frame)
        for start, count, cstyle in runs:
            if count:
                scribus.selectText(start, count, frame)
                scribus.setCharacterStyle(cstyle, frame)
        if item.get("fontfeatures"):  # e.g. "-liga": no ligatures, whose glyphs the text layer keeps
            scribus.selectText(0, len(text), frame)
            scribus.setFontFeatures(item["fontfeatures"], frame)
        scribus.selectText(0, 0, frame)
        if item.get("grow", True):
            scribus.layoutText(frame)
            for _ in range(400):
                if not scribus.textOverflows(frame, 1):
                    break
                width, height = scribus.getSize(frame)
                scribus.sizeObject(width, height + 1, frame)
                scribus.layoutText(frame)
    # Stack each column's frames in reading order.
    lowest = 0.0
    for column, setting in spec["columns"].items():
        members = sorted((item for item in spec["items"] if item.get("column") == column),
                         key=lambda item: item["order"])
        if "below" in setting:  # the column starts under a frame (grown to its text)
            y = scribus.getPosition(setting["below"])[1] + scribus.getSize(setting["below"])[1] + setting["gap"]
        else:
            y = setting["top"]
        for item in members:
            y += item.get("gap", 0)
            scribus.moveObjectAbs(item["x"], y, item["id"])
            if item.get("fill_to"):
                scribus.sizeObject(item["w"], max(5, item["fill_to"] - y), item["id"])
            y += scribus.getSize(item["id"])[1]
        lowest = max(lowest, y)
    # Items aligned with a stacked frame (a date beside its entry, a heading beside its row).
    for item in spec["items"]:
        if item.get("align"):
            y = scribus.getPosition(item["align"])[1] + item.get("dy", 0)
            scribus.moveObjectAbs(item["x"], y, item["id"])
            lowest = max(lowest, y + scribus.getSize(item["id"])[1])
    for name, item in frames.items():
        if item.get("paragraphs"):
            scribus.layoutTextChain(name)
    overflow = any(scribus.textOverflows(name) for name, item in frames.items() if item.get("paragraphs"))
    pdf = scribus.PDFfile()
    pdf.file = spec["pdf"]
    pdf.subsetList = pdf.fonts
    pdf.info = spec["title"]
    pdf.version = 14
    pdf.save()
    scribus.closeDoc()
    return {"lowest": lowest, "overflow": bool(overflow)}

results = [build(spec) for spec in json.load(open(os.environ["DTP_SPECS"], encoding="utf-8"))]
json.dump(results, open(os.environ["DTP_RESULTS"], "w"))
'''


def _location(document: dict[str, Any]) -> str:
    place = document["basics"]["location"]
    return f"{place['city']}, {place['region'] or COUNTRY_NAMES[place['countryCode']]}"


def _links(document: dict[str, Any]) -> list[str]:
    basics = document["basics"]
    return ([basics["url"]] if basics["url"] else []) + [profile["url"] for profile in basics["profiles"]]


def _bare(url: str) -> str:
    return url.split("://", 1)[1]


def _months(job: dict[str, Any], convention: str) -> str:
    return (f"{families.written_month(job['startDate'][:7], convention)} – "
            f"{families.written_month(job['meta_end'], convention)}")


def _degree(school: dict[str, Any]) -> str:
    return f"{school['studyType']} in {school['area']}" if school["area"] else school["studyType"]


def _years(school: dict[str, Any]) -> str:
    return f"{school['startDate'][:4]} – {school['endDate'][:4]}"


def _styles(scale: float, width_mm: float, sans: str = "Carlito") -> tuple[list[dict], list[dict]]:
    def size(points: float) -> float:
        return round(points * scale, 2)
    chars = [
        {"name": "name", "font": f"{sans} Bold", "fontsize": 30.0, "fillcolor": "White", "tracking": 60},
        {"name": "name-light", "font": f"{sans} Regular", "fontsize": 28.0, "fillcolor": "Ink"},
        {"name": "name-bold", "font": f"{sans} Bold", "fontsize": 28.0, "fillcolor": "Accent"},
        {"name": "label", "font": f"{sans} Regular", "fontsize": 12.0, "fillcolor": "Pale", "tracking": 200},
        {"name": "label-dark", "font": f"{sans} Italic", "fontsize": 12.0, "fillcolor": "Ink"},
        {"name": "heading", "font": f"{sans} Bold", "fontsize": size(11.5), "fillcolor": "Accent",
         "tracking": 80, "features": "allcaps"},
        {"name": "side-heading", "font": f"{sans} Bold", "fontsize": size(10.5), "fillcolor": "Accent",
         "tracking": 80, "features": "allcaps"},
        {"name": "body", "font": "Caladea Regular", "fontsize": size(9.5), "fillcolor": "Ink"},
        {"name": "small", "font": f"{sans} Regular", "fontsize": size(8.5), "fillcolor": "Ink"},
        {"name": "small-bold", "font": f"{sans} Bold", "fontsize": size(8.5), "fillcolor": "Ink"},
        {"name": "title", "font": f"{sans} Bold", "fontsize": size(10.5), "fillcolor": "Ink"},
        {"name": "company", "font": "Caladea Italic", "fontsize": size(9.5), "fillcolor": "Ink"},
        {"name": "dates", "font": f"{sans} Regular", "fontsize": size(8.5), "fillcolor": "Grey"},
        {"name": "contact", "font": f"{sans} Regular", "fontsize": 9.0, "fillcolor": "Ink"},
    ]
    paras = [
        {"name": "plain", "linespacingmode": 1, "gapafter": size(1.5)},
        {"name": "tight", "linespacingmode": 1, "gapafter": 0},
        {"name": "centred", "linespacingmode": 1, "alignment": 1},
        {"name": "dated", "linespacingmode": 1, "tabs": [[round((width_mm - 0.3) * PT, 1), 1]]},
        {"name": "bullet", "linespacingmode": 1, "leftmargin": 9.0, "firstindent": -7.0,
         "gapafter": size(0.8)},
        {"name": "gap", "linespacingmode": 1, "gapbefore": size(5)},
    ]
    return chars, paras


COLORS = {"Ink": [34, 34, 40], "Accent": [23, 78, 120], "Pale": [214, 228, 240], "Band": [23, 52, 82],
          "Side": [233, 239, 245], "Grey": [100, 100, 110]}


def frames_spec(document: dict[str, Any], pdf: Path, scale: float) -> dict[str, Any]:
    """dtp-frames: header band, sidebar, one frame per block; created entries first, then
    the headings, the sidebar, the header last."""
    basics, convention = document["basics"], document["meta"]["convention"]
    main_x, main_w, side_x, side_w = 78.0, 118.0, 11.0, 56.0
    chars, paras = _styles(scale, main_w)
    items: list[dict[str, Any]] = [
        {"kind": "rect", "id": "sidebar-band", "x": 0, "y": 0, "w": 72, "h": PAGE_H, "fill": "Side"},
        {"kind": "rect", "id": "header-band", "x": 0, "y": 0, "w": PAGE_W, "h": 44, "fill": "Band"},
    ]
    order = iter(range(1000))
    main: list[dict[str, Any]] = []

    def text(ident: str, paragraphs: list, x: float, w: float, gap: float = 0.0, column: str = "main") -> dict:
        return {"kind": "text", "id": ident, "x": x, "w": w, "paragraphs": paragraphs, "column": column,
                "gap": gap}

    heading_profile = text("h-profile", [["tight", [["Profile", "heading"]]]], main_x, main_w)
    profile = text("profile", [["plain", [[basics["summary"], "body"]]]], main_x, main_w, 2)
    heading_work = text("h-experience", [["tight", [["Experience", "heading"]]]], main_x, main_w, 5)
    jobs = []
    for number, job in enumerate(document["work"]):
        paragraphs = [["dated", [[job["position"], "title"], ["\t" + _months(job, convention), "dates"]]],
                      ["plain", [[f"{job['name']} · {job['location']}", "company"]]]]
        paragraphs += [["bullet", [["•  " + highlight, "body"]]] for highlight in job["highlights"]]
        jobs.append(text(f"job-{number}", paragraphs, main_x, main_w, 2.5 if number else 2))
    heading_school = text("h-education", [["tight", [["Education", "heading"]]]], main_x, main_w, 5)
    schools = []
    for number, school in enumerate(document["education"]):
        schools.append(text(f"school-{number}", [
            ["dated", [[_degree(school), "title"], ["\t" + _years(school), "dates"]]],
            ["tight", [[school["institution"], "company"]]]], main_x, main_w, 2))
    main = [heading_profile, profile, heading_work, *jobs, heading_school, *schools]
    for item in main:
        item["order"] = next(order)

    side = [["tight", [["Contact", "side-heading"]]],
            ["gap", [[_location(document), "small"]]], ["plain", [[basics["phone"], "small"]]],
            ["plain", [[basics["email"], "small"]]]]
    side += [["plain", [[_bare(url), "small"]]] for url in _links(document)]
    side.append(["gap", [["Skills", "side-heading"]]])
    for group in document["skills"]:
        side += [["tight", [[group["name"], "small-bold"]]], ["plain", [[", ".join(group["keywords"]), "small"]]]]
    if document.get("languages"):
        side.append(["gap", [["Languages", "side-heading"]]])
        side += [["plain", [[f"{language['language']} – {language.get('fluency', '')}".rstrip(" –"), "small"]]]
                 for language in document["languages"]]
    sidebar = text("sidebar", side, side_x, side_w, column="side")
    sidebar["order"] = 0
    name = {"kind": "text", "id": "name", "x": 14, "y": 11, "w": 185, "grow": True,
            "paragraphs": [["tight", [[basics["name"], "name"]]]]}
    label = {"kind": "text", "id": "label", "x": 14, "y": 29, "w": 185,
             "paragraphs": [["tight", [[basics["label"], "label"]]]]}
    # Creation order: the entries, then the headings and profile, the sidebar, the header.
    creation = [*jobs, *schools, heading_work, heading_school, heading_profile, profile, sidebar, name, label]
    return {"pdf": str(pdf), "title": basics["name"], "colors": COLORS, "charstyles": chars, "parastyles": paras,
            "items": items + creation, "columns": {"main": {"top": 54.0}, "side": {"top": 54.0}}}


def columns_spec(document: dict[str, Any], pdf: Path, scale: float) -> dict[str, Any]:
    """dtp-columns: header, two columns; the experience a story in linked frames; frames
    created right column first, then the experience chain, the headings, the header."""
    basics, convention = document["basics"], document["meta"]["convention"]
    left_x, right_x, col_w, top = 14.0, 110.0, 86.0, 52.0
    chars, paras = _styles(scale, col_w)
    given, _, family_name = basics["name"].rpartition(" ")
    if not given:
        given, family_name = family_name, ""

    def text(ident: str, paragraphs: list, x: float, column: str, order: int, gap: float = 0.0) -> dict:
        return {"kind": "text", "id": ident, "x": x, "w": col_w, "paragraphs": paragraphs, "column": column,
                "order": order, "gap": gap}

    h_profile = text("h-profile", [["tight", [["Profile", "heading"]]]], right_x, "right", 0)
    profile = text("profile", [["plain", [[basics["summary"], "body"]]]], right_x, "right", 1, 2)
    h_education = text("h-education", [["tight", [["Education", "heading"]]]], right_x, "right", 2, 6)
    education = []
    for school in document["education"]:
        education += [["tight", [[_degree(school), "title"]]], ["tight", [[school["institution"], "company"]]],
                      ["plain", [[_years(school), "dates"]]]]
    education_frame = text("education", education, right_x, "right", 3, 2)
    h_skills = text("h-skills", [["tight", [["Skills", "heading"]]]], right_x, "right", 4, 6)
    skills = []
    for group in document["skills"]:
        skills += [["tight", [[group["name"], "small-bold"]]], ["plain", [[", ".join(group["keywords"]), "small"]]]]
    skills_frame = text("skills", skills, right_x, "right", 5, 2)
    h_work = text("h-experience", [["tight", [["Experience", "heading"]]]], left_x, "left", 0)
    story = []
    for number, job in enumerate(document["work"]):
        story += [["gap" if number else "tight", [[job["position"], "title"]]],
                  ["tight", [[f"{job['name']}, {job['location']}", "company"]]],
                  ["plain", [[_months(job, convention), "dates"]]]]
        story += [["bullet", [["•  " + highlight, "body"]]] for highlight in job["highlights"]]
    work_frame = {"kind": "text", "id": "experience", "x": left_x, "w": col_w, "h": 5.0, "paragraphs": story,
                  "column": "left", "order": 1, "gap": 2, "grow": False, "fill_to": BOTTOM}
    # The continuation frame at the foot of the right column, linked from the left one.
    more = {"kind": "text", "id": "experience-more", "x": right_x, "w": col_w, "h": 5.0, "column": "right",
            "order": 6, "gap": 6, "link_from": "experience", "fill_to": BOTTOM}
    header = [
        {"kind": "text", "id": "name", "x": left_x, "y": 12, "w": 182,
         "paragraphs": [["tight", [[given + " ", "name-light"], [family_name, "name-bold"]]]]},
        {"kind": "text", "id": "label", "x": left_x, "y": 26, "w": 182,
         "paragraphs": [["tight", [[basics["label"], "label-dark"]]]]},
        {"kind": "text", "id": "contact", "x": left_x, "y": 35, "w": 182,
         "paragraphs": [["tight", [["  |  ".join([_location(document), basics["phone"], basics["email"]]),
                                    "contact"]]],
                        ["tight", [["  |  ".join(_bare(url) for url in _links(document)), "contact"]]]]},
        {"kind": "line", "id": "rule", "x": left_x, "y": 47, "w": 182, "color": "Accent", "width": 1.2},
    ]
    if not _links(document):
        header[2]["paragraphs"].pop()
    creation = [skills_frame, education_frame, profile, work_frame, more, h_skills, h_work, h_education,
                h_profile, *header]
    return {"pdf": str(pdf), "title": basics["name"], "colors": COLORS, "charstyles": chars, "parastyles": paras,
            "items": creation, "columns": {"left": {"top": top}, "right": {"top": top}}}


def timeline_spec(document: dict[str, Any], pdf: Path, scale: float) -> dict[str, Any]:
    """dtp-timeline: name and label top right, a rule over a "|"-separated contact line; a
    narrow left column of section headings and of dates, each frame aligned with its row
    or entry in the wide right column; created dates first, entries bottom-up, headings,
    the header last."""
    basics, convention = document["basics"], document["meta"]["convention"]
    left_x, left_w, right_x, right_w, full_w = 14.0, 38.0, 58.0, 138.0, 182.0
    chars, paras = _styles(scale, right_w)

    def size(points: float) -> float:
        return round(points * scale, 2)
    chars += [
        {"name": "tl-name", "font": "Carlito Bold", "fontsize": 30.0, "fillcolor": "Ink"},
        {"name": "tl-label", "font": "Carlito Regular", "fontsize": 13.0, "fillcolor": "Accent"},
        {"name": "tl-heading", "font": "Carlito Bold", "fontsize": size(10.0), "fillcolor": "Accent",
         "tracking": 120, "features": "allcaps"},
        {"name": "tl-dates", "font": "Carlito Regular", "fontsize": size(8.5), "fillcolor": "Ink"},
        {"name": "tl-title", "font": "Carlito Bold", "fontsize": size(10.5), "fillcolor": "Ink"},
        {"name": "tl-place", "font": "Carlito Regular", "fontsize": size(9.0), "fillcolor": "Grey"},
        {"name": "tl-body", "font": "Carlito Regular", "fontsize": size(9.5), "fillcolor": "Ink"},
        {"name": "tl-group", "font": "Carlito Bold", "fontsize": size(9.5), "fillcolor": "Ink"},
    ]
    paras += [{"name": "tl-right", "linespacingmode": 1, "alignment": 2},
              {"name": "tl-place", "linespacingmode": 1, "gapafter": size(1.2)}]

    def text(ident: str, paragraphs: list, order: int, gap: float = 0.0) -> dict:
        return {"kind": "text", "id": ident, "x": right_x, "w": right_w, "paragraphs": paragraphs,
                "column": "right", "order": order, "gap": gap}

    def beside(ident: str, paragraphs: list, target: str, dy: float) -> dict:
        return {"kind": "text", "id": ident, "x": left_x, "w": left_w, "paragraphs": paragraphs,
                "align": target, "dy": dy}

    order = iter(range(1000))
    rows, headings, dates, entries = [], [], [], []

    def section(title: str, first: bool = False) -> None:
        ident = f"row-{title.lower()}"
        # An empty frame holding the row's place in the right column, a rule along it.
        rows.append({"kind": "text", "id": ident, "x": right_x, "w": right_w, "h": 4.5, "grow": False,
                     "column": "right", "order": next(order), "gap": 0.0 if first else 6.0})
        rows.append({"kind": "line", "id": ident + "-rule", "x": right_x, "y": 0, "w": right_w,
                     "color": "Pale", "width": 0.8, "align": ident, "dy": 2.0})
        headings.append(beside(f"h-{title.lower()}", [["tight", [[title, "tl-heading"]]]], ident, 0.4))

    section("Profile", first=True)
    entries.append(text("profile", [["plain", [[basics["summary"], "tl-body"]]]], next(order), 1.5))
    section("Experience")
    for number, job in enumerate(document["work"]):
        paragraphs = [["tight", [[job["position"], "tl-title"]]],
                      ["tl-place", [[f"{job['name']} · {job['location']}", "tl-place"]]]]
        paragraphs += [["bullet", [["•  " + highlight, "tl-body"]]] for highlight in job["highlights"]]
        entries.append(text(f"job-{number}", paragraphs, next(order), 1.5 if number == 0 else 4.0))
        dates.append(beside(f"dates-job-{number}", [["tight", [[_months(job, convention), "tl-dates"]]]],
                            f"job-{number}", 0.6))
    section("Education")
    for number, school in enumerate(document["education"]):
        entries.append(text(f"school-{number}", [["tight", [[_degree(school), "tl-title"]]],
                                                 ["tight", [[school["institution"], "tl-place"]]]],
                            next(order), 1.5 if number == 0 else 3.0))
        dates.append(beside(f"dates-school-{number}", [["tight", [[_years(school), "tl-dates"]]]],
                            f"school-{number}", 0.6))
    section("Skills")
    skills = [["plain", [[group["name"] + ": ", "tl-group"], [", ".join(group["keywords"]), "tl-body"]]]
              for group in document["skills"]]
    entries.append(text("skills", skills, next(order), 1.5))

    contact = " | ".join([_location(document), basics["phone"], basics["email"],
                          *(_bare(url) for url in _links(document))])
    # One line: the type is made smaller for the longer ones.
    chars.append({"name": "tl-contact", "font": "Carlito Regular",
                  "fontsize": min(8.5, round(8.5 * 112 / len(contact), 1)), "fillcolor": "Ink"})
    header = [
        {"kind": "text", "id": "contact", "x": left_x, "y": 35.5, "w": full_w,
         "paragraphs": [["tl-right", [[contact, "tl-contact"]]]]},
        {"kind": "line", "id": "rule", "x": left_x, "y": 33.0, "w": full_w, "color": "Accent", "width": 1.0},
        {"kind": "text", "id": "label", "x": left_x, "y": 24.5, "w": full_w,
         "paragraphs": [["tl-right", [[basics["label"], "tl-label"]]]]},
        {"kind": "text", "id": "name", "x": left_x, "y": 11.0, "w": full_w,
         "paragraphs": [["tl-right", [[basics["name"], "tl-name"]]]]},
    ]
    # Creation order: the dates, the entries from the last up, the rows and headings, the header.
    creation = [*dates, *reversed(entries), *rows, *headings, *header]
    for item in creation:
        if item["kind"] == "text":
            item["fontfeatures"] = "-liga"  # Carlito's fi, fl, ffi ligatures turned off
    return {"pdf": str(pdf), "title": basics["name"], "colors": COLORS, "charstyles": chars, "parastyles": paras,
            "items": creation, "columns": {"right": {"below": "contact", "gap": 8.0}}}


SPECS = {"dtp-frames": frames_spec, "dtp-columns": columns_spec, "dtp-timeline": timeline_spec}


def _scribus(specs: list[dict[str, Any]], work: Path) -> list[dict[str, Any]]:
    script, specs_path, results_path = work / "layout.py", work / "specs.json", work / "results.json"
    script.write_text(SCRIBUS_SCRIPT, encoding="utf-8")
    specs_path.write_text(json.dumps(specs, ensure_ascii=False), encoding="utf-8")
    if results_path.exists():
        results_path.unlink()
    environment = {**os.environ, "DTP_SPECS": str(specs_path), "DTP_RESULTS": str(results_path),
                   "HOME": str(work), "SOURCE_DATE_EPOCH": "1735689600"}
    subprocess.run(["xvfb-run", "-a", "scribus", "-g", "-ns", "-py", str(script)], check=True,
                   capture_output=True, timeout=900, env=environment, cwd=work)
    return json.loads(results_path.read_text())


def build(names: list[str] | None = None) -> None:
    names = names or NAMES
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        for name in names:
            family = families.BY_NAME[name]
            people = families.people(family)
            scales = {stem: 1.0 for stem, _ in people}
            pending = list(people)
            for _ in range(6):  # shrink the type of those that do not fit one page
                specs = [SPECS[name](document, work / f"{stem}.pdf", scales[stem]) for stem, document in pending]
                results = _scribus(specs, work)
                retry = [(stem, document) for (stem, document), result in zip(pending, results, strict=True)
                         if result["overflow"] or result["lowest"] > BOTTOM + 0.5]
                for stem, _ in retry:
                    scales[stem] *= 0.93
                pending = retry
                if not pending:
                    break
            if pending:
                print(f"{name}: still overflowing: {[stem for stem, _ in pending]}")
            for stem, document in people:
                families.save(family, stem, document, {f"{stem}.pdf": (work / f"{stem}.pdf").read_bytes()},
                              location=_location(document), links=_links(document))
            families.report(name, f" (type scales {sorted(set(round(value, 3) for value in scales.values()))})")


if __name__ == "__main__":
    families.command_line(__doc__.split("\n\n")[0], "DTP", NAMES, build)
