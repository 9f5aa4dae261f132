"""Name, emails, phones, links and location from the top of the resume."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

import phonenumbers

from common.proto.resume.v1 import resume_pb2

from .addresses import EMAIL, URL
from .places import country_code, is_location, is_spaced_place
from .prose import is_prose
from .roles import is_job_title
from .sections import heading_kind

_PHONE = re.compile(r"(?<![\w/.])(?:\+|00)?\(?\d[\d\s().\-–]{5,}\d(?![\w/])")
_PHONE_LABEL = re.compile(r"\b(?:phone|tel|mobile|cell|mob)\b", re.IGNORECASE)
_NORTH_AMERICAN = re.compile(r"(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}")
# Year ranges and dates ("2019-2021", "2022-02-01", "2019/03/15") have a phone's digits.
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d|^(?:19|20)\d\d([-/.])[01]\d\1[0-3]\d$")
# Contact lines separate their items with icons, bars, bullets, or wide spaces.
_CONTACT_SEPARATOR = re.compile(r"\s*(?:[\ue000-\uf8ff|•·◦◆▪●■\t]|\s{2,}|\s[-–—]\s)\s*")
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
# Letters without a decomposition, so that "Łukasz" matches "lukasz@" in an email address.
_UNACCENTED = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th"})
# Cyrillic and Greek letters as addresses spell them in Latin (after accents are removed:
# "й" and "ї" are "и" and "і" by then). One spelling each; a name matches an address by
# any one word.
_LATIN = str.maketrans({
    **dict(zip("абвгдезиклмнопрстуфыэіґ", "abvgdeziklmnoprstufyeig", strict=True)),
    "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ь": "", "ю": "yu", "я": "ya",
    "є": "ye",
    **dict(zip("αβγδεζηικλμνξοπρσςτυφω", "avgdeziiklmnxoprsstufo", strict=True)),
    "θ": "th", "χ": "ch", "ψ": "ps",
})
# Words of document titles and of the taglines some resumes open with ("Results Driven
# Sales Professional"), which are capitalised like names but never part of one.
_NOT_NAME = {"resume", "résumé", "cv", "curriculum", "vitae", "updated", "page", "confidential", "professional",
             "results", "driven", "experienced", "motivated", "passionate", "dedicated", "certified", "seeking",
             "summary", "portfolio", "profile", "objective", "years", "experience", "oriented", "focused",
             # The labels of contact details ("Personal Email", "Home Page", "Mobile Phone").
             "email", "e-mail", "phone", "telephone", "mobile", "address", "home", "homepage", "website",
             "linkedin", "github", "contact", "information", "details", "personal", "nationality", "birth"}
# Contact details sit in the first lines; later lines of the top block are prose or
# stray content and are left alone.
_CONTACT_LINES = 10
# How far into the resume lines of contact items are looked for (see _is_contact_item).
_ITEM_LINES = 40

_SOCIAL_HOSTS = {
    "twitter.com", "x.com", "gitlab.com", "bitbucket.org", "stackoverflow.com", "medium.com", "kaggle.com",
    "orcid.org", "scholar.google.com", "researchgate.net", "behance.net", "dribbble.com", "youtube.com",
    "facebook.com", "instagram.com", "leetcode.com", "hackerrank.com", "dev.to", "codepen.io", "huggingface.co",
    "substack.com", "mastodon.social", "threads.net", "tiktok.com", "angel.co", "wellfound.com",
}
_GITHUB_RESERVED = {"features", "pricing", "about", "orgs", "topics", "collections", "explore", "marketplace",
                    "sponsors", "login", "join", "settings", "enterprise"}


@dataclass(frozen=True)
class ContactResult:
    contact: resume_pb2.Contact
    # Email or phone found only in page headers/footers, which many parsers skip.
    only_in_header: bool
    found_in_body: bool


def contact_lines(top_lines: list[str]) -> list[str]:
    # Some templates put the summary between the name and the contact details. A name
    # with many particles ("María José von und zu Santos") is as lower-case as a sentence.
    return [line for line in top_lines[:_CONTACT_LINES]
            if not is_prose(line) or EMAIL.search(line) or _is_name(line.split())]


def _is_contact_item(line: str) -> bool:
    """A line holding contact details only: an email, a phone, a web address, a place,
    each alone or with icons and separators ("\ue000 Munich, DE \ue000 +49 151 ...")."""
    segments = [segment.strip() for segment in _CONTACT_SEPARATOR.split(line) if segment.strip()]
    return bool(segments) and all(
        EMAIL.fullmatch(segment) or URL.fullmatch(segment) or _PHONE.fullmatch(segment)
        or is_location(segment) or is_spaced_place(segment) for segment in segments)


def extract_contact(body_contact: list[str], header_text: str, body_text: str,
                    links: tuple[str, ...], display: Sequence[str] = ()) -> ContactResult:
    """Contact details from the contact lines of the body (see contact_lines), the page
    headers and footers, and the link targets; the whole text is searched only for an
    email, labelled phone numbers and the name, which is first looked for among the
    `display` lines (set large at the top of the page, largest first)."""
    header_lines = [line.strip() for line in header_text.splitlines() if line.strip()]
    # Sidebars and "About" blocks hold the details away from the top: lines made only
    # of contact items count wherever they are in the first part of the resume.
    items = [line for line in body_text.splitlines()[:_ITEM_LINES] if line not in body_contact and
             _is_contact_item(line)]
    segments = [segment for line in body_contact + header_lines + items
                for segment in _CONTACT_SEPARATOR.split(line) if segment]
    # Icons of a font without a Unicode map come out as letters before each item
    # ("B Austin, TX", "T (512) 555-0134"): a letter alone opening several items is one.
    if sum(bool(_ICON_LETTER.match(segment)) for segment in segments) >= 2:
        segments = [_ICON_LETTER.sub("", segment) for segment in segments]
    location = next((place for place in map(_beside_addresses, segments)
                     if is_location(place) or is_spaced_place(place)), "")

    body_block = "\n".join(body_contact)
    header_block = "\n".join(header_lines)
    # A link's target gives an email or a phone only where the text shows none (an
    # icon alone on the page), or only the tail of one a narrow column broke ("mar-" /
    # "cus.whitfield@..."). Beside the text's own, it is at best the same one written
    # otherwise, at worst scrambled for a script that unscrambles it in a browser.
    shown = _unique(EMAIL.findall(body_block) + EMAIL.findall(header_block))
    targets = _unique(_targets(links, "mailto:"))
    emails = _whole(shown + [target for target in targets if _completes(target, shown)]) \
        or _whole(targets) or EMAIL.findall(body_text)[:1]
    labelled = [line for line in body_text.splitlines() if _PHONE_LABEL.search(line)]
    region = country_code(location) if location else None
    phones = _phones("\n".join([body_block, header_block, *items, *labelled]), region) \
        or _phones("\n".join(_targets(links, "tel:")), region)

    in_body = any(email in body_text for email in emails) or any(
        _digits(phone) in _digits(body_text) for phone in phones)
    in_header = any(email in header_block for email in emails) or any(
        _digits(phone) in _digits(header_block) for phone in phones)
    contact = resume_pb2.Contact(
        name=_best_name(_name(list(display)) or _name(body_contact) or _name(header_lines),
                        body_text.splitlines(), emails),
        emails=emails,
        phones=phones,
        links=_links(segments, "\n".join([body_block, header_block, *items]), links, emails),
        location=location,
    )
    return ContactResult(contact, only_in_header=in_header and not in_body, found_in_body=in_body)


def _targets(links: tuple[str, ...], scheme: str) -> list[str]:
    """The addresses of the links of a scheme ("mailto:", "tel:"), without "//", spaces
    ("mailto: jo@example.com") or a query."""
    return [link[len(scheme):].strip().lstrip("/").split("?")[0] for link in links if link.lower().startswith(scheme)]


def _beside_addresses(segment: str) -> str:
    """The segment without the email and web addresses or phone numbers on it, nor the
    label before a colon they leave: a place printed beside a link or a number on a line
    without separators ("linkedin.com/in/jdoe Columbus, OH", "Kraków, Poland +48 512 192
    851"), or after a label ("Home Milan, Italy"); without the empty part a template
    leaves for a missing region ("Athens, , GR"), and with a bracketed part as one more
    ("Denver, CO (US)" is "Denver, CO, US")."""
    stripped = _PHONE.sub(" ", URL.sub(" ", EMAIL.sub(" ", segment)) if "." in segment else segment)
    place = stripped.split(":")[-1].strip() if stripped != segment else segment.strip()
    return _EMPTY_PART.sub(", ", _BRACKETED_PART.sub(r", \1,", _PLACE_LABEL.sub("", place))).strip(" ,")


# A label a column of labels sets before the place ("Home Milan, Italy").
_PLACE_LABEL = re.compile(r"^(?:home|address|location|residence|based in|lives in)\b\s*:?\s*", re.IGNORECASE)
_ICON_LETTER = re.compile(r"^[^\W\d_]\s+(?=\S)")
_EMPTY_PART = re.compile(r"\s*,\s*(?:,\s*)*")
_BRACKETED_PART = re.compile(r"\s*\(([^()]+)\)")


def _unique(values: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for value in values:
        seen.setdefault(value.lower(), value)
    return list(seen.values())


def _tail_of(tail: str, address: str) -> bool:
    """Whether `tail` is what a narrow column left of `address` after breaking it."""
    return tail.lower() != address.lower() and address.lower().endswith(tail.lower())


def _completes(address: str, shown: list[str]) -> bool:
    """Whether the address is whole where one of the `shown` addresses is its broken tail."""
    return any(_tail_of(tail, address) for tail in shown)


def _whole(emails: list[str]) -> list[str]:
    """The addresses without the tails of those a narrow column broke ("mar-" /
    "cus.whitfield@example.com" beside the link to "marcus.whitfield@example.com")."""
    return [email for email in emails if not any(_tail_of(email, other) for other in emails)]


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


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


def _is_name(words: list[str]) -> bool:
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


def _title_case(name: str) -> str:
    """"PIETER VAN DER BERG" as "Pieter van der Berg": the particles inside a name are
    lower-case in the spelling capitals hide."""
    words = name.title().split()
    return " ".join([words[0]] + [word.lower() if word.lower() in NAME_PARTICLES | LEADING_PARTICLES else word
                                    for word in words[1:-1]]
                    + ([words[-1]] if len(words) > 1 else []))


def _name(lines: list[str]) -> str:
    for line in lines:
        words = [piece for word in _CONTACT_SEPARATOR.split(line)[0].split() for piece in _unglued(word)]
        candidate = " ".join(words)
        # A title, a heading or a tagline in the name's place means the name is not in the
        # text layer (drawn as graphics): no name is better than a wrong one.
        if not words or heading_kind(candidate) or is_job_title(candidate) or any(
                w.lower() in _NOT_NAME for w in words):
            continue
        if _is_name(words):
            # Capitals are typography, not spelling: "JOHN DOE" is reported as "John Doe".
            return _title_case(candidate) if candidate.isupper() else candidate
    return ""


def _folded(text: str) -> str:
    """Letters without case or accents, Cyrillic and Greek ones in Latin: "Соколов" is
    "sokolov", "Παπαδοπούλου" "papadopoulou", as addresses spell them."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_UNACCENTED))
    return "".join(ch for ch in decomposed if ch.isalpha()).translate(_LATIN)


def _best_name(found: str, lines: list[str], emails: list[str]) -> str:
    """The name found where names stand, unless the email address spells a name
    somewhere in the text, word for word, and none of the found name's words: a tagline
    or an employer set large in the name's place, or the name read into another line
    ("Dana Reyes Senior Engineer at Acme"). Without a name found, the best guess the
    address allows."""
    local = _folded(emails[0].split("@")[0]) if emails else ""
    if found and (not local or _spelled_in(found, local)):
        return found
    return _spelled_by(lines, local) or found or _name_like_email(lines, local)


def _spelled_in(name: str, local: str) -> bool:
    """Whether a word of the name, of three letters at least, is in the address's local part."""
    return any(len(spelling) >= 3 and spelling in local for word in name.split()
               for spelling in {_folded(word), _folded(word.translate(_UMLAUTS))})


# Words looked at in a line for a name the email address spells.
_MOST_NAME_WORDS = 5


def _spelled_by(lines: list[str], local: str) -> str:
    """Consecutive name words in a line that spell the email address's local part whole
    ("marta.dossantos": "Marta dos Santos"), or whose first and last words do
    ("mohammed.shaikh": "Mohammed Irfan Shaikh"); the longest such run."""
    if len(local) < 5:
        return ""
    for line in lines:
        words = [piece for word in line.split() if word.strip(",;|()")
                 for piece in _unglued(word.strip(",;|()"))]
        folded = [_folded(word) for word in words]
        for start, first in enumerate(folded):
            if not first or not local.startswith(first):
                continue
            for end in range(min(start + _MOST_NAME_WORDS, len(words)), start + 1, -1):
                run = words[start:end]
                if local in ("".join(folded[start:end]), first + folded[end - 1]) and _is_name(run):
                    candidate = " ".join(run)
                    return _title_case(candidate) if candidate.isupper() else candidate
    return ""


def _name_like_email(lines: list[str], local: str) -> str:
    """A name anywhere in the resume that the email address's (folded) local part spells in
    part: two-column templates often put the name at the top of the second column, read
    after the first."""
    if not local:
        return ""
    for line in lines:
        candidate = _name([line])
        if candidate and _spelled_in(candidate, local):
            return candidate
    return ""


def _phones(text: str, region: str | None) -> list[str]:
    """Every number written where a phone goes, in E.164 when its digits allow one.

    A well-formed number that no carrier uses ("(909) 555-5555", "123-456-7890") is
    still the number the candidate wrote: validity is not a reason to drop it. A
    number without a country code is read in the country of the location, or in the
    North American plan when it has that plan's shape."""
    phones = []
    for match in _PHONE.finditer(text):
        raw = match.group().strip()
        digits = _digits(raw)
        if not 7 <= len(digits) <= 15 or _YEAR_RANGE.search(raw):
            continue
        number = _parsed(raw, region, north_american=bool(_NORTH_AMERICAN.fullmatch(raw)))
        phones.append(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) if number
                      else " ".join(raw.split()))
    return list(dict.fromkeys(phones))


def _parsed(raw: str, region: str | None, north_american: bool) -> phonenumbers.PhoneNumber | None:
    """The number in the location's country; but a number in the North American shape
    ("607.379.5733") without the trunk prefix its digits would need there (Germany's and
    Britain's "0") or that is no valid number there, and that is a valid North American
    one, is read in that plan: people keep their US or Canadian number when they move.
    Without a location, the North American shape is read in that plan, valid or not."""
    local = _possible(raw, region)
    if north_american and (local is None or not phonenumbers.is_valid_number(local)
                           or not _digits(raw).startswith(_trunk_prefix(region))):
        american = _possible(raw, "US")
        if american is not None and (local is None or phonenumbers.is_valid_number(american)):
            return american
    return local


def _trunk_prefix(region: str | None) -> str:
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region) if region else None
    return (metadata.national_prefix or "") if metadata else ""


def _possible(raw: str, region: str | None) -> phonenumbers.PhoneNumber | None:
    try:
        number = phonenumbers.parse(raw, None if raw.startswith(("+", "00")) else region)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_possible_number(number) else None


def _link_key(url: str) -> str:
    parts = urlsplit(url if "://" in url else "https://" + url)
    return (parts.netloc.lower().removeprefix("www.") + parts.path.rstrip("/")).lower()


def classify_link(url: str) -> resume_pb2.LinkType.ValueType:
    host = urlsplit(url if "://" in url else "https://" + url).netloc.lower().removeprefix("www.")
    if host == "linkedin.com" or host.endswith(".linkedin.com"):
        return resume_pb2.LINK_TYPE_LINKEDIN
    if host == "github.com":
        return resume_pb2.LINK_TYPE_GITHUB
    if host in _SOCIAL_HOSTS:
        return resume_pb2.LINK_TYPE_OTHER
    return resume_pb2.LINK_TYPE_WEBSITE


def _is_profile(url: str) -> bool:
    """A LinkedIn or GitHub profile: in a resume it is the candidate's own, wherever it is."""
    parts = urlsplit(url)
    path = [piece for piece in parts.path.split("/") if piece]
    host = parts.netloc.lower().removeprefix("www.")
    if host.endswith("linkedin.com"):
        return len(path) >= 2 and path[0] in ("in", "pub")
    return host == "github.com" and len(path) == 1 and path[0].lower() not in _GITHUB_RESERVED


def _is_personal_site(url: str, emails: list[str]) -> bool:
    """A site whose host spells the email's local part ("pietervdberg.dev" for
    "pieter.vdberg@"): the candidate's own, wherever it is linked from."""
    label = _folded(urlsplit(url).netloc.lower().removeprefix("www.").split(".")[0])
    local = _folded(emails[0].split("@")[0]) if emails else ""
    return len(local) >= 4 and len(label) >= 4 and (local in label or label in local)


# A narrow column breaks an address after a slash: "linkedin.com/" / "in/jdoe".
_BROKEN_AFTER_SLASH = re.compile(r"(?<=[\w.]/)\n(?=[\w.-]+(?:/[\w.-]*)*(?:\s|$))")


def _links(segments: list[str], contact_text: str, document_links: tuple[str, ...],
           emails: list[str]) -> list[resume_pb2.Link]:
    found: dict[str, str] = {}
    hosts = [email.split("@")[1].lower() for email in emails] + [
        urlsplit(link).netloc.lower() for link in document_links if link.lower().startswith(("http:", "https:"))]
    for url in URL.findall(EMAIL.sub(" ", _BROKEN_AFTER_SLASH.sub("", contact_text))):
        url = url.rstrip(".")
        if any(host != url.lower() and host.endswith(url.lower()) and host[-len(url) - 1] != "."
               for host in hosts):
            continue  # "ample.com": the rest of an address wrapped onto the next line
        found.setdefault(_link_key(url), url if "://" in url else "https://" + url)
    lowered = contact_text.lower()
    shown = {segment.strip().lower() for segment in segments}
    for url in document_links:
        if not url.lower().startswith(("http://", "https://")):
            continue
        key = _link_key(url)
        host = key.split("/")[0]
        user = key.rsplit("/", 1)[-1] if "/" in key else ""
        if key in found:
            found[key] = url  # the link target is complete where the text may drop the scheme
        elif _is_profile(url) or _is_personal_site(url, emails) or (user and user in shown) or (
                host in lowered and classify_link(url) not in (resume_pb2.LINK_TYPE_LINKEDIN,
                                                               resume_pb2.LINK_TYPE_GITHUB)):
            found[key] = url
    return [resume_pb2.Link(url=url, type=classify_link(url)) for url in found.values()]
