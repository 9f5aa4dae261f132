"""Letters as email addresses spell them: without case or accents, Cyrillic and Greek
ones in Latin. The analysis matches a name to its address by it, and OCR checks a line it
read in another script against the page's address."""

from __future__ import annotations

import unicodedata

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


def fold(text: str) -> str:
    """Letters without case or accents, Cyrillic and Greek ones in Latin: "Соколов" is
    "sokolov", "Παπαδοπούλου" "papadopoulou", as addresses spell them."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_UNACCENTED))
    return "".join(ch for ch in decomposed if ch.isalpha()).translate(_LATIN)
