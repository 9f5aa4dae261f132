"""Renders the typst-* families (see families.py) through real Typst resume templates.

    /work/tools-typst/bin/python -m tests.families.typst_families [typst-basic ...]

Needs what the tests never need:
- the `typst` package from PyPI (Python bindings of the Typst compiler; built with 0.15.2,
  which is Typst 0.15.1) in a venv of its own, e.g. `python3 -m venv /work/tools-typst &&
  /work/tools-typst/bin/pip install typst`;
- `git`, and bare mirrors of the template repositories below under $TYPST_MIRROR
  (default /work/.mirror, laid out as <owner>+<name>/repo, as the session's `fetch` tool
  leaves them). Typst Universe cannot be reached, so each template and its @preview
  dependencies are laid out from the pinned commits as a local package directory
  (package_path/preview/<name>/<version>/) for every build;
- fonts: the Debian fonts (fonts-roboto, fonts-paratype, fonts-dejavu via texlive-fonts-extra
  and friends) in /usr/share/fonts, Source Sans Pro from TeX Live
  (texlive-fonts-extra: fonts/opentype/adobe/sourcesanspro) and the Font Awesome 6 Free
  fonts of the npm package @fortawesome/fontawesome-free@6.7.2 (webfonts/*.ttf), looked for
  in $FONTAWESOME6_DIR (default /work/tools-typst/npm/node_modules/@fortawesome/
  fontawesome-free), Fira Sans from the PyPI package fontpkg-fira-sans 4.203 (SIL OFL
  1.1, installed in the same venv; looked for in $FIRA_SANS_DIR, default that package's
  files/) and, for typst-grotesk only, Hanken Grotesk (variable fonts) from the PyPI
  package fontpkg-hanken-grotesk 3.13 (SIL OFL 1.1, same venv; $HANKEN_GROTESK_DIR), and,
  for typst-vercanard and typst-minimalcv only, Inria Sans (SIL OFL 1.1, the TTFs of the npm
  package @expo-google-fonts/inria-sans@0.4.1, installed beside Font Awesome; $INRIA_SANS_DIR),
  and, for typst-attractive only, Mulish (variable fonts, SIL OFL 1.1) from the PyPI package
  fontpkg-mulish 3.603 (same venv; $MULISH_DIR); typst-chicv's headings are in Linux Biolinum
  O (Debian's fonts-linuxlibertine, GPL-2+ with font exception / SIL OFL 1.1); and, for
  typst-pesha only, Cantarell 0.303 (SIL OFL 1.1), the static OTFs of Debian's
  fonts-cantarell 0.303.1-1 unpacked (`apt-get download fonts-cantarell && dpkg-deb -x`)
  into $CANTARELL_DIR (default /work/tools-typst/fonts-cantarell); and, for typst-resumeng
  only, Noto Serif CJK SC (SIL OFL 1.1; it has Latin, Greek and Cyrillic too), the
  NotoSerifCJK-Regular.ttc and NotoSerifCJK-Bold.ttc of Debian's fonts-noto-cjk
  1:20220127+repack1-1 unpacked the same way into $NOTO_CJK_DIR (default
  /work/tools-typst/fonts-noto-cjk).
  Typst embeds New Computer Modern, Libertinus Serif and DejaVu Sans Mono.

Templates (repository, commit, licence):
- typst-basic: stuxf/basic-typst-resume-template e7b02372 (basic-resume 0.2.9, Unlicense),
  with its dependency scienceicons 0.1.0 generated as that repository's scripts/typst.js does
  from curvenote/scienceicons 36e43cbc (MIT; the Typst index.typ is not in the repository);
- typst-moderncv: DeveloperPaul123/modern-cv 84126297 (modern-cv 0.9.0, MIT), with
  duskmoon314/typst-fontawesome v0.6.0 (MIT) and jomaway/typst-linguify e94674a1 (MIT; its
  manifest still says 0.4.1, laid out as the 0.4.2 that modern-cv imports, with the
  compatibility fix in PATCHES); a grey silhouette stands in for the profile photo, around
  which the header is laid out (without one the contact line drops far below the name);
- typst-simpletechnical: steadyfall/simple-technical-resume-template d1559ecd
  (simple-technical-resume 0.1.1, MIT), with Jeomhps/datify 1.0.0 and Jeomhps/datify-core
  1.0.0 (MIT);
- typst-brilliant: mintyfrankie/brilliant-CV 95e6b16a (brilliant-cv 2.0.3, Apache-2.0), with
  typst-fontawesome v0.2.1; its keyword and AI-prompt injection are switched off;
- typst-imprecv (held out): jskherman/imprecv 8d0a4c50 (imprecv 1.0.0, Apache-2.0);
- typst-vantage (held out): sardorml/vantage-typst dd4ef90b (MIT), imported by relative path
  as its example.typ does, plus a phone icon (Font Awesome 6 Free "phone", CC BY 4.0) since
  the template ships none; the location entry links to the page top, as Typst 0.14 and
  later refuse the example's empty link;
- typst-neatcv: dialvarezs/neat-cv cc70ff1f (neat-cv 0.1.0, MIT), with typst-fontawesome
  v0.5.0 (MIT); the example's profile photo, publications and references are left out;
- typst-modernresume: peterpf/modern-typst-resume 0f8f58d5 (modern-resume 1.0.0,
  Unlicense; its icons are Font Awesome Free, CC BY 4.0), no dependencies; the example's
  avatar is left out (the header is laid out the same without it);
- typst-grotesk: AsiSkarp/grotesk-cv 2e7e3f05 (grotesk-cv 1.0.5, Unlicense), with
  typst-fontawesome v0.5.0 (MIT; imported, no icon shown); the template's "HK Grotesk"
  is set as Hanken Grotesk (its OFL successor) in info.toml, a grey silhouette stands in
  for the profile photo, and its AI-prompt and keyword injection stay off (its defaults);
- typst-modernercv: pavelzw/moderner-cv 61f3bc8b (moderner-cv 0.2.1, MIT), with
  typst-fontawesome v0.6.0 (MIT);
- typst-vercanard: elegaanz/vercanard a7e706f4 (vercanard 1.0.2, GPL-3.0), no dependencies;
  its main.typ's accent colour and margin;
- typst-minimalcv: lelimacon/typst-minimal-cv 54a50d40 (minimal-cv 0.1.0; its manifest says
  MIT, its LICENSE file is MIT No Attribution), no dependencies; imported as the package
  (the example's relative import aside), its theme's font size set to 9pt and its main
  gutter to 54pt so that each title and its floated "@Company -- Place" share a line.
- typst-chicv: skyzh/chicv ab26f3d3 (chicv 0.1.0, MIT as its manifest says; also a CC0-1.0 file), no
  dependencies: its template/cv.typ is self-contained (lib.typ is blank), so each main file is
  that file's preamble (its heading font named as installed, "Linux Biolinum O") followed by
  the person in the example's markup;
- typst-attractive: Harkunwar/attractive-typst-resume 0196125f (MIT), not a package: its
  template.typ is put beside the main file, imported by relative path as its resume.typ does,
  no dependencies; Mulish from PyPI (above) instead of the copies the repository ships.
- typst-linkedcv: ellsphillips/linked-cv 75b0eb02 (linked-cv 0.1.0, MIT; its tech icons,
  not used here, are the brands' logos), no dependencies; Roboto and Source Sans Pro as its
  template/main.typ sets them; no employer logo (the template's grey placeholder square).
- typst-modernpro: jxpeng98/Typst-CV-Resume 62db8efe (modernpro-cv 1.3.0, MIT), with
  typst-fontawesome v0.6.0 (MIT), as its template/cv-double.typ (PT Sans, from Debian's
  fonts-paratype, SIL OFL 1.1); the paper of the person's convention.
- typst-pesha: talal/pesha e8316221 (tag v0.4.0; pesha 0.4.0, MIT-0 as its manifest and
  LICENSE say; the version published as typst/packages' packages/preview/pesha/0.4.0), no
  dependencies, as its template/main.typ; headings and header in Cantarell (above), body in
  Typst's Libertinus Serif. typst/packages itself (about 2 GB) is too large for a mirror
  here, so this and the next are laid out from the repositories their manifests name.
- typst-clickworthy: AbdullahHendy/clickworthy-resume 140d7513 (clickworthy-resume 1.0.1,
  MIT; typst/packages' packages/preview/clickworthy-resume/1.0.1), no dependencies, as its
  template/resume.typ, New Computer Modern (embedded in Typst); the newer 1.1.0 (a role line
  under the name) is on Typst Universe but not in that repository's history as mirrored.
- typst-resumeng: fky2015/resume-ng-typst bc2d5ce0 (resume-ng 1.0.0, MIT), no dependencies,
  as its template/main.typ; its lib/lib.typ laid out as the package, its manifest's
  entrypoint (still the template.typ that this commit moved to lib/lib.typ) corrected in
  PATCHES; the template's own font, Noto Serif CJK SC (above), and its lang "zh".
- typst-bamboovir (held out): bamboovir/typst-resume-template 24de6194 (MIT), not a package:
  its templates/latex/template.typ (the one its resume.typ imports and its Justfile builds)
  put beside the main file as templates/latex/, imported by relative path as resume.typ does,
  no dependencies; its four icons (Font Awesome 6 SVGs marked as the Pro edition) taken
  from the Free edition of the npm package above (svgs/, CC BY 4.0) under the same names;
  New Computer Modern (embedded in Typst) and Source Sans Pro (TeX Live, above) instead of
  the copies the repository ships; fixes to the copy in BAMBOOVIR_PATCHES (the page
  counter in a context, as Typst 0.11 and later want; the GitHub and LinkedIn user names
  shown only when the person has them).

Each person's main file is written as the template's own example/template file is: the
template's macros (or its YAML data file) filled from the JSON Resume document. The PDFs
carry a fixed date (2025-01-01), so a rebuild gives the same bytes.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import os
import re
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.families import families

rendered = families.rendered  # tests/corpus/build.py
MIRROR = Path(os.environ.get("TYPST_MIRROR", "/work/.mirror"))
FONTAWESOME6 = Path(os.environ.get("FONTAWESOME6_DIR",
                                   "/work/tools-typst/npm/node_modules/@fortawesome/fontawesome-free"))
_FIRA_SANS_SPEC = importlib.util.find_spec("fontpkg_fira_sans")
FIRA_SANS = Path(os.environ.get("FIRA_SANS_DIR", str(Path(_FIRA_SANS_SPEC.origin).parent / "files")
                                if _FIRA_SANS_SPEC and _FIRA_SANS_SPEC.origin else "/nonexistent"))
FONT_PATHS = ["/usr/share/fonts", "/usr/share/texlive/texmf-dist/fonts/opentype/adobe/sourcesanspro",
              str(FONTAWESOME6 / "webfonts"), str(FIRA_SANS)]
_HANKEN_GROTESK_SPEC = importlib.util.find_spec("fontpkg_hanken_grotesk")
HANKEN_GROTESK = Path(os.environ.get("HANKEN_GROTESK_DIR",
                                     str(Path(_HANKEN_GROTESK_SPEC.origin).parent / "files")
                                     if _HANKEN_GROTESK_SPEC and _HANKEN_GROTESK_SPEC.origin else "/nonexistent"))
INRIA_SANS = Path(os.environ.get("INRIA_SANS_DIR",
                                 "/work/tools-typst/npm/node_modules/@expo-google-fonts/inria-sans"))
_MULISH_SPEC = importlib.util.find_spec("fontpkg_mulish")
MULISH = Path(os.environ.get("MULISH_DIR", str(Path(_MULISH_SPEC.origin).parent / "files")
                             if _MULISH_SPEC and _MULISH_SPEC.origin else "/nonexistent"))
CANTARELL = Path(os.environ.get("CANTARELL_DIR", "/work/tools-typst/fonts-cantarell"))
NOTO_CJK = Path(os.environ.get("NOTO_CJK_DIR", "/work/tools-typst/fonts-noto-cjk"))
# Fonts only some families are given (so that the others' font fallback, and bytes, stay
# as they were).
FAMILY_FONT_PATHS = {"typst-grotesk": [str(HANKEN_GROTESK)], "typst-vercanard": [str(INRIA_SANS)],
                     "typst-minimalcv": [str(INRIA_SANS)], "typst-attractive": [str(MULISH)],
                     "typst-pesha": [str(CANTARELL)], "typst-resumeng": [str(NOTO_CJK)]}
TIMESTAMP = 1735689600  # 2025-01-01T00:00:00Z: the PDFs' dates and Typst's datetime.today()

# (name, version, repository, commit, the paths needed when not the whole tree)
PACKAGES = (
    ("basic-resume", "0.2.9", "stuxf/basic-typst-resume-template", "e7b02372015a39de3f486f833cb29458e2aed6b8", ""),
    ("modern-cv", "0.9.0", "DeveloperPaul123/modern-cv", "8412629748c2db3f895c890e38ad56a2ea4df88f", ""),
    ("fontawesome", "0.6.0", "duskmoon314/typst-fontawesome", "fee2b7bde0e0f56a19a531fdfdd410cdf248936f", ""),
    ("fontawesome", "0.2.1", "duskmoon314/typst-fontawesome", "cdaa620f77e27c13729274851bdcad71f7158860", ""),
    ("linguify", "0.4.2", "jomaway/typst-linguify", "e94674a108bf0241aeb748b0fa473a0e9dc8ca16", ""),
    ("simple-technical-resume", "0.1.1", "steadyfall/simple-technical-resume-template",
     "d1559ecd299fc931aa1c92f965ac05bf8c29937a", ""),
    ("datify", "1.0.0", "Jeomhps/datify", "61a4a649234e01c93ec50cc2562a17956ddd6e60", ""),
    ("datify-core", "1.0.0", "Jeomhps/datify-core", "9a515eee7a034f88f7d141609d1115cf0b701976",
     "typst.toml LICENSE src"),
    ("brilliant-cv", "2.0.3", "mintyfrankie/brilliant-CV", "95e6b16ab10b55fdce42d6395eec9f10a43a104d", ""),
    ("imprecv", "1.0.0", "jskherman/imprecv", "8d0a4c506c6871c2fa79032969d8298f352eebf7", ""),
    ("neat-cv", "0.1.0", "dialvarezs/neat-cv", "cc70ff1f40167e81b1b25e1fe130b80fe513483d", ""),
    ("fontawesome", "0.5.0", "duskmoon314/typst-fontawesome", "6e7617b291fb43eec26a0a9c6edb256c95b12ec0", ""),
    ("modern-resume", "1.0.0", "peterpf/modern-typst-resume", "0f8f58d58ce335925e33a1ea683cf907d554fe24",
     "typst.toml LICENSE lib.typ utils.typ assets"),
    ("grotesk-cv", "1.0.5", "AsiSkarp/grotesk-cv", "2e7e3f05d028f8c895c57b2b13b3245ef7db4a90",
     "typst.toml LICENSE src/lib.typ src/template/info.toml"),
    ("moderner-cv", "0.2.1", "pavelzw/moderner-cv", "61f3bc8b28a42faac16f16cfa9ea1b5f85123f2c",
     "typst.toml LICENSE lib.typ"),
    ("vercanard", "1.0.2", "elegaanz/vercanard", "a7e706f465490f0b614cecac66560b318d9e209f",
     "typst.toml LICENSE template.typ"),
    ("minimal-cv", "0.1.0", "lelimacon/typst-minimal-cv", "54a50d4000a9cd9ea32d4f06bfcc8f1e652c6a33",
     "typst.toml LICENSE package.typ"),
    ("linked-cv", "0.1.0", "ellsphillips/linked-cv", "75b0eb02f3a191304ac4573e45a2688512f14d0e",
     "typst.toml LICENCE lib.typ src"),
    ("modernpro-cv", "1.3.0", "jxpeng98/Typst-CV-Resume", "62db8efe6662e3e30e7d6ef976c32abde155c7b5",
     "typst.toml LICENSE modernpro-cv.typ"),
    ("pesha", "0.4.0", "talal/pesha", "e83162214dde1ba7093ce8c342e5d06bd400b399", "typst.toml LICENSE lib.typ"),
    ("clickworthy-resume", "1.0.1", "AbdullahHendy/clickworthy-resume", "140d75133e9f9209f57ea18ca21d97ef6cb984b3",
     "typst.toml LICENSE src"),
    ("resume-ng", "1.0.0", "fky2015/resume-ng-typst", "bc2d5ce0299b4d2fe328bb24a9820caff8a6fc9f",
     "typst.toml LICENSE lib"),
)
# Compatibility fixes for the current compiler, applied to the laid-out copies only:
# (package, file, pattern, replacement, why).
PATCHES = (
    ("linguify", "lib/linguify.typ", r'" \+ type\((\w+)\)', r'" + str(type(\1))',
     "Typst 0.14 and later no longer add a type to a string"),
    ("linguify", "lib/fluent.typ", r'" \+ type\((\w+)\)', r'" + str(type(\1))', "the same"),
    ("resume-ng", "typst.toml", r'(?m)^entrypoint = "template.typ"', 'entrypoint = "lib/lib.typ"',
     "its manifest names the template.typ that the pinned commit moved to lib/lib.typ"),
)
SCIENCEICONS = ("curvenote/scienceicons", "36e43cbc83cc46334d0167827220ab1d9160610c")
VANTAGE = ("sardorml/vantage-typst", "dd4ef90b669088774137b000675763d8cdf9ab68")
CHICV = ("skyzh/chicv", "ab26f3d340ce0aeb27a5cc21a296fce28f9446c7")
ATTRACTIVE = ("Harkunwar/attractive-typst-resume", "0196125f692ba0e5c442de0bd7bcd7dbba1dc7ba")
BAMBOOVIR = ("bamboovir/typst-resume-template", "24de6194255787ee6ea78562ed001539143c5d97")
# Fixes to the laid-out copy of its template.typ: (before, after, why).
BAMBOOVIR_PATCHES = (
    ("#counter(page).display()", "#context counter(page).display()",
     "Typst 0.11 and later show a counter only where the context is known (the template is of Typst 0.2)"),
    ("""          #github_icon
          #box[#link("https://github.com/" + author.github)[#author.github]]
          #separator
""", """          #if "github" in author [
            #github_icon
            #box[#link("https://github.com/" + author.github)[#author.github]]
            #separator
          ]
""", "the template always shows a GitHub user name: only when the person has one, as a user without one"
        " takes it out"),
    ("""          #linkedin_icon
          #box[
            #link("https://www.linkedin.com/in/" + author.linkedin)[#author.linkedin]
          ]
""", """          #if "linkedin" in author [
            #linkedin_icon
            #box[
              #link("https://www.linkedin.com/in/" + author.linkedin)[#author.linkedin]
            ]
          ]
""", "the same for the LinkedIn user name"),
)


# --- sources ------------------------------------------------------------------------

def _git_dir(repository: str) -> Path:
    return MIRROR / repository.replace("/", "+") / "repo"


def _export(repository: str, commit: str, destination: Path, paths: str = "") -> None:
    """The repository's tree at the commit (or only the space-separated paths) into
    destination."""
    archive = subprocess.run(["git", "--git-dir", str(_git_dir(repository)), "archive", "--format=tar", commit]
                             + paths.split(), check=True, capture_output=True).stdout
    destination.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        for member in tar.getmembers():
            name = member.name
            if member.isdir() or member.name == "pax_global_header":
                continue
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(tar.extractfile(member).read())


def _git_blob(repository: str, commit: str, path: str) -> bytes:
    return subprocess.run(["git", "--git-dir", str(_git_dir(repository)), "show", f"{commit}:{path}"],
                          check=True, capture_output=True).stdout


def lay_out_packages(root: Path) -> Path:
    """The @preview packages the templates need, as a Typst package directory."""
    for name, version, repository, commit, paths in PACKAGES:
        destination = root / "preview" / name / version
        _export(repository, commit, destination, paths)
        manifest = destination / "typst.toml"
        text = manifest.read_text(encoding="utf-8")
        # The manifest must name the version it is laid out as (linguify's says 0.4.1).
        manifest.write_text(re.sub(r'(?m)^version = "[^"]*"', f'version = "{version}"', text, count=1),
                            encoding="utf-8")
    for name, file_name, pattern, replacement, _ in PATCHES:
        for version in (root / "preview" / name).iterdir():
            target = version / file_name
            target.write_text(re.sub(pattern, replacement, target.read_text(encoding="utf-8")), encoding="utf-8")
    # scienceicons: index.typ is generated from the optimized SVGs (its scripts/typst.js).
    repository, commit = SCIENCEICONS
    destination = root / "preview" / "scienceicons" / "0.1.0"
    destination.mkdir(parents=True, exist_ok=True)
    listing = subprocess.run(["git", "--git-dir", str(_git_dir(repository)), "ls-tree", "--name-only",
                              f"{commit}:optimized/24/solid"], check=True, capture_output=True, text=True).stdout
    icons = []
    for file_name in sorted(listing.split()):
        svg = _git_blob(repository, commit, f"optimized/24/solid/{file_name}").decode().replace("\n", "")
        icon = file_name.removesuffix(".svg")
        icons.append(f"// {icon}\n#let {icon}-svg = ```{svg}```.text\n"
                     f"#let {icon}-icon(color: black, height: 1.1em, baseline: 13.5%) = {{\n"
                     f"  box(height: height, baseline: baseline, image(bytes({icon}-svg.replace(\"currentColor\", "
                     f"color.to-hex())), format: \"svg\"))\n}}")
    (destination / "index.typ").write_text("\n\n".join(icons), encoding="utf-8")
    manifest = _git_blob(repository, commit, "typst/typst.toml").decode()
    (destination / "typst.toml").write_text(re.sub(r'(?m)^version = "[^"]*"', 'version = "0.1.0"', manifest),
                                            encoding="utf-8")
    return root


# --- helpers ------------------------------------------------------------------------

def s(text: str) -> str:
    """A Typst string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def markup(text: str) -> str:
    """Text escaped for Typst markup (for templates that eval their data as markup)."""
    return re.sub(r"([\\#*_$@<>`\[\]~=/+\-\"'])", r"\\\1", text)


def dict_literal(value: Any) -> str:
    """A Typst value from a JSON-like Python value."""
    if isinstance(value, dict):
        return "(" + ", ".join(f"{s(key)}: {dict_literal(item)}" for key, item in value.items()) + ",)" \
            if value else "(:)"
    if isinstance(value, (list, tuple)):
        return "(" + "".join(f"{dict_literal(item)}, " for item in value) + ")"
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    return s(str(value))


def toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def month(value: str, document: dict[str, Any]) -> str:
    return families.written_month(value, document["meta"]["convention"])


def dates(job: dict[str, Any], document: dict[str, Any]) -> tuple[str, str]:
    return month(job["startDate"][:7], document), month(job["meta_end"], document)


def place(document: dict[str, Any], family: str) -> str:
    return rendered._location(document, family)


def handle(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


def profile(document: dict[str, Any], network: str) -> str:
    """The profile URL of the network, or ""."""
    for item in document["basics"]["profiles"]:
        if item["network"].lower() == network:
            return item["url"]
    return ""


def bare(url: str) -> str:
    return url.split("://", 1)[1] if "://" in url else url


def paper(document: dict[str, Any]) -> str:
    return "us-letter" if document["meta"]["convention"] == "us" else "a4"


def avatar() -> str:
    """A stand-in profile photo, a grey silhouette (templates that expect a photo lay
    their header out around it)."""
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200" viewBox="0 0 200 200">'
            '<rect width="200" height="200" fill="#c9ced6"/>'
            '<circle cx="100" cy="78" r="38" fill="#f3f4f6"/>'
            '<ellipse cx="100" cy="190" rx="70" ry="60" fill="#f3f4f6"/>'
            '</svg>')


def split_name(name: str) -> tuple[str, str]:
    first, _, last = name.partition(" ")
    return first, last


# --- the families -------------------------------------------------------------------
# Each returns (files of the build folder with "main.typ", what save() must be told).

def basic(document: dict[str, Any], family: str) -> tuple[dict[str, str | bytes], dict[str, Any]]:
    """basic-resume: one column, name and a "|"-separated contact line on the left, small-caps
    section headings with a rule, title (bold) over company with dates and location on
    the right."""
    basics = document["basics"]
    linkedin, github = profile(document, "linkedin"), profile(document, "github")
    lines = ['#import "@preview/basic-resume:0.2.9": *', "",
             "#show: resume.with(",
             f"  author: {s(basics['name'])},",
             f"  location: {s(place(document, family))},",
             f"  email: {s(basics['email'])},"]
    if github:
        lines.append(f"  github: {s(bare(github))},")
    if linkedin:
        lines.append(f"  linkedin: {s(bare(linkedin))},")
    lines.append(f"  phone: {s(basics['phone'])},")
    if basics["url"]:
        lines.append(f"  personal-site: {s(bare(basics['url']))},")
    lines += ['  accent-color: "#26428b",', '  font: "New Computer Modern",', f'  paper: "{paper(document)}",',
              "  author-position: left,", "  personal-info-position: left,", ")", "",
              "== Summary", "", f"#{s(basics['summary'])}", "", "== Work Experience", ""]
    for job in document["work"]:
        start, end = dates(job, document)
        lines += ["#work(", f"  title: {s(job['position'])},", f"  location: {s(job['location'])},",
                  f"  company: {s(job['name'])},",
                  f"  dates: dates-helper(start-date: {s(start)}, end-date: {s(end)}),", ")"]
        lines += [f"- #{s(highlight)}" for highlight in job["highlights"]]
        lines.append("")
    lines += ["== Education", ""]
    for school in document["education"]:
        lines += ["#edu(", f"  institution: {s(school['institution'])},",
                  f"  dates: dates-helper(start-date: {s(school['startDate'][:4])}, "
                  f"end-date: {s(school['endDate'][:4])}),",
                  f"  degree: {s(rendered._degree(school))},", ")", ""]
    lines += ["== Skills"]
    lines += [f"- *#{s(group['name'])}*: #{s(', '.join(group['keywords']))}" for group in document["skills"]]
    return {"main.typ": "\n".join(lines) + "\n"}, {}


def moderncv(document: dict[str, Any], family: str) -> tuple[dict[str, str | bytes], dict[str, Any]]:
    """modern-cv (Awesome-CV look): centred name (thin first name, bold last name), the
    label in small caps, address and icon contact line; coloured section headings with a
    rule; title (bold) with location right, company with dates right below."""
    basics = document["basics"]
    first, last = split_name(basics["name"])
    author: dict[str, Any] = {"firstname": first, "lastname": last, "email": basics["email"],
                              "phone": basics["phone"]}
    if basics["url"]:
        author["homepage"] = basics["url"]
    if profile(document, "github"):
        author["github"] = handle(profile(document, "github"))
    if profile(document, "linkedin"):
        author["linkedin"] = handle(profile(document, "linkedin"))
    author["address"] = place(document, family)
    author["positions"] = [basics["label"]]
    lines = ['#import "@preview/modern-cv:0.9.0": *', "",
             "#show: resume.with(", f"  author: {dict_literal(author)},",
             f"  description: {s(basics['name'] + ' resume')},",
             '  profile-picture: image("avatar.svg"),', '  date: "January 1, 2025",', '  language: "en",',
             "  colored-headers: true,", "  show-footer: false,", "  show-address-icon: true,",
             f'  paper-size: "{paper(document)}",',
             '  contact-items-separator: box[#h(2pt)#text("|")#h(2pt)],', ")", "",
             "= Summary", "", f"#resume-item[#{s(basics['summary'])}]", "", "= Experience", ""]
    for job in document["work"]:
        start, end = dates(job, document)
        lines += ["#resume-entry(", f"  title: {s(job['position'])},", f"  location: {s(job['location'])},",
                  f"  date: {s(f'{start} - {end}')},", f"  description: {s(job['name'])},", ")", "",
                  "#resume-item["]
        lines += [f"  - #{s(highlight)}" for highlight in job["highlights"]]
        lines += ["]", ""]
    lines += ["= Skills", ""]
    for group in document["skills"]:
        lines.append(f"#resume-skill-item({s(group['name'])}, {dict_literal(group['keywords'])})")
    lines += ["#block(below: 0.65em)", "", "= Education", ""]
    for school in document["education"]:
        years = f"{school['startDate'][:4]} - {school['endDate'][:4]}"
        lines += ["#resume-entry(", f"  title: {s(school['institution'])},", '  location: "",',
                  f"  date: {s(years)},", f"  description: {s(rendered._degree(school))},", ")", ""]
    return {"main.typ": "\n".join(lines) + "\n", "avatar.svg": avatar()}, {}


def simpletechnical(document: dict[str, Any], family: str) -> tuple[dict[str, str | bytes], dict[str, Any]]:
    """simple-technical-resume: centred all-caps name, a "|"-separated contact line,
    small-caps headings with a thin rule, title (bold) over company with "Mon YYYY" dates
    and location on the right (the template formats the dates itself with datify)."""
    basics = document["basics"]
    linkedin, github = profile(document, "linkedin"), profile(document, "github")

    def date(value: str) -> str:
        return '"Present"' if value == "present" else \
            f"datetime(year: {int(value[:4])}, month: {int(value[5:7])}, day: 1)"

    lines = ['#import "@preview/simple-technical-resume:0.1.1": *', "",
             "#show: resume.with(", f'  paper: "{paper(document)}",', "  top-margin: 0.45in,",
             "  personal-info-font-size: 9.2pt,", "  author-position: center,", "  personal-info-position: center,",
             f"  author-name: {s(basics['name'])},", f"  phone: {s(basics['phone'])},",
             f"  location: {s(place(document, family))},", f"  email: {s(basics['email'])},"]
    links = []
    if basics["url"]:
        lines.append(f"  website: {s(bare(basics['url']))},")
        links.append("https://" + bare(basics["url"]))
    if linkedin:
        lines.append(f"  linkedin-user-id: {s(handle(linkedin))},")
        links.append("https://linkedin.com/in/" + handle(linkedin))
    if github:
        lines.append(f"  github-username: {s(handle(github))},")
        links.append("https://github.com/" + handle(github))
    lines += [")", "", f"#custom-title(\"Summary\")[#{s(basics['summary'])}]", "", '#custom-title("Experience")[']
    for job in document["work"]:
        lines += ["  #work-heading(", f"    {s(job['position'])},", f"    {s(job['name'])},",
                  f"    {s(job['location'])},", f"    {date(job['startDate'][:7])},", f"    {date(job['meta_end'])},",
                  "  )["]
        lines += [f"    - #{s(highlight)}" for highlight in job["highlights"]]
        lines.append("  ]")
    lines += ["]", "", '#custom-title("Education")[']
    for school in document["education"]:
        lines += ["  #education-heading(", f"    {s(school['institution'])}, \"\",",
                  f"    {s(school['studyType'])}, {s(school['area'])}," if school["area"] else
                  f"    {s(school['studyType'])}, \"\",",
                  f"    {date(school['startDate'][:7])},", f"    {date(school['endDate'][:7])},", "  )[]"]
    lines += ["]", "", '#custom-title("Skills")[', "  #skills()["]
    lines += [f"    - *#{s(group['name'])}:* #{s(', '.join(group['keywords']))}" for group in document["skills"]]
    lines += ["  ]", "]"]
    return {"main.typ": "\n".join(lines) + "\n"}, {"links": links}


def brilliant(document: dict[str, Any], family: str) -> tuple[dict[str, str | bytes], dict[str, Any]]:
    """brilliant-cv: Roboto name (light first name, bold last name) with an accent-coloured
    icon contact line and the summary as header quote; section titles with their first
    letters in the accent colour and a rule; company (bold) with location right, then the
    title in accent small caps with dates right; skills as "group | items" rows."""
    basics = document["basics"]
    first, last = split_name(basics["name"])
    info = [("location", place(document, family)), ("phone", basics["phone"]), ("email", basics["email"])]
    if basics["url"]:
        info.append(("homepage", bare(basics["url"])))
    if profile(document, "linkedin"):
        info.append(("linkedin", handle(profile(document, "linkedin"))))
    if profile(document, "github"):
        info.append(("github", handle(profile(document, "github"))))
    toml = ['language = "en"', "", "[layout]", '    awesome_color = "skyblue"', '    before_section_skip = "1pt"',
            '    before_entry_skip = "1pt"', '    before_entry_description_skip = "1pt"', "",
            "    [layout.fonts]", '        regular_fonts = ["Source Sans Pro", "Source Sans 3"]',
            '        header_font = "Roboto"', "", "    [layout.header]", '        header_align = "left"',
            "        display_profile_photo = false", "", "    [layout.entry]",
            "        display_entry_society_first = true", "        display_logo = false", "",
            "[inject]", "    inject_ai_prompt = false", "    inject_keywords = false",
            "    injected_keywords_list = []", "", "[personal]", f"    first_name = {toml_string(first)}",
            f"    last_name = {toml_string(last)}", "", "    [personal.info]"]
    toml += [f"        {key} = {toml_string(value)}" for key, value in info]
    toml += ["", "[lang.en]", f"    header_quote = {toml_string(basics['summary'])}",
             '    cv_footer = "Curriculum vitae"', '    letter_footer = "Cover letter"']
    lines = ['#import "@preview/brilliant-cv:2.0.3": cv, cvSection, cvEntry, cvSkill, hBar',
             '#let metadata = toml("./metadata.toml")', "#let cvSection = cvSection.with(metadata: metadata)",
             "#let cvEntry = cvEntry.with(metadata: metadata)", "",
             "#show: cv.with(metadata, profilePhoto: none)", "", '#cvSection("Professional Experience")', ""]
    for job in document["work"]:
        start, end = dates(job, document)
        items = ", ".join(f"[#{s(highlight)}]" for highlight in job["highlights"])
        lines += ["#cvEntry(", f"  title: [#{s(job['position'])}],", f"  society: [#{s(job['name'])}],",
                  f"  date: [#{s(start)} - #{s(end)}],", f"  location: [#{s(job['location'])}],",
                  f"  description: list({items}),", ")", ""]
    lines += ['#cvSection("Education")', ""]
    for school in document["education"]:
        lines += ["#cvEntry(", f"  title: [#{s(rendered._degree(school))}],",
                  f"  society: [#{s(school['institution'])}],",
                  f"  date: [{school['startDate'][:4]} - {school['endDate'][:4]}],", "  location: [],",
                  "  description: [],", ")", ""]
    lines += ['#cvSection("Skills")', ""]
    for group in document["skills"]:
        info_items = " #hBar() ".join(f"#{s(keyword)}" for keyword in group["keywords"])
        lines += [f"#cvSkill(type: [#{s(group['name'])}], info: [{info_items}])", ""]
    return {"main.typ": "\n".join(lines) + "\n", "metadata.toml": "\n".join(toml) + "\n"}, {}


def imprecv(document: dict[str, Any], family: str) -> tuple[dict[str, str | bytes], dict[str, Any]]:
    """imprecv: centred all-caps name, the label, address and a diamond-separated contact
    line; all-caps section headings with a rule; company (bold) with location right, then
    the title in italics with "Mon YYYY – Mon YYYY" right (the template formats the ISO
    dates of its YAML file itself); skills as "Group: items" bullets; page numbers. The
    template's "last updated ... using Typst" endnote (a link to typst.app) is left out,
    so that every link in the file is the person's."""
    basics = document["basics"]
    location = basics["location"]
    data = {
        "personal": {
            "name": basics["name"], "email": basics["email"], "phone": basics["phone"],
            "url": basics["url"] or None, "titles": [basics["label"]],
            "location": {"city": location["city"],
                         "region": location["region"] or rendered.COUNTRY_NAMES[location["countryCode"]]},
            "profiles": [{"network": item["network"], "username": item["username"], "url": item["url"]}
                         for item in basics["profiles"]],
        },
        "work": [{"organization": job["name"], "url": None, "location": job["location"],
                  "positions": [{"position": job["position"], "startDate": job["startDate"],
                                 "endDate": job["endDate"] or "present",
                                 "highlights": [markup(highlight) for highlight in job["highlights"]]}]}
                 for job in document["work"]],
        "education": [{"institution": school["institution"], "url": None, "area": school["area"] or None,
                       "studyType": school["studyType"], "startDate": school["startDate"],
                       "endDate": school["endDate"], "location": ""} for school in document["education"]],
        "skills": [{"category": group["name"], "skills": group["keywords"]} for group in document["skills"]],
        "languages": None,
        "interests": None,
    }
    main = f"""#import "@preview/imprecv:1.0.0": *

#let cvdata = yaml("cv.yml")

#let uservars = (
    headingfont: "Libertinus Serif",
    bodyfont: "Libertinus Serif",
    fontsize: 10pt,
    linespacing: 6pt,
    sectionspacing: 0pt,
    showAddress: true,
    showNumber: true,
    showTitle: true,
    headingsmallcaps: false,
    sendnote: false,
)

#let customrules(doc) = {{
    set page(
        paper: "{paper(document)}",
        numbering: "1 / 1",
        number-align: center,
        margin: 1.25cm,
    )
    doc
}}

#let cvinit(doc) = {{
    doc = setrules(uservars, doc)
    doc = showrules(uservars, doc)
    doc = customrules(doc)
    doc
}}

#show: doc => cvinit(doc)

#cvheading(cvdata, uservars)
#cvwork(cvdata)
#cveducation(cvdata)
#cvaffiliations(cvdata)
#cvprojects(cvdata)
#cvawards(cvdata)
#cvcertificates(cvdata)
#cvpublications(cvdata)
#cvskills(cvdata, title: "Skills")
#cvreferences(cvdata)
"""
    # JSON is YAML: the template reads its data with yaml().
    return {"main.typ": main, "cv.yml": json.dumps(data, ensure_ascii=False, indent=1) + "\n"}, {}


def vantage(document: dict[str, Any], family: str) -> tuple[dict[str, str | bytes], dict[str, Any]]:
    """vantage: name, label and an icon contact line over the summary, then two columns:
    experience on the left (title as heading, company in italics, a calendar-icon date
    range and location-icon place), education and the skill groups as bulleted sections
    on the right."""
    basics = document["basics"]
    links: list[dict[str, str]] = [{"name": "email", "link": "mailto:" + basics["email"]},
                                   {"name": "phone", "link": "tel:" + re.sub(r"[^+0-9]", "", basics["phone"]),
                                    "display": basics["phone"]}]
    if basics["url"]:
        links.append({"name": "website", "link": basics["url"], "display": bare(basics["url"])})
    if profile(document, "github"):
        links.append({"name": "github", "link": profile(document, "github"),
                      "display": "@" + handle(profile(document, "github"))})
    if profile(document, "linkedin"):
        links.append({"name": "linkedin", "link": profile(document, "linkedin"),
                      "display": handle(profile(document, "linkedin"))})
    configuration = {
        "contacts": {"name": basics["name"], "links": links, "address": place(document, family)},
        "position": basics["label"],
        "tagline": basics["summary"],
        "jobs": [{"position": job["position"], "company": job["name"], "description": job["highlights"],
                  "from": dates(job, document)[0], "to": dates(job, document)[1], "location": job["location"]}
                 for job in document["work"]],
        "education": [{"place": school["institution"], "degree": rendered._degree(school),
                       "from": school["startDate"][:4], "to": school["endDate"][:4]}
                      for school in document["education"]],
        "skills": [{"name": group["name"], "items": group["keywords"]} for group in document["skills"]],
    }
    main = """#import "vantage-typst.typ": vantage, term, skill, styled-link
#set page(paper: "PAPER")
#let configuration = yaml("configuration.yaml")

#vantage(
  name: configuration.contacts.name,
  position: configuration.position,
  // The example's location entry has link: "", which Typst 0.14 and later refuse: an
  // internal link to the page's top instead.
  links: configuration.contacts.links + (
    (name: "location", link: (page: 1, x: 0pt, y: 0pt), display: configuration.contacts.address),
  ),
  tagline: (configuration.tagline),
  [
    == Experience

    #for job in configuration.jobs [
      === #job.position \\
      _#(job.company)_ \\
      #term[#job.from --- #job.to][#job.location]

      #for point in job.description [
        - #point
      ]
    ]
  ],
  [
    == Education

    #for edu in configuration.education [
      === #edu.place \\

      #edu.from - #edu.to

      #edu.degree

    ]

    #for group in configuration.skills [
      == #group.name

      #for item in group.items [
        • #item
      ]

    ]
  ]
)
""".replace("PAPER", paper(document))
    return {"main.typ": main, "configuration.yaml": json.dumps(configuration, ensure_ascii=False, indent=1) + "\n",
            "icons/phone.svg": (FONTAWESOME6 / "svgs" / "solid" / "phone.svg").read_bytes()}, {}


def neatcv(document: dict[str, Any], family: str) -> tuple[dict[str, str | bytes], dict[str, Any]]:
    """neat-cv: a dark band across the top with the centred name (light first name, medium
    last name) and the label in small caps; below it a narrow sidebar (about me, contact
    details with icons, each skill group as a heading over pills, the profile links with
    round icons at its foot) beside the main column, whose small-caps headings run into a
    rule; each entry has its dates in a grey column on the left, the title (semibold) over
    the company in small caps with a location pin and the place at the right (the pin
    stands alone for the schools); a footer with the page count, the name and the date.
    Education comes before experience, as in the template's example. The sidebar is set
    wider than its default 4cm (the template's side-width), so that the email addresses fit
    on one line: at 4cm a hyphenated one breaks at its hyphen."""
    basics = document["basics"]
    first, last = split_name(basics["name"])
    author: dict[str, Any] = {"firstname": first, "lastname": last, "email": basics["email"],
                              "address": place(document, family), "phone": basics["phone"],
                              "position": basics["label"]}
    links = []
    # social-links() shows them in this order, whatever the order given.
    if basics["url"]:
        author["website"] = basics["url"]
        links.append(basics["url"])
    if profile(document, "github"):
        author["github"] = handle(profile(document, "github"))
        links.append("https://github.com/" + author["github"])
    if profile(document, "linkedin"):
        author["linkedin"] = handle(profile(document, "linkedin"))
        links.append("https://www.linkedin.com/in/" + author["linkedin"])
    lines = ['#import "@preview/neat-cv:0.1.0": cv, side, entry, item-pills, social-links, contact-info', "",
             "#show: cv.with(", f"  author: {dict_literal(author)},", '  accent-color: rgb("#4682b4"),',
             f'  paper-size: "{paper(document)}",', "  side-width: 4.6cm,", ")", "", "#side[", "  = About me",
             f"  #{s(basics['summary'])}", "", "  = Contact", "  #contact-info()", ""]
    for group in document["skills"]:
        lines += [f"  = #{s(group['name'])}", f"  #item-pills({dict_literal(group['keywords'])})", ""]
    lines += ["  #v(1fr)", "  #social-links()", "]", "", "= Education", ""]
    for school in document["education"]:
        lines += ["#entry(", f"  title: {s(rendered._degree(school))},",
                  f"  date: \"{school['startDate'][:4]} - {school['endDate'][:4]}\",",
                  f"  institution: {s(school['institution'])},", '  location: "",', "  [],", ")", ""]
    lines += ["= Professional Experience", ""]
    for job in document["work"]:
        start, end = dates(job, document)
        lines += ["#entry(", f"  title: {s(job['position'])},", f"  date: {s(f'{start} - {end}')},",
                  f"  institution: {s(job['name'])},", f"  location: {s(job['location'])},", ")["]
        lines += [f"  - #{s(highlight)}" for highlight in job["highlights"]]
        lines += ["]", ""]
    return {"main.typ": "\n".join(lines) + "\n"}, {"links": links}


def modernresume(document: dict[str, Any], family: str) -> tuple[dict[str, str | bytes], dict[str, Any]]:
    """modern-resume: a dark header band with the name, the label in the accent colour and
    the summary, over a second band with the contact details in two columns of white icon
    lines (links followed by an outbound-link icon); then the page in two columns: the
    accent-coloured, underlined all-caps headings, each entry's title large and bold over
    the company, the italic dates in the accent colour and an italic label over the
    highlights; education and experience fill the left column and the skills, as filled
    pills, the right one, as in the template's example. The template sets A4 paper."""
    basics = document["basics"]
    contact = [("email", f"link({s('mailto:' + basics['email'])})[#{s(basics['email'])}]"),
               ("mobile", s(basics["phone"])), ("location", s(place(document, family)))]
    links = []
    if profile(document, "linkedin"):
        url = profile(document, "linkedin")
        contact.append(("linkedin", f"link({s(url)})[#{s('linkedin/' + handle(url))}]"))
        links.append(url)
    if profile(document, "github"):
        url = profile(document, "github")
        contact.append(("github", f"link({s(url)})[#{s('github.com/' + handle(url))}]"))
        links.append(url)
    if basics["url"]:
        contact.append(("website", f"link({s(basics['url'])})[#{s(bare(basics['url']))}]"))
        links.append(basics["url"])
    lines = ['#import "@preview/modern-resume:1.0.0": modern-resume, experience, project, pill', "",
             "#let custom-theme = (", '  primary: rgb("#313C4E"),', '  secondary: rgb("#222A33"),',
             '  accentColor: rgb("#449399"),', '  textPrimary: rgb("#000000"),', '  textSecondary: rgb("#7C7C7C"),',
             '  textMuted: rgb("#ffffff"),', ")", "", "#show: modern-resume.with(",
             f"  author: {s(basics['name'])},", f"  job-title: {s(basics['label'])},",
             f"  bio: {s(basics['summary'])},", "  contact-options: ("]
    lines += [f"    {key}: {value}," for key, value in contact]
    lines += ["  ),", "  theme: custom-theme,", ")", "", "== Education", ""]
    for school in document["education"]:
        lines += ["#experience(", f"  title: {s(rendered._degree(school))},",
                  f"  subtitle: {s(school['institution'])},", "  task-description: [],",
                  f"  date-from: \"{school['startDate'][:4]}\",", f"  date-to: \"{school['endDate'][:4]}\",",
                  '  label: "",', "  theme: custom-theme,", ")", ""]
    lines += ["== Work experience", ""]
    for job in document["work"]:
        start, end = dates(job, document)
        lines += ["#experience(", f"  title: {s(job['position'])},", f"  subtitle: {s(job['name'])},",
                  "  task-description: ["]
        lines += [f"    - #{s(highlight)}" for highlight in job["highlights"]]
        lines += ["  ],", f"  date-from: {s(start)},", f"  date-to: {s(end)},", '  label: "Achievements/Tasks",',
                  "  theme: custom-theme,", ")", ""]
    lines += ["#colbreak()", "", "== Skills", ""]
    lines += [f"#pill({s(keyword)}, fill: true, theme: custom-theme)"
              for group in document["skills"] for keyword in group["keywords"]]
    return {"main.typ": "\n".join(lines) + "\n"}, {"links": links}


def grotesk(document: dict[str, Any], family: str) -> tuple[dict[str, str | bytes], dict[str, Any]]:
    """grotesk-cv: on a beige page, the name in extra-bold over the label in italics and
    the contact details (address, telephone, email, then the profile links by their
    labels) in a grid of two columns without icons (the template's default), then two
    panes: summary, experience and education in the wide left one, each entry's title (or
    degree) bold with the dates bold italic at the right and "Company, Place" in italics
    under it; skills (each group a heading over two columns of shaded tags) and languages
    in the narrow right one. Laid out as the template's cv.typ does: info.toml and one
    content/<section>.typ file per section. A grey silhouette stands in for the round
    profile photo at the top right, as the template's cv.typ shows one (use-photo: true;
    without it a yellow dot is drawn there and the contact grid takes three columns). Hanken
    Grotesk, the OFL family that HK Grotesk became, stands for the template's "HK Grotesk",
    which is not to be had here."""
    basics = document["basics"]
    first, last = split_name(basics["name"])
    links = [url for url in ([basics["url"]] if basics["url"] else [])
             + [profile(document, "linkedin"), profile(document, "github")] if url]
    toml = ["[personal]", f"first_name = {toml_string(first)}", f"last_name = {toml_string(last)}",
            'profile_image = "avatar.svg"', 'language = "en"', "include_icons = false", "",
            "[personal.info]", f"address = {toml_string(place(document, family))}",
            f"telephone = {toml_string(basics['phone'])}", "", "[personal.info.email]",
            f"link = {toml_string('mailto:' + basics['email'])}", f"label = {toml_string(basics['email'])}"]
    for key, url in (("homepage", basics["url"]), ("linkedin", profile(document, "linkedin")),
                     ("github", profile(document, "github"))):
        if url:
            toml += ["", f"[personal.info.{key}]", f"link = {toml_string(url)}", f"label = {toml_string(bare(url))}"]
    toml += ["", "[personal.icon]", 'address = "house"', 'telephone = "phone"', 'email = "envelope"',
             'linkedin = "linkedin"', 'github = "github"', 'homepage = "globe"', "",
             "[personal.ia]", "inject_ai_prompt = false", "inject_keywords = false", "keywords_list = []", "",
             "[section.icon]", 'education = "graduation-cap"', 'experience = "briefcase"', 'languages = "language"',
             'profile = "id-card"', 'skills = "cogs"', "",
             "[layout]", 'fill_color = "#f4f1eb"', f'paper_size = "{paper(document)}"', 'accent_color = "#d4d2cc"',
             'left_pane_width = "71%"', "", "[layout.text]", 'font = "Hanken Grotesk"', 'size = "10pt"',
             'cover_letter_size = "11pt"', "", "[layout.text.color]", 'light = "#ededef"', 'medium = "#78787e"',
             'dark = "#3c3c42"', "", "[language.en]", f"subtitle = {toml_string(basics['label'])}",
             'ai_prompt = ""', 'cv_document_name = "Resume"', 'cover_letter_document_name = "Cover letter"', "",
             "[import]", 'fontawesome = "@preview/fontawesome:0.5.0"']

    def section(key: str, heading: str, imported: str, body: list[str]) -> str:
        return "\n".join(['#let meta = toml("../info.toml")', "",
                          *([f'#import "@preview/grotesk-cv:1.0.5": {imported}'] if imported else []),
                          "#import meta.import.fontawesome: *", "", f"#let icon = meta.section.icon.{key}",
                          "#let include-icon = meta.personal.include_icons", "",
                          f"= #if include-icon [#fa-icon(icon) #h(5pt)] {heading}", "", "#v(5pt)", "",
                          *body]) + "\n"

    experience: list[str] = []
    for position, job in enumerate(document["work"]):
        start, end = dates(job, document)
        if position:
            experience += ["#v(5pt)", ""]
        experience += ["#experience-entry(", f"  title: {s(job['position'])},", f"  date: {s(f'{start} - {end}')},",
                       f"  company: {s(job['name'])},", f"  location: {s(job['location'])},", ")", ""]
        experience += [f"- #{s(highlight)}" for highlight in job["highlights"]]
        experience.append("")
    education: list[str] = []
    for school in document["education"]:
        education += ["#education-entry(", f"  degree: {s(rendered._degree(school))},",
                      f"  date: \"{school['startDate'][:4]} - {school['endDate'][:4]}\",",
                      f"  institution: {s(school['institution'])},", ")", ""]
    skills = ["#let accent-color = meta.layout.accent_color", ""]
    for group in document["skills"]:
        skills += [f"=== #{s(group['name'])}", "",
                   f"#skill-entry(accent-color, true, center, skills: {dict_literal(group['keywords'])})", ""]
    languages = [f"#language-entry(language: {s(item['language'])}, proficiency: {s(item['fluency'])})"
                 for item in document.get("languages", [])]
    main = """#let meta = toml("./info.toml")

#import "@preview/grotesk-cv:1.0.5": cv
#let photo = image(width: 100%, height: 100%, "./img/" + meta.personal.profile_image)

#let import-sections(
  sections,
) = {
  for section in sections {
    include {
      "content/" + section + ".typ"
    }
  }
}

#let left-pane = (
  "profile",
  "experience",
  "education",
)

#let right-pane = (
  "skills",
  LANGUAGES
)

#show: cv.with(
  meta,
  photo: photo,
  use-photo: true,
  left-pane: import-sections(left-pane),
  right-pane: import-sections(right-pane),
  left-pane-proportion: eval(meta.layout.left_pane_width),
)
""".replace("LANGUAGES", '"languages",' if languages else "")
    files: dict[str, str | bytes] = {
        "main.typ": main, "info.toml": "\n".join(toml) + "\n", "img/avatar.svg": avatar(),
        "content/profile.typ": section("profile", "Summary", "", [f"#{s(basics['summary'])}"]),
        "content/experience.typ": section("experience", "Experience", "experience-entry", experience),
        "content/education.typ": section("education", "Education", "education-entry", education),
        "content/skills.typ": section("skills", "Skills", "skill-entry", skills),
    }
    if languages:
        files["content/languages.typ"] = section("languages", "Languages", "language-entry", languages)
    return files, {"links": links}


def modernercv(document: dict[str, Any], family: str) -> tuple[dict[str, str | bytes], dict[str, Any]]:
    """moderner-cv (the moderncv look): the name large at the top left over the label in
    grey, the contact details stacked at the top right with icons (email, phone, the
    LinkedIn and GitHub user names, the website, the address); section headings in blue
    beside a blue bar in the left column; each entry with its dates right-aligned in the
    left column and "Title, Company, Place" on one line (title bold, company italic), the
    highlights below; skills as group/items pairs, two to a row, and languages likewise;
    the name and the date in the page foot. The summary, which the template's example
    does not have, is a line of its own under a heading."""
    basics = document["basics"]
    social: list[tuple[str, str]] = [("email", s(basics["email"])), ("phone", s(basics["phone"]))]
    links = []
    if profile(document, "linkedin"):
        social.append(("linkedin", s(handle(profile(document, "linkedin")))))
        links.append("https://linkedin.com/in/" + handle(profile(document, "linkedin")))
    if profile(document, "github"):
        social.append(("github", s(handle(profile(document, "github")))))
        links.append("https://github.com/" + handle(profile(document, "github")))
    if basics["url"]:
        social.append(("website", f"(\"link\", {s(basics['url'])}, {s(bare(basics['url']))})"))
        links.insert(0, basics["url"])
    social.append(("address", s(place(document, family))))
    lines = ['#import "@preview/moderner-cv:0.2.1": *', "", "#show: moderner-cv.with(",
             f"  name: {s(basics['name'])},", f"  subtitle: {s(basics['label'])},", '  lang: "en",',
             f'  paper: "{paper(document)}",', "  social: ("]
    lines += [f"    {key}: {value}," for key, value in social]
    lines += ["  ),", ")", "", "= Summary", "", f"#cv-line[][#{s(basics['summary'])}]", "", "= Experience", ""]
    for job in document["work"]:
        start, end = dates(job, document)
        lines += ["#cv-entry-multiline(", f"  date: [#{s(start)} -- #{s(end)}],", f"  title: [#{s(job['position'])}],",
                  f"  employer: [#{s(job['name'])}],", f"  [#{s(job['location'])}],", "  ["]
        lines += [f"    - #{s(highlight)}" for highlight in job["highlights"]]
        lines += ["  ],", ")"]
    lines += ["", "= Education", ""]
    for school in document["education"]:
        lines += ["#cv-entry(", f"  date: [{school['startDate'][:4]} -- {school['endDate'][:4]}],",
                  f"  title: [#{s(rendered._degree(school))}],", f"  employer: [#{s(school['institution'])}],", ")"]

    def pairs(items: list[tuple[str, str]]) -> list[str]:
        found = []
        for start in range(0, len(items) - 1, 2):
            (left_1, right_1), (left_2, right_2) = items[start:start + 2]
            found.append(f"#cv-double-item[#{s(left_1)}][#{s(right_1)}][#{s(left_2)}][#{s(right_2)}]")
        if len(items) % 2:
            found.append(f"#cv-line[#{s(items[-1][0])}][#{s(items[-1][1])}]")
        return found

    lines += ["", "= Skills", ""]
    lines += pairs([(group["name"], ", ".join(group["keywords"])) for group in document["skills"]])
    if document.get("languages"):
        lines += ["", "= Languages", ""]
        lines += pairs([(item["language"], item["fluency"]) for item in document["languages"]])
    return {"main.typ": "\n".join(lines) + "\n"}, {"links": links}


def vercanard(document: dict[str, Any], family: str) -> tuple[dict[str, str | bytes], dict[str, Any]]:
    """vercanard: a band of the accent colour across the top with the name and the label
    in capitals; a tinted sidebar, the right third of the page, down its whole height,
    whose capitalised headings and unmarked, right-aligned list items give the contact
    details (email, phone, place, then the web addresses), one heading per skill group
    over its keywords, and the languages ("English : Fluent", as in the template's
    example); in the main column, capitalised headings running into a rule, each entry the
    template's entry(title, description, details): the title as a heading, the company
    over the highlights, then the details line in grey under them, "dates — place" as the
    template's README writes "2023 — Typst". The template has no place for a summary: it
    is a "Profile" section of its own, first in the main column. Set as the template's
    main.typ (accent f3bc54, margin 2.6cm), in Inria Sans, the template's font."""
    basics = document["basics"]
    contact = [f"  - #link({s('mailto:' + basics['email'])})", f"  - #{s(basics['phone'])}",
               f"  - #{s(place(document, family))}"]
    links = []
    for url, shown in ((basics["url"], bare(basics["url"])),
                       (profile(document, "linkedin"), "linkedin.com/in/" + handle(profile(document, "linkedin"))),
                       (profile(document, "github"), "github.com/" + handle(profile(document, "github")))):
        if url:
            contact.append(f"  - #link({s(url)})[#{s(shown)}]")
            links.append(url)
    aside = ["  = Contact", "", *contact, ""]
    for group in document["skills"]:
        aside += [f"  = #{s(group['name'])}", ""] + [f"  - #{s(keyword)}" for keyword in group["keywords"]] + [""]
    if document.get("languages"):
        aside += ["  = Languages", ""]
        aside += [f"  - #{s(item['language'] + ' : ' + item['fluency'].lower())}" for item in document["languages"]]
    lines = [f'#set page(paper: "{paper(document)}")', '#import "@preview/vercanard:1.0.2": *', "#show: resume.with(",
             f"  name: {s(basics['name'])},", f"  title: {s(basics['label'])},", '  accent-color: rgb("f3bc54"),',
             "  margin: 2.6cm,", "  aside: [", *aside, "  ]", ")", "", "= Profile", "", f"#{s(basics['summary'])}", "",
             "= Experience", ""]
    for job in document["work"]:
        start, end = dates(job, document)
        body = [f"  #{s(job['name'])}", ""] + [f"  - #{s(highlight)}" for highlight in job["highlights"]]
        lines += [f"#entry[#{s(job['position'])}][", *body, f"][#{s(f'{start} – {end} — ' + job['location'])}]", ""]
    lines += ["= Education", ""]
    for school in document["education"]:
        years = f"{school['startDate'][:4]} – {school['endDate'][:4]}"
        lines += [f"#entry[#{s(rendered._degree(school))}][#{s(school['institution'])}][#{s(years)}]", ""]
    return {"main.typ": "\n".join(lines) + "\n"}, {"links": links}


def minimalcv(document: dict[str, Any], family: str) -> tuple[dict[str, str | bytes], dict[str, Any]]:
    """minimal-cv: the name large in the accent colour over the label in grey, then a wide
    main column and a narrow aside, each section a heading over a thick rule and each entry
    the template's entry(): an italic gutter on the left (the years, "2021 - now", in the
    main column as in the template's example; the field or group names in the aside), then
    the title as a heading with, floated to its right, "*@Company* -- Place" as the example
    writes it (just "*@School*" for the schools, which have no place here), then the
    highlights. The aside holds the contact details as the example's labelled entries
    (Home, Phone, Email, then Website, LinkedIn as "in/<user>" and GitHub), the skill
    groups (name in the gutter, keywords as the body, as the example's "Ops" rows do) and
    the languages ("Fluent" in the gutter); a summary, which the example has not, is the
    first section of the main column. Inria Sans, the template's font. The template prints
    years only: the truth's dates are years, the current position's end "present"."""
    basics = document["basics"]
    contact = [("Home", s(place(document, family))), ("Phone", s(basics["phone"])),
               ("Email", f"link({s('mailto:' + basics['email'])}, {s(basics['email'])})")]
    links = []
    linkedin, github = profile(document, "linkedin"), profile(document, "github")
    for label, url, shown in (("Website", basics["url"], bare(basics["url"])),
                              ("LinkedIn", linkedin, "in/" + handle(linkedin)),
                              ("GitHub", github, "github.com/" + handle(github))):
        if url:
            contact.append((label, f"link({s(url)}, {s(shown)})"))
            links.append(url)

    def entry(gutter: str, title: str, body: str, right: str = "", indent: str = "      ") -> list[str]:
        return [f"{indent}entry(", *([f"{indent}  right: {right},"] if right else []), f"{indent}  {gutter},",
                f"{indent}  {title},", f"{indent}  {body},", f"{indent})"]

    aside = ["    section(", '      "Contact",', "      {"]
    for label, value in contact:
        aside += entry(s(label), value, "none", indent="        ")
    aside += ["      },", "    )", "", "    section(", '      "Skills",', "      {"]
    for group in document["skills"]:
        aside += entry(s(group["name"]), "none", f"[#{s(', '.join(group['keywords']))}]", indent="        ")
    aside += ["      },", "    )"]
    if document.get("languages"):
        aside += ["", "    section(", '      "Languages",', "      {"]
        for item in document["languages"]:
            aside += entry(s(item["fluency"]), s(item["language"]), "none", indent="        ")
        aside += ["      },", "    )"]
    lines = ['#import "@preview/minimal-cv:0.1.0": *', "", f'#set page(paper: "{paper(document)}")', "",
             "#show: cv.with(", "  theme: (font-size: 9pt, main-gutter-width: 54pt),",
             f"  title: {s(basics['name'])},", f"  subtitle: {s(basics['label'])},",
             "  aside: {", *aside, "  }", ")", "", "#section(", '  "Summary",', "  {",
             *entry("none", "none", f"[#{s(basics['summary'])}]", indent="    "), "  },", ")", "",
             "#section(", '  "Professional Experience",', "  {"]
    experience = []
    for job in document["work"]:
        start, end = job["startDate"][:4], ("now" if job["meta_end"] == "present" else job["meta_end"][:4])
        items = "".join(f"        {s(highlight)},\n" for highlight in job["highlights"])
        lines += entry(s(f"{start} - {end}"), s(job["position"]), f"[\n        #list(\n{items}        )\n      ]",
                       right=f"[*#{s('@' + job['name'])}* -- #{s(job['location'])}]", indent="    ")
        experience.append({"title": job["position"], "company": job["name"], "location": job["location"],
                           "start": start, "end": "present" if end == "now" else end,
                           "highlights": job["highlights"]})
    lines += ["  },", ")", "", "#section(", '  "Educational Background",', "  {"]
    for school in document["education"]:
        lines += entry(s(f"{school['startDate'][:4]} - {school['endDate'][:4]}"), s(rendered._degree(school)), "none",
                       right=f"[*#{s('@' + school['institution'])}*]", indent="    ")
    lines += ["  },", ")"]
    return {"main.typ": "\n".join(lines) + "\n"}, {"links": links, "experience": experience}


def chicv(document: dict[str, Any], family: str) -> tuple[dict[str, str | bytes], dict[str, Any]]:
    """chicv: the template's own cv.typ (its preamble kept as it is: Linux Biolinum headings,
    underlined links, justified text, the chiline() rule under each heading) filled as its
    example is: the name as the first heading, a "|"-separated contact line (email, phone,
    place, then the web addresses as underlined links); each entry "*Company*" with the
    dates at the right, then the title with the place at the right, then the highlights;
    "*School*" with the years, the degree under it; the template's "Last Updated in" line
    at the end. The example has no summary or skills: a "Summary" section first and a
    "Skills" section of "*Group*: keywords" lines, in the template's markup."""
    basics = document["basics"]
    template = _git_blob(CHICV[0], CHICV[1], "template/cv.typ").decode("utf-8")
    # Its heading font, "Linux Biolinum", is installed (fonts-linuxlibertine) as "Linux Biolinum O".
    preamble = template[:template.index("\n= ")].rstrip().replace('"Linux Biolinum"', '"Linux Biolinum O"')
    contact = [f"#link({s('mailto:' + basics['email'])})[#{s(basics['email'])}]", f"#{s(basics['phone'])}",
               f"#{s(place(document, family))}"]
    links = []
    for url in (basics["url"], profile(document, "linkedin"), profile(document, "github")):
        if url:
            contact.append(f"#link({s(url)})[#{s(bare(url).removeprefix('www.'))}]")
            links.append(url)
    lines = [preamble, "", f'#set page(paper: "{paper(document)}")', "", f"= #{s(basics['name'])}", "",
             " |\n".join(contact), "", "== Summary", "#chiline()", "", f"#{s(basics['summary'])}", "",
             "== Work Experience", "#chiline()", ""]
    for job in document["work"]:
        start, end = dates(job, document)
        lines += [f"*#{s(job['name'])}* #h(1fr) #{s(start)} -- #{s(end)} \\",
                  f"#{s(job['position'])} #h(1fr) #{s(job['location'])} \\"]
        lines += [f"- #{s(highlight)}" for highlight in job["highlights"]]
        lines.append("")
    lines += ["== Education", "#chiline()", ""]
    for school in document["education"]:
        lines += [f"*#{s(school['institution'])}* #h(1fr) {school['startDate'][:4]} -- {school['endDate'][:4]} \\",
                  f"#{s(rendered._degree(school))}", ""]
    lines += ["== Skills", "#chiline()", ""]
    lines += [f"- *#{s(group['name'])}*: #{s(', '.join(group['keywords']))}" for group in document["skills"]]
    if document.get("languages"):
        languages = ", ".join(f"{item['language']} ({item['fluency'].lower()})" for item in document["languages"])
        lines.append(f"- *Languages*: #{s(languages)}")
    lines += ["", '#lastupdated("Jan 1, 2025")']
    return {"main.typ": "\n".join(lines) + "\n"}, {"links": links}


def attractive(document: dict[str, Any], family: str) -> tuple[dict[str, str | bytes], dict[str, Any]]:
    """attractive-typst-resume: its template.typ beside a main file written as its
    resume.typ (Mulish, theme 0F83C0, 10/15 mm margins): a header grid of the contact
    column (phone, email, place and the web addresses, links underlined in the theme
    colour, centred one per line) left of the name and the label in large capitals; then
    a left sidebar of a third of the width (skills, one sub-section per group, its name in
    bold capitals over its keywords joined by bullets; the languages likewise, the
    fluency under each) beside the main column, headings white on blue bands; each job
    the company in bold capitals with the place at the right, the title in bold italic
    blue with "(dates)" at the right, then the highlights; each school in bold capitals,
    the degree in italic blue, the years under it. The example has no summary: a
    "Profile" section, first in the main column. The example sets its education in the
    sidebar, where most school names wrap (the check needs them whole): it is the last
    section of the main column here."""
    basics = document["basics"]
    contact = [f"contact(text: {s(basics['phone'])})",
               f"contact(text: {s(basics['email'])}, link: {s('mailto:' + basics['email'])})",
               f"contact(text: {s(place(document, family))})"]
    links = []
    for url in (basics["url"], profile(document, "linkedin"), profile(document, "github")):
        if url:
            contact.append(f"contact(text: {s(bare(url).removeprefix('www.'))}, link: {s(url)})")
            links.append(url)

    def sub(indent: str, **fields: str) -> list[str]:
        return [f"{indent}subSection(", *[f"{indent}  {key}: {value}," for key, value in fields.items()], f"{indent}),"]

    def section(title: str, subsections: list[str]) -> list[str]:
        return ["    section(", f"      title: {s(title)},", "      content: (", *subsections, "      ),", "    ),"]

    work = []
    for job in document["work"]:
        start, end = dates(job, document)
        items = "".join(f"[#{s(highlight)}], " for highlight in job["highlights"])
        work += sub("        ", title=s(job["name"]), titleEnd=s(job["location"]), subTitle=s(job["position"]),
                    subTitleEnd=s(f"({start} – {end})"), content=f"list({items})")
    skills = []
    for group in document["skills"]:
        skills += sub("        ", title=s(group["name"]), content=f"{dict_literal(group['keywords'])}.join(\" • \")")
    education = []
    for school in document["education"]:
        education += sub("        ", title=f"[#set par(justify: false)\n#{s(school['institution'])}]",
                         subTitle=s(rendered._degree(school)),
                         content=f"[{school['startDate'][:4]} – {school['endDate'][:4]}]")
    sidebar = section("Skills", skills)
    if document.get("languages"):
        sidebar += section("Languages", [line for item in document["languages"]
                                         for line in sub("        ", title=s(item["language"]),
                                                         content=s(item["fluency"]))])
    lines = ['#import "template.typ": *', "", "#set page(", f'  paper: "{paper(document)}",',
             "  margin: (", "    left: 10mm,", "    right: 10mm,", "    top: 15mm,", "    bottom: 15mm", "  ),", ")",
             "", '#set text(font: "Mulish")', "", "#show: project.with(", '  theme: rgb("#0F83C0"),',
             f"  name: {s(basics['name'])},", f"  title: {s(basics['label'])},", "  contact: (",
             *[f"    {item}," for item in contact], "  ),", "  main: (",
             *section("Profile", sub("        ", content=f"[#{s(basics['summary'])}]")),
             *section("Work Experience", work), *section("Education", education), "  ),", "  sidebar: (",
             *sidebar, "  ),", ")"]
    return {"main.typ": "\n".join(lines) + "\n"}, {"links": links}


def linkedcv(document: dict[str, Any], family: str) -> tuple[dict[str, str | bytes], dict[str, Any]]:
    """linked-cv (LinkedIn look) as its template/main.typ: Roboto headings, Source Sans Pro
    8pt body (justified, no hyphenation), A4 as the template sets it; the centred name in
    large bold type over a "|"-separated line of the phone, email and the GitHub and
    LinkedIn user names (linked; the template shows no label, place or web site); the
    summary in the accent colour; headings with their first three letters in the accent
    colour, run into a rule; each employer a grey placeholder square (no logo) beside its
    name in bold and the time spent there ("2 yrs 1 mo", counted to 2025-01-01), then its
    roles as connected timeline frames, each the title in bold with "Mon YYYY — Mon YYYY"
    (or "— current") italic at the right over the highlights. Consecutive jobs at the same
    employer would share one employer line and one timeline (the template's own feature);
    the people of this family have none, so each job is an employer with one role, and the
    job's place is not shown. Education as the template's "Qualifications" table
    (qualification, grade "—", the end as "MM-YYYY", institution at the right); the
    skills, which the template has no component for, as a two-column table in the same
    styles under a "Skills" heading."""
    basics = document["basics"]
    first, last = split_name(basics["name"])
    github, linkedin = profile(document, "github"), profile(document, "linkedin")
    socials = {"email": basics["email"], "mobile": basics["phone"],
               "github": handle(github) if github else None, "linkedin": handle(linkedin) if linkedin else None}
    links = ([f"https://github.com/{handle(github)}"] if github else []) \
        + ([f"https://www.linkedin.com/in/{handle(linkedin)}"] if linkedin else [])

    def mm_yyyy(value: str) -> str:
        return "current" if value == "present" else f"{value[5:7]}-{value[:4]}"

    lines = ['#import "@preview/linked-cv:0.1.0": *', "", "#show: linked-cv.with(",
             f"  firstname: {s(first)},", f"  lastname: {s(last)},", f"  socials: {dict_literal(socials)},",
             "  accent-colour: colours.accent,", '  fonts: (headings: "Roboto", body: "Source Sans Pro"),', ")", "",
             "#set text(size: 8pt, hyphenate: false)", "#set par(justify: true, leading: 0.52em)", "",
             f"#typography.summary({s(basics['summary'])})", "",
             '#components.section("Experience")', ""]
    groups: list[list[dict[str, Any]]] = []
    for job in document["work"]:  # most recent first
        if groups and groups[-1][-1]["name"] == job["name"]:
            groups[-1].append(job)
        else:
            groups.append([job])
    for number, group in enumerate(groups, 1):
        span = f"({s(mm_yyyy(group[-1]['startDate'][:7]))}, {s(mm_yyyy(group[0]['meta_end']))})"
        lines += ["#components.employer-info(", "  none,", f"  name: {s(group[0]['name'])},",
                  f"  duration: {span},", ")", "", "#frame.connected-frames(", f'  "employer-{number}",']
        for job in group:
            lines += ["  (", f"    title: [#{s(job['position'])}],",
                      f"    duration: ({s(mm_yyyy(job['startDate'][:7]))}, {s(mm_yyyy(job['meta_end']))}),",
                      "    body: ["]
            lines += [f"      - #{s(highlight)}" for highlight in job["highlights"]]
            lines += ["    ]", "  ),"]
        lines += [")", ""]
    lines += ['#components.section("Qualifications")', "", "#table(", "  columns: (30%, 15%, 15%, 40%),",
              "  align: (left, left, left, right),", "  stroke: none,",
              '  ..(("Qualification", "Grade", "Date", "Institution").map(typography.table-header)),',
              "  table.hline(stroke: 0.5pt + colours.gray.lighten(60%)),", "  ..(for item in ("]
    for school in document["education"]:
        lines.append(f"    ({s(rendered._degree(school))}, \"\u2014\", {s(mm_yyyy(school['endDate'][:7]))}, "
                     f"{s(school['institution'])}),")
    lines += ["  ) {", "    components.qualification(..item)", "  })", ")", "", '#components.section("Skills")', "",
              "#table(", "  columns: (30%, 70%),", "  stroke: none,"]
    for group in document["skills"]:
        lines.append(f"  typography.table-header({s(group['name'])}), "
                     f"text(size: 8pt, fill: colours.graytext, {s(', '.join(group['keywords']))}),")
    lines.append(")")
    truth = rendered.truth_of(document, "", "", "")
    return {"main.typ": "\n".join(lines) + "\n"}, {
        "location": "", "links": links,
        "experience": [{**job, "location": ""} for job in truth["experience"]],
        "education": [{**school, "start": ""} for school in truth["education"]]}


def modernpro(document: dict[str, Any], family: str) -> tuple[dict[str, str | bytes], dict[str, Any]]:
    """modernpro-cv ("inspired by Deedy-Resume") as its template/cv-double.typ: PT Sans,
    the example's margins and page head ("continue-header"): the name large and bold,
    centred, over the place (the template's "address" line) and a "|"-separated line of
    Font Awesome icons before the phone, email and web addresses (linked); a page foot of
    "Last updated: 2025-01-01", the name and "Page 1 / 1" in small italics; then a grid of
    a narrow left column (a third) and a wide right one, headings in bold capitals over a
    rule: left "About" (the summary), "Skills" ("**Group:** keywords" in light type, one
    line per group) and "Languages" (language with the fluency at the right, as the
    template's oneline-two); right "Experience", each job the title in semibold with the
    place in italics at the right, the company in italics with "Mon YYYY - Mon YYYY" at
    the right, the highlights as a list; "Education", each school in bold with the years
    at the right, the degree in italics under it."""
    basics = document["basics"]
    contacts = [f'(text: [#fa-icon("mobile") #{s(basics["phone"])}], link: {s("tel:" + basics["phone"])})',
                f'(text: [#fa-icon("envelope") #{s(basics["email"])}], link: {s("mailto:" + basics["email"])})']
    links = []
    for url, icon in ((basics["url"], "link"), (profile(document, "linkedin"), "linkedin"),
                      (profile(document, "github"), "github")):
        if url:
            contacts.append(f'(text: [#fa-icon({s(icon)}) #{s(bare(url).removeprefix("www."))}], link: {s(url)})')
            links.append(url)
    lines = ['#import "@preview/modernpro-cv:1.3.0": *', '#import "@preview/fontawesome:0.6.0": *', "",
             f'#set page(paper: "{paper(document)}")', "", "#show: cv-double(", '  font-type: "PT Sans",',
             '  continue-header: "true",', "  margin: (left: 1.5cm, right: 1.5cm, top: 2.2cm, bottom: 1.8cm),",
             f"  name: [#{s(basics['name'])}],", f"  address: [#{s(place(document, family))}],",
             '  lastupdated: "true",', '  pagecount: "true",', "  date: [2025-01-01],", "  contacts: (",
             *[f"    {item}," for item in contacts], "  ),", "  left: [", "    #let left-sections = (",
             '      section-block("about", title: "About")[', f"        #descript[#{s(basics['summary'])}]", "      ],",
             '      section-block("skills", title: "Skills")[']
    for group in document["skills"]:
        lines += ["        #oneline-title-item(", f"          title: {s(group['name'])},",
                  f"          content: [#{s(', '.join(group['keywords']))}],", "        )"]
    lines.append("      ],")
    order = ['"about"', '"skills"']
    if document.get("languages"):
        lines.append('      section-block("languages", title: "Languages")[')
        lines += [f"        #oneline-two(entry1: {s(item['language'])}, entry2: {s(item['fluency'])})"
                  for item in document["languages"]]
        lines.append("      ],")
        order.append('"languages"')
    lines += ["    )", "", f"    #let left-order = ({', '.join(order)})", "",
              "    #render-sections(sections: left-sections, order: left-order)", "  ],", "", "  right: [",
              "    #let right-sections = (", '      section-block("experience", title: "Experience")[']
    for index, job in enumerate(document["work"]):
        start, end = dates(job, document)
        if index:
            lines.append("        #subsectionsep")
        lines += ["        #job(", f"          position: {s(job['position'])},",
                  f"          institution: [#{s(job['name'])}],", f"          location: {s(job['location'])},",
                  f"          date: {s(f'{start} - {end}')},", "          description: ["]
        lines += [f"            - #{s(highlight)}" for highlight in job["highlights"]]
        lines += ["          ],", "        )"]
    lines += ["      ],", '      section-block("education", title: "Education")[']
    for index, school in enumerate(document["education"]):
        if index:
            lines.append("        #subsectionsep")
        lines += ["        #education(", f"          institution: [#{s(school['institution'])}],",
                  f"          major: [#{s(rendered._degree(school))}],",
                  f"          date: {s(school['startDate'][:4] + ' - ' + school['endDate'][:4])},", "        )"]
    lines += ["      ],", "    )", "", '    #let right-order = ("experience", "education")', "",
              "    #render-sections(sections: right-sections, order: right-order)", "  ],", ")"]
    return {"main.typ": "\n".join(lines) + "\n"}, {"links": links}


def pesha(document: dict[str, Any], family: str) -> tuple[dict[str, str | bytes], dict[str, Any]]:
    """pesha as its template/main.typ: Libertinus Serif 10pt, justified, wide side margins
    (14%); the name centred in Cantarell capitals with wide tracking, the place (the
    template's address line) and a grid of the phone and the email (linked), all in
    small tracked Cantarell capitals, as the example has them (the template shows no
    label and, in the example, no web address); headings in black small Cantarell
    capitals set in a gap of a thin rule; each entry the template's experience(): the
    company (the school) large at the left with the dates large at the right, then the
    title in italics with the job's place small at the right, then the highlights as a
    list; schools have no title or place, the degree as their one list item, as the
    example's "B.A. summa cum laude, Economics". The template has no summary or skills
    component: the summary is a "Profile" section of plain text first (as the example's
    last, free section), the skills a "Skills" list of "*Group*: keywords". The page foot
    is the example's "Surname Résumé — Page" in tracked capitals, with "1 of 2" after it
    when there are two pages (on one page the template shows the text alone)."""
    basics = document["basics"]
    first, last = split_name(basics["name"])
    lines = ['#import "@preview/pesha:0.4.0": *', "", "#show: pesha.with(", f"  name: {s(basics['name'])},",
             f"  address: {s(place(document, family))},", "  contacts: (", f"    [#{s(basics['phone'])}],",
             f"    [#link({s('mailto:' + basics['email'])})],", "  ),", f'  paper-size: "{paper(document)}",',
             f"  footer-text: [#{s(last or first)} Résumé --- Page#sym.space]", ")", "", "=== Profile",
             f"#{s(basics['summary'])}", "", "=== Experience"]
    for job in document["work"]:
        start, end = dates(job, document)
        lines += ["#experience(", f"  place: {s(job['name'])},", f"  title: {s(job['position'])},",
                  f"  time: [#{s(start)}--#{s(end)}],", f"  location: {s(job['location'])},", ")["]
        lines += [f"- #{s(highlight)}" for highlight in job["highlights"]]
        lines += ["]", ""]
    lines.append("=== Education")
    for school in document["education"]:
        lines += ["#experience(", f"  place: {s(school['institution'])},",
                  f"  time: [#{s(school['startDate'][:4])}--#{s(school['endDate'][:4])}],", ")[",
                  f"- #{s(rendered._degree(school))}", "]", ""]
    lines.append("=== Skills")
    lines += [f"- *#{s(group['name'])}*: #{s(', '.join(group['keywords']))}" for group in document["skills"]]
    return {"main.typ": "\n".join(lines) + "\n"}, {"links": []}


def clickworthy(document: dict[str, Any], family: str) -> tuple[dict[str, str | bytes], dict[str, Any]]:
    """clickworthy-resume 1.0.1 as its template/resume.typ: New Computer Modern 11pt, 1cm
    margins (at the foot too, as its cv.typ, where resume.typ has none), the paper of the
    person's convention; the name centred in large bold small capitals, a centred
    "  |  "-separated line of contacts (the phone, then the email and the web addresses
    linked in blue, shown without scheme as the example's "github.com/...", wrapping when
    long), the place in small capitals and the summary centred under it; headings in small
    capitals in the accent colour over a rule; education first as in the example: the
    school in bold over "**Degree** | _Area_", the months "Mon YYYY - Mon YYYY" italic at
    the right; then each job the title in bold over the company in italics, the dates
    italic at the right over the place, the highlights as a list; skills as the template's
    skills(): "**Group:** keywords" a line each. The template shows no label."""
    basics = document["basics"]
    contacts = [f"[#{s(basics['phone'])}]", f"[#link({s('mailto:' + basics['email'])})[#{s(basics['email'])}]]"]
    links = []
    for url in (basics["url"], profile(document, "github"), profile(document, "linkedin")):
        if url:
            contacts.append(f"[#link({s(url)})[#{s(bare(url).removeprefix('www.'))}]]")
            links.append(url)
    lines = ['#import "@preview/clickworthy-resume:1.0.1": *', "", f'#set page(paper: "{paper(document)}")', "",
             "#show: resume.with(", f"  author: {s(basics['name'])},", f"  location: {s(place(document, family))},",
             "  contacts: (", *[f"    {item}," for item in contacts], "  ),", f"  summary: {s(basics['summary'])},",
             '  theme-color: rgb("#26428b"),', '  font: "New Computer Modern",', "  font-size: 11pt,",
             '  lang: "en",', "  margin: (top: 1cm, bottom: 1cm, left: 1cm, right: 1cm),", ")", "", "= Education"]
    for school in document["education"]:
        start, end = month(school["startDate"][:7], document), month(school["endDate"][:7], document)
        lines += ["#edu(", f"  institution: {s(school['institution'])},", f"  date: {s(f'{start} - {end}')},",
                  f"  degrees: (({s(school['studyType'])}, {s(school['area'])}),),", ")", ""]
    lines.append("= Experience")
    for job in document["work"]:
        start, end = dates(job, document)
        lines += ["#exp(", f"  title: {s(job['position'])},", f"  organization: {s(job['name'])},",
                  f"  date: {s(f'{start} - {end}')},", f"  location: {s(job['location'])},", "  details: ["]
        lines += [f"    - #{s(highlight)}" for highlight in job["highlights"]]
        lines += ["  ],", ")", ""]
    lines += ["= Skills", "#skills(("]
    lines += [f"  ({s(group['name'])}, ({''.join(s(keyword) + ', ' for keyword in group['keywords'])})),"
              for group in document["skills"]]
    lines.append("))")
    return {"main.typ": "\n".join(lines) + "\n"}, {"links": links}


def resumeng(document: dict[str, Any], family: str) -> tuple[dict[str, str | bytes], dict[str, Any]]:
    """resume-ng as its template/main.typ: one dense column in Noto Serif CJK SC (the
    template's font and lang "zh", kept for these English resumes), justified, 1cm margins,
    the paper of the person's convention; the name centred in bold over a centred
    " | "-separated contact line of the phone, the email and the web addresses (linked,
    shown without scheme as the example's "github.com/fky2015"); headings with a rule under
    them, in the example's order: education, skills, work experience, summary. Each school
    "**School** | Area | Degree" with "start – end" months (as the person's convention
    writes them) placed at the right; skills as "*Group*: keywords" bullets; each job
    "**Company** | Title" with its dates at the right ("Present" for a current job, where
    the template's default is "今"), then the highlights as bullets; the summary and the
    languages as the bullets of the example's closing "个人总结" ("Summary"). The template
    shows no label, no place and no job place. A school without an area is the same
    resume-item() without the empty middle part (resume-education() would print
    "School |  | Degree")."""
    basics = document["basics"]
    contacts = [s(basics["phone"]), f"link({s('mailto:' + basics['email'])}, {s(basics['email'])})"]
    links = []
    for url in (basics["url"], *(item["url"] for item in basics["profiles"])):
        if url:
            contacts.append(f"link({s(url)}, {s(bare(url).removeprefix('www.'))})")
            links.append(url)
    lines = ['#import "@preview/resume-ng:1.0.0": *', "", f'#set page(paper: "{paper(document)}")', "",
             "#show: project.with(", f"  title: {s(basics['name'] + ' - Resume')},",
             f"  author: (name: {s(basics['name'])}),", "  contacts:", "    (",
             *[f"      {item}," for item in contacts], "    )", ")", "", '#resume-section("Education")']
    for school in document["education"]:
        start, end = month(school["startDate"][:7], document), month(school["endDate"][:7], document)
        if school["area"]:
            lines += ["#resume-education(", f"  university: {s(school['institution'])},",
                      f"  degree: {s(school['studyType'])},", f"  school: {s(school['area'])},",
                      f"  start: {s(start)},", f"  end: {s(end)}", ")[]", ""]
        else:
            lines += ["#resume-item(",
                      f"  left: array-to-str((strong({s(school['institution'])}), {s(school['studyType'])})),",
                      f"  right: resume-date({s(start)}, end: {s(end)}),", ")[]", ""]
    lines.append("#resume-section[Skills]")
    lines += [f"- *#{s(group['name'])}*: #{s(', '.join(group['keywords']))}" for group in document["skills"]]
    lines += ["", "#resume-section[Work Experience]"]
    for job in document["work"]:
        start, end = dates(job, document)
        lines += ["#resume-work(", f"  company: {s(job['name'])},", f"  duty: {s(job['position'])},",
                  f"  start: {s(start)},", f"  end: {s(end)},", ")["]
        lines += [f"- #{s(highlight)}" for highlight in job["highlights"]]
        lines += ["]", ""]
    lines += ["#resume-section[Summary]", "", f"- #{s(basics['summary'])}"]
    if document.get("languages"):
        languages = ", ".join(f"{item['language']} ({item['fluency'].lower()})" for item in document["languages"])
        lines.append(f"- #{s('Languages: ' + languages)}")
    truth = rendered.truth_of(document, "", "", "")
    return {"main.typ": "\n".join(lines) + "\n"}, {
        "location": "", "links": links, "experience": [{**job, "location": ""} for job in truth["experience"]]}



def bamboovir(document: dict[str, Any], family: str) -> tuple[dict[str, str | bytes], dict[str, Any]]:
    """bamboovir's typst-resume-template, its templates/latex/template.typ (the one its
    resume.typ imports and its Justfile builds by default; modelled on billryan's LaTeX
    résumé), beside a main file written as its resume.typ: A4, narrow margins (0.3 in at
    the sides, 0.2 in above and below), New Computer Modern 11pt (embedded in Typst; the
    repository's copies are not used), justified; the name centred, 25pt light, the
    label under it in small capitals (the template's "positions"), then one centred line
    of square icons before the phone, the email, the GitHub and the LinkedIn user names
    (linked; the template has no place for a web site or a personal place); headings in
    small capitals run into a rule; "Education" first: each school in bold (the GPA
    column at the right left empty: the people have none), the degree in small capitals
    with "start - end" months (the person's convention) at the right; "Experience": the
    company in bold with the place at the right, the title in small capitals with the
    dates at the right, the highlights as bullets; "Skills": a grid of each group in bold,
    right-aligned, beside its keywords joined by commas. The footer, in grey Source Sans
    Pro small capitals: the example's date (here the fixed "January 1, 2025") at the
    left, "First Last · Résumé" in the centre, the page number at the right. The example
    has no summary and no languages: none here."""
    basics = document["basics"]
    first, last = split_name(basics["name"])
    author = [f"firstname: {s(first)}", f"lastname: {s(last)}", f"email: {s(basics['email'])}",
              f"phone: {s(basics['phone'])}"]
    links = []
    for network in ("github", "linkedin"):
        if profile(document, network):
            author.append(f"{network}: {s(handle(profile(document, network)))}")
            links.append(profile(document, network))
    author.append(f"positions: ({s(basics['label'])},)")
    lines = ['#import "templates/latex/template.typ": *', "", "#show: resume.with(", "  author: (",
             *[f"      {item}," for item in author], "  ),", '  date: "January 1, 2025"', ")", "",
             '#resume_section("Education")', ""]
    for school in document["education"]:
        start, end = month(school["startDate"][:7], document), month(school["endDate"][:7], document)
        lines += ["#education_item[", f"  #{s(school['institution'])}", "][", f"  #{s(rendered._degree(school))}",
                  "][", "][", f"  #{s(f'{start} - {end}')}", "]", ""]
    lines += ['#resume_section("Experience")', ""]
    for job in document["work"]:
        start, end = dates(job, document)
        lines += ["#work_experience_item_header(", f"  {s(job['name'])},", f"  {s(job['location'])},",
                  f"  {s(job['position'])},", f"  {s(f'{start} - {end}')},", ")", "#resume_item["]
        lines += [f"  - #{s(highlight)}" for highlight in job["highlights"]]
        lines += ["]", ""]
    lines += ['#resume_section("Skills")', ""]
    for group in document["skills"]:
        lines += ["#skill_item(", f"  {s(group['name'])},", f"  {dict_literal(group['keywords'])}", ")"]
    # The template's icons are Font Awesome 6 SVGs marked as the Pro edition: the same icons of
    # the Free one (CC BY 4.0) under its file names.
    icons = {f"templates/latex/assets/icons/{name}.svg": (FONTAWESOME6 / "svgs" / kind / f"{icon}.svg").read_bytes()
             for name, kind, icon in (("linkedin", "brands", "linkedin"), ("square-github", "brands", "square-github"),
                                      ("square-envelope-solid", "solid", "square-envelope"),
                                      ("square-phone-solid", "solid", "square-phone"))}
    return {"main.typ": "\n".join(lines) + "\n", **icons}, {"location": "", "links": links}

RENDERERS: dict[str, Callable[[dict[str, Any], str], tuple[dict[str, str | bytes], dict[str, Any]]]] = {
    "typst-basic": basic,
    "typst-moderncv": moderncv,
    "typst-simpletechnical": simpletechnical,
    "typst-brilliant": brilliant,
    "typst-imprecv": imprecv,
    "typst-vantage": vantage,
    "typst-neatcv": neatcv,
    "typst-modernresume": modernresume,
    "typst-grotesk": grotesk,
    "typst-modernercv": modernercv,
    "typst-vercanard": vercanard,
    "typst-minimalcv": minimalcv,
    "typst-chicv": chicv,
    "typst-attractive": attractive,
    "typst-linkedcv": linkedcv,
    "typst-modernpro": modernpro,
    "typst-pesha": pesha,
    "typst-clickworthy": clickworthy,
    "typst-resumeng": resumeng,
    "typst-bamboovir": bamboovir,
}


# --- building -----------------------------------------------------------------------

def compile_pdf(files: dict[str, str | bytes], work: Path, packages: Path, family: str) -> bytes:
    import typst  # noqa: PLC0415  (the tools venv's, not the project's)

    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    if family == "typst-vantage":
        _export(VANTAGE[0], VANTAGE[1], work)
        for unused in ("example.typ", "example.pdf", "screenshot.png", "configuration.yaml"):
            (work / unused).unlink(missing_ok=True)
    if family == "typst-attractive":
        _export(ATTRACTIVE[0], ATTRACTIVE[1], work, "template.typ LICENSE")
    if family == "typst-bamboovir":
        _export(BAMBOOVIR[0], BAMBOOVIR[1], work, "LICENSE templates/latex/template.typ")
        template = work / "templates" / "latex" / "template.typ"
        text = template.read_text(encoding="utf-8")
        for before, after, _ in BAMBOOVIR_PATCHES:
            if before not in text:
                raise ValueError(f"typst-bamboovir: the template no longer has {before!r}")
            text = text.replace(before, after)
        template.write_text(text, encoding="utf-8")
    for name, content in files.items():
        target = work / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            target.write_text(content, encoding="utf-8")
        else:
            target.write_bytes(content)
    return typst.compile(str(work / "main.typ"), root=str(work),
                         font_paths=FONT_PATHS + FAMILY_FONT_PATHS.get(family, []),
                         package_path=str(packages), package_cache_path=str(packages), timestamp=TIMESTAMP)


def build(names: list[str] | None = None) -> None:
    names = names or [family.name for family in families.FAMILIES if family.toolchain == "typst"]
    with tempfile.TemporaryDirectory() as temporary:
        packages = lay_out_packages(Path(temporary) / "packages")
        for name in names:
            family = families.BY_NAME[name]
            for path in [*(families.FILES / name).glob("*"), *(families.TRUTHS / name).glob("*.json")]:
                path.unlink()
            for stem, document in families.people(family):
                files, shown = RENDERERS[name](document, name)
                pdf = compile_pdf(files, Path(temporary) / "work", packages, name)
                families.save(family, stem, document, {f"{stem}.pdf": pdf}, **shown)
            print(f"{name}: {len(families.people(family))} files")


def check(names: list[str] | None = None) -> None:
    """pdftotext -layout must show the truth's name, email, companies, titles and
    institutions (whitespace collapsed, case-insensitive)."""
    names = names or [family.name for family in families.FAMILIES if family.toolchain == "typst"]

    def norm(text: str) -> str:
        return re.sub(r"\s+", " ", text).casefold().strip()

    for name in names:
        passed, truths = 0, sorted((families.TRUTHS / name).glob("*.json"))
        for path in truths:
            truth = json.loads(path.read_text(encoding="utf-8"))
            text = norm(subprocess.run(["pdftotext", "-layout", str(families.FILES / name / truth["files"][0]), "-"],
                                       check=True, capture_output=True, text=True).stdout)
            wanted = [truth["name"], truth["email"]] + [job["company"] for job in truth["experience"]] \
                + [job["title"] for job in truth["experience"]] \
                + [school["institution"] for school in truth["education"]]
            missing = [item for item in wanted if norm(item) not in text]
            passed += not missing
            if missing:
                print(f"  {path.stem}: missing {missing}")
        print(f"{name}: {passed}/{len(truths)} pass")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="families (default: all typst-* families)")
    parser.add_argument("--check", action="store_true", help="only check the stored files with pdftotext")
    arguments = parser.parse_args()
    if not arguments.check:
        build(arguments.names)
    check(arguments.names)
