"""The candidate's name: capitalised words with the particles of surnames between them,
checked against the email address, which often spells it."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from analysis_worker.latin_spelling import fold
from analysis_worker.marks import bare, marks_added

from .contact_items import CONTACT_SEPARATOR
from .places import is_location, is_spaced_place
from .roles import is_job_title, is_title_word, words_of
from .sections import heading_kind
from .skills import canonical_skill

# Lower-case words that join the parts of a surname ("Pieter van der Berg", "Ana de los
# Santos", "Karl zu Guttenberg"), by the naming customs that write them apart. Any
# sequence of them may stand between two capitalised words of a name.
NAME_PARTICLES = frozenset({
    # Dutch and Flemish
    "van", "der", "den", "de", "het", "ter", "ten", "te", "'t", "’t", "vander", "vanden", "ver",
    # German and Austrian
    "von", "vom", "zu", "zum", "zur", "und", "auf", "am", "im",
    # French
    "du", "des", "la", "le", "les", "l'", "l’", "d'", "d’",
    # Spanish, Portuguese and Catalan
    "del", "los", "las", "da", "das", "do", "dos", "e", "y", "i",
    # Italian
    "di", "della", "delle", "dello", "degli", "dei", "dal", "dalla", "dalle", "dall'", "dall’", "dell'", "dell’",
    "lo", "li",
    # Arabic, Persian, Hebrew and Malay patronymics and articles
    "al", "el", "bin", "binti", "binte", "bint", "ibn", "abu", "abou", "ben", "bat", "ould", "ag", "ap",
    # Irish and Scottish
    "mac", "mc", "nic", "ní", "ni", "ó", "ua", "uí",
    # Scandinavian
    "af", "av",
})
_LONGEST_PARTICLE = max(map(len, NAME_PARTICLES))
# Prepositions that are particles only before an article ("op de Beeck", "in 't Veld",
# "auf der Heide"): alone they are the words of a sentence.
LEADING_PARTICLES = frozenset({"in", "op", "aan", "uit", "bij", "onder", "over", "voor", "auf"})
# Particles written against the surname: elided articles ("d'Alembert", "dell'Acqua") and
# Arabic articles and patronymics with a hyphen ("al-Rashid", "el-Amin"; the assimilated
# forms "ash-Shami", "ad-Din"). The rest of the word must be a capitalised name word.
JOINED_PARTICLES = (*(f"{elided}'" for elided in ("d", "l", "dall", "dell", "all", "sull", "nell")),
                    *(f"{article}-" for article in ("al", "el", "ul", "ad", "an", "ar", "as", "ash", "at", "az",
                                                    "bin", "ibn", "abu", "ben", "bint")))
_JOINED_PARTICLE = re.compile("^(?:" + "|".join(re.escape(particle).replace("'", "['’]")
                                                for particle in JOINED_PARTICLES) + ")", re.IGNORECASE)
# Words a name may have besides particles: given names and surnames.
_NAME_WORDS = range(2, 6)
# German spells umlauts out in addresses: "Jürgen" is "juergen@".
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
# Words of document titles and of the taglines some resumes open with ("Results Driven
# Sales Professional"), which are capitalised like names but never part of one.
_NOT_NAME = {"resume", "résumé", "cv", "curriculum", "vitae", "updated", "page", "confidential", "professional",
             "results", "driven", "experienced", "motivated", "passionate", "dedicated", "certified", "seeking",
             "summary", "portfolio", "profile", "objective", "years", "experience", "oriented", "focused",
             # The labels of contact details ("Personal Email", "Home Page", "Mobile Phone").
             "email", "e-mail", "phone", "telephone", "mobile", "address", "home", "homepage", "website",
             "linkedin", "github", "contact", "information", "details", "personal", "nationality", "birth"}


def _is_name_word(word: str) -> bool:
    """"José", "O'Neill", "Al-Sayed", "Łukasz", "JOHN", "J.", or one with its particle
    joined ("d'Alembert", "al-Rashid")."""
    if len(word) == 2 and word[1] == ".":
        return word[0].isupper()
    joined = _JOINED_PARTICLE.match(word)
    if joined and len(word) > joined.end():
        word = word[joined.end():]
    letters = word.replace("'", "").replace("’", "").replace("-", "")
    return word[0].isupper() and letters.isalpha()


def is_name(words: list[str]) -> bool:
    """Capitalised words, two to five, with particles between them (never first or last:
    "van Gogh" alone or "Anna de" is not a full name). Particles are lower-case, or in
    capitals when the whole name is."""
    capitals = " ".join(words).isupper()
    lowered = [word.lower() if capitals or word.islower() else "" for word in words]
    particles = [0 < index < len(words) - 1 and (
        word in NAME_PARTICLES
        or (word in LEADING_PARTICLES and lowered[index + 1] in NAME_PARTICLES | LEADING_PARTICLES))
        for index, word in enumerate(lowered)]
    if (len(words) - sum(particles)) not in _NAME_WORDS:
        return False
    return all(particle or _is_name_word(word) for word, particle in zip(words, particles, strict=True))


def _unglued(word: str) -> list[str]:
    """"vonHartmann" as "von", "Hartmann": some text layers lose the word gap inside a
    large name. Two-letter particles are left alone ("deGrasse" is a spelling)."""
    for length in range(min(len(word) - 2, _LONGEST_PARTICLE), 2, -1):
        if word[:length] in NAME_PARTICLES and word[length].isupper() and word[:length].isalpha():
            return [word[:length], word[length:]]
    return [word]


def _parted(word: str) -> list[str]:
    """Capitalised words run together, "JamalHaddad" as "Jamal", "Haddad": letter-spaced
    type closed up where the text layer kept no wider gap between its words ("J a m a l
    H a d d a d"). Asked only where the email address spells the words, so that
    "McDonald" keeps its capital inside."""
    if not word.isalpha() or not word[0].isupper():
        return [word]
    starts = [0] + [index for index in range(1, len(word)) if word[index].isupper() and word[index - 1].islower()]
    return [word[start:end] for start, end in itertools.pairwise([*starts, len(word)])]


# A generation's numeral ending a name ("John Smith III"), which stays in capitals.
_NUMERAL = re.compile(r"[IVX]+")


def _title_case(name: str) -> str:
    """The name with its words in capitals spelled as names are: capitals are typography,
    not spelling ("JOHN DOE" is "John Doe", "Helena BRANDT" is "Helena Brandt"). The
    particles inside a name are lower-case in the spelling capitals hide ("PIETER VAN DER
    BERG" is "Pieter van der Berg"); a numeral after the name stays ("III")."""
    words = name.split()
    last = len(words) - 1
    spelled = []
    for index, word in enumerate(words):
        # In a name of small letters, a capital alone is a word's spelling ("Niamh Ó Briain").
        if not word.isupper() or (len(word) == 1 and not name.isupper()) or (
                index == last > 1 and _NUMERAL.fullmatch(word)):
            spelled.append(word)
        elif 0 < index < last and word.lower() in NAME_PARTICLES | LEADING_PARTICLES:
            spelled.append(word.lower())
        else:
            spelled.append(word.title())
    return " ".join(spelled)


def name_among(lines: list[str]) -> str:
    """The name that opens the first line to open with one; "" when none does."""
    for line in lines:
        words = [piece for word in CONTACT_SEPARATOR.split(line)[0].split() for piece in _unglued(word)]
        candidate = " ".join(words)
        # A title, a heading or a tagline in the name's place means the name is not in the
        # text layer (drawn as graphics): no name is better than a wrong one.
        if not words or heading_kind(candidate) or is_job_title(candidate) or any(
                w.lower() in _NOT_NAME for w in words):
            continue
        if is_name(words):
            return candidate
    return ""


def best_name(found: str, lines: list[str], emails: list[str]) -> str:
    """The name found where names stand, checked against the email address
    (_checked_by_address), with the marks another line prints over its letters."""
    name = _checked_by_address(found, lines, emails)
    if not name:
        return name
    return _title_case(_marked_as_printed(name, lines))


def _marked_as_printed(name: str, lines: list[str]) -> str:
    """The name with the marks a run of words elsewhere prints over its bare letters: OCR
    loses a mark over large type that it reads in a running head or a contact line ("Anais
    Dupont" set large, "Anaïs Dupont CV · January 2025" in the footer)."""
    key = [bare(word.casefold()) for word in name.split()]
    for line in lines:
        words = _LETTER_WORD.findall(line)
        keys = [bare(word.casefold()) for word in words]
        for start in range(len(words) - len(key) + 1):
            if keys[start:start + len(key)] == key:
                marked = marks_added(name, " ".join(words[start:start + len(key)]))
                if marked != name:
                    return marked
    return name


# A word of letters, an apostrophe or a hyphen inside ("O'Neill", "Kim-Park"), without the
# punctuation around it ("Παπαδοπούλου:").
_LETTER_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def _checked_by_address(found: str, lines: list[str], emails: list[str]) -> str:
    """The name found where names stand, checked against the email address. Where the
    address spells none of its words but a name somewhere in the text, word for word, that
    name: a tagline or an employer set large in the name's place, or the name read into
    another line ("Dana Reyes Senior Engineer at Acme"). Where it spells the found name in
    part and another whole, the other (below); where it spells it whole, but for a letter
    lost at its edge or a stroke read as one (_mended), the found name with the address's
    word gaps. Without a name found, the best guess the address allows."""
    address = emails[0].split("@")[0] if emails else ""
    local = fold(address)
    if found and not local:
        return found
    if found and _spelled_in(found, local):
        if fold(mended := _mended(found, local)) == local:
            return _gapped_as(mended, address)
        # A name misread where it is set large ("Luca Idi Stefano"; "Luca Di Stefano" in
        # the running head). A shorter one is not taken ("Ana Santos" for "Ana Maria Santos"),
        # but where the rest is a line of its own that a stacked name took in ("Ingrid
        # Sørensen" over "Athens", set alike).
        spelled = _spelled_by(lines, address)
        under = found.removeprefix(spelled + " ")
        taken = spelled and (len(spelled.split()) >= len(found.split()) or under != found and under in lines)
        return spelled if taken else found
    # Where the address disagrees, a line that reads as a title, a place or skills is no
    # name: OCR or a drawn name left the name's place to the line under it.
    if found and _reads_as_other(found):
        found = ""
    return _spelled_by(lines, address) or found or _name_like_email(lines, local)


# What parts the words of an address's local part: "niamh.obriain", "jean_luc-picard2".
_ADDRESS_GAP = re.compile(r"[\W_\d]+")


def _gapped_as(name: str, address: str) -> str:
    """The name, whose letters the address spells, with its word gaps where the address
    has them: OCR misplaces the gaps of display type ("NiamhÓ Briain", "PIETERVAN DER
    BER G" for niamh.obriain@ and pieter.vanderberg@). A gap of the address inside a word is
    opened where a capital follows a small letter, inside capitals, or where a particle ends
    the word; a lone letter that ends the name (no surname is one) joins the word before
    where the address writes them together."""
    gaps = _gaps(address)
    words: list[str] = []
    starts: list[int] = []
    read = 0
    for word in name.split():
        # In capitals every letter starts a word as far as case tells ("VIKRAMSINGH").
        pieces = _parted_at(word, read, gaps, lambda piece, rest: rest.lower() in NAME_PARTICLES or (
            piece[-1].islower() and rest[0].isupper()) or (piece.isupper() and rest.isupper()))
        for piece in pieces:
            starts.append(read)
            read += len(fold(piece))
        words += pieces
    last = words[-1]
    if len(words) > 2 and len(last) == 1 and last.isalpha() and starts[-1] not in gaps:
        words[-2:] = [words[-2] + (last if words[-2].isupper() else last.lower())]
    return " ".join(words)


def _mended(name: str, local: str) -> str:
    """The name with a letter lost at its edge put back (_edge_mended) or a stroke read as
    a letter taken out (_stroke_dropped), where the address spells it so."""
    return next((mended for mended in (_edge_mended(name, local), _stroke_dropped(name, local))
                 if fold(mended) == local), name)


# What OCR reads for a stray stroke before a word: a rule, a bar or an icon's edge.
_STROKES = "Il|!1"


def _stroke_dropped(name: str, local: str) -> str:
    """The name without the one stroke the recognizer read as a letter opening a word
    ("PIETERVAN IDER BERG", "LUCA IDI STEFANO"), where the address spells the rest."""
    words = name.split()
    for index, word in enumerate(words):
        if len(word) > 2 and word[0] in _STROKES and word[1].isupper():
            dropped = " ".join([*words[:index], word[1:], *words[index + 1:]])
            if fold(dropped) == local:
                return dropped
    return name


def _edge_mended(name: str, local: str) -> str:
    """The name with the one letter the address has before or after all of its own put
    back: the recognizer loses a letter where the detected region cuts close ("Mateusz
    Kowalczy", "AMAL HADDAD"). Latin letters only, which the address spells as they are."""
    folded = fold(name)
    if len(local) != len(folded) + 1 or not name.isascii():
        return name
    if local.startswith(folded) and name[-1].isalpha():
        return name + (local[-1].upper() if name.isupper() else local[-1])
    if local.endswith(folded) and name[0].isalpha():
        first = local[0].upper()
        return first + (name if name.isupper() else name[0].lower() + name[1:])
    return name


def _gaps(address: str) -> set[int]:
    """Where the words of an address's local part part, in letters from its start."""
    return set(itertools.accumulate(len(fold(chunk)) for chunk in _ADDRESS_GAP.split(address)))


def _parted_at(word: str, read: int, gaps: set[int], cut: Callable[[str, str], bool]) -> list[str]:
    """The word parted between two letters where the address has a gap, `read` letters of
    it spelled before the word, and `cut` (the piece before, the rest of the word) holds."""
    pieces, piece = [], ""
    for index, character in enumerate(word):
        if read in gaps and piece[-1:].isalpha() and character.isalpha() and cut(piece, word[index:]):
            pieces.append(piece)
            piece = ""
        piece += character
        read += len(fold(character))
    return [*pieces, piece]


def _reads_as_other(text: str) -> bool:
    """"Senior Marketingmanager", "Athens GR", "ANSYS SolidWorks MATLAB": a word that heads
    job titles, a place, or skills alone. Each alone may be a name ("Tim Cook")."""
    return (any(is_title_word(word) for word in words_of(text)) or is_location(text) or is_spaced_place(text)
            or all(canonical_skill(word) for word in text.split()))


def _spelled_in(name: str, local: str) -> bool:
    """Whether a word of the name, of three letters at least, is in the address's local part."""
    return any(len(spelling) >= 3 and spelling in local for word in name.split()
               for spelling in {fold(word), fold(word.translate(_UMLAUTS))})


# What stands between the words of a line looked at for a name: a comma whose space OCR
# lost too ("Anaïs Dupont,Head of Growth").
_WORD_GAP = re.compile(r"[\s,;|()]+")
# Words looked at in a line for a name the email address spells.
_MOST_NAME_WORDS = 5


def _spelled_by(lines: list[str], address: str) -> str:
    """Consecutive name words in a line that spell the email address's local part whole
    ("marta.dossantos": "Marta dos Santos"), or whose first and last words do
    ("mohammed.shaikh": "Mohammed Irfan Shaikh"); the longest such run. Failing that, the
    same among words misread: run together and parted at their capitals (see _parted),
    where the address parts them ("PRISCILLATRAN") or where one end is a word of the
    address ("IRFANSHAIKH" for mohammed.shaikh), or a capital I read as a small l ("Sneha
    lyer"); then in two lines read as one: a given name set over the surname, which OCR
    may size apart ("Ελένη" / "ΠΑΠΑΔΟΠΟΎΛΟΥ"), or a name a picture's text was read into
    ("... Joachim von" / "Hartmann"). A name the address spells whole has its word gaps
    (_gapped_as)."""
    local = fold(address)
    if len(local) < 5:
        return ""
    gaps = _gaps(address)
    chunks = [fold(chunk) for chunk in _ADDRESS_GAP.split(address) if len(chunk) >= 3]

    def anywhere(piece: str, rest: str) -> bool:
        return True

    def parted_as_address(word: str) -> list[str]:
        folded = fold(word)
        if (start := local.find(folded)) >= 0:
            return _parted_at(word, start, gaps, anywhere)
        # A word whose one end the address spells as a word of its own, the rest not in
        # the address ("IRFANSHAIKH" for mohammed.shaikh): a gap lost between capitals.
        for chunk in (chunk for chunk in chunks if len(folded) > len(chunk) + 1):
            if folded.endswith(chunk):
                return _parted_at(word, len(chunk) - len(folded), {0}, anywhere)
            if folded.startswith(chunk):
                return _parted_at(word, -len(chunk), {0}, anywhere)
        return [word]

    name = next((name for part in (_as_written, _parted, parted_as_address, _capital_i)
                 if (name := _spelled_in_words(lines, local, part))), "") \
        or _spelled_in_words(list(map(" ".join, itertools.pairwise(lines))), local, _as_written)
    return _gapped_as(name, address) if name and fold(name) == local else name


def _as_written(word: str) -> list[str]:
    return [word]


def _capital_i(word: str) -> list[str]:
    """"lyer" as "Iyer": in a sans-serif face a capital I is a small l."""
    return ["I" + word[1:]] if word[:1] == "l" and word[1:2].islower() else [word]


def _spelled_in_words(lines: list[str], local: str, part: Callable[[str], list[str]]) -> str:
    for line in lines:
        read = [part(glued) for word in _WORD_GAP.split(line) if word for glued in _unglued(word)]
        words = [piece for pieces in read for piece in pieces]
        # A run starts and ends where a word as read does: "IRFAN" parted from
        # "IRFANSHAIKH" is no given name by itself.
        bounds = set(itertools.accumulate(map(len, read), initial=0))
        folded = [fold(word) for word in words]
        for start, first in enumerate(folded):
            # A run may have lost its first letter (_mended).
            if start not in bounds or not first or not (local.startswith(first) or local[1:].startswith(first)):
                continue
            for end in range(min(start + _MOST_NAME_WORDS, len(words)), start + 1, -1):
                if end not in bounds:
                    continue
                candidate = _mended(" ".join(words[start:end]), local)
                spelled = local in ("".join(folded[start:end]), first + folded[end - 1]) or fold(candidate) == local
                if spelled and is_name(candidate.split()):
                    return candidate
    return ""


def _name_like_email(lines: list[str], local: str) -> str:
    """A name anywhere in the resume that the email address's (folded) local part spells in
    part: two-column templates often put the name at the top of the second column, read
    after the first."""
    if not local:
        return ""
    for line in lines:
        candidate = name_among([line])
        if candidate and _spelled_in(candidate, local):
            return candidate
    return ""

