"""Redaction (README, Redaction): each kind masked in several phrasings, everyday words
that look like one left alone, the tokens' places, the employer and institution masks, and
the labeled set and corpus, where no word of a name, email or phone may survive."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis_worker.analysis import analyse
from analysis_worker.analysis.phones import digits_of, written_numbers
from analysis_worker.analysis.redaction import name_words, redact_text, redaction_of
from analysis_worker.extraction import ExtractedDocument, extract
from common.proto.resume.v1 import resume_pb2
from common.redaction import Masked, Redaction, mask, token
from tests.corpus.cases import corpus_cases
from tests.labeled.cases import labeled_cases

# The kinds as the API names them.
KINDS = [name.removeprefix("MASK_KIND_") for name in resume_pb2.MaskKind.keys() if name != "MASK_KIND_UNSPECIFIED"]
CONTACT = resume_pb2.Contact(
    name="Jane Mary-Ann van Doe", emails=["jane.doe@gmail.com"], phones=["+14155550123", "+442079460958"],
    links=[resume_pb2.Link(url="https://github.com/janedoe99", type=resume_pb2.LINK_TYPE_GITHUB)],
    location="Austin, TX",
)

# (kind, a line that says it, what of the line must be gone)
CASES = [
    ("NAME", "JANE DOE", ["JANE", "DOE"]),
    ("NAME", "Jane Doe's team shipped it", ["Jane", "Doe"]),
    ("NAME", "Mary-Ann led; Mary and Ann reviewed", ["Mary", "Ann"]),
    ("NAME", "jane mary-ann van doe", ["jane", "mary-ann", "doe"]),
    ("NAME", "Ms. Doe, Doe, DOE.", ["Doe", "DOE"]),
    ("EMAIL", "Email: jane.doe@gmail.com", ["jane.doe", "gmail"]),
    ("EMAIL", "j.doe+cv@work.example.org | x", ["j.doe", "example"]),
    ("EMAIL", "jane.doe@gmai\nl.com", ["jane.doe", "gmai"]),
    ("PHONE", "(415) 555-0123", ["555"]),
    ("PHONE", "+1 415 555 0123", ["555"]),
    ("PHONE", "415.555.0123", ["555"]),
    ("PHONE", "020 7946 0958", ["7946"]),
    ("PHONE", "Mobile: 06 12 34 56 78", ["12 34 56"]),
    ("PHONE", "+49 (0)89 1234567", ["1234567"]),
    ("LINK", "https://www.linkedin.com/in/jane-doe-1", ["linkedin", "jane-doe"]),
    ("LINK", "github.com/janedoe99", ["janedoe99"]),
    ("LINK", "\ue000 janedoe99", ["janedoe99"]),
    ("LINK", "www.janedoe.dev", ["janedoe"]),
    ("ADDRESS", "Austin, TX | remote", ["Austin"]),
    ("ADDRESS", "221B Baker Street, London NW1 6XE", ["Baker", "NW1"]),
    ("ADDRESS", "Address: 5 rue de la Paix, Paris", ["rue de la Paix", "Paris"]),
    ("ADDRESS", "Home address - Kastanienallee 12, Berlin", ["Kastanienallee"]),
    ("DATE_OF_BIRTH", "Date of birth: 12 March 1990", ["12 March 1990"]),
    ("DATE_OF_BIRTH", "DOB: 12/03/1990", ["1990"]),
    ("DATE_OF_BIRTH", "D.O.B. 1990-03-12", ["1990"]),
    ("DATE_OF_BIRTH", "Born on March 12, 1990 in a small town", ["1990"]),
    ("DATE_OF_BIRTH", "Born 1990", ["1990"]),
    ("DATE_OF_BIRTH", "Birthdate: 3rd Jan 1988", ["1988"]),
    ("AGE", "Age: 34", ["34"]),
    ("AGE", "34 years old", ["34"]),
    ("AGE", "a 34-year-old engineer", ["34"]),
    ("AGE", "Aged 41, I", ["41"]),
    ("AGE", "29 y/o", ["29"]),
    ("GENDER", "Gender: Female", ["Female"]),
    ("GENDER", "Sex - M", [" M"]),
    ("GENDER", "She led the team and her reports grew", ["She", "her"]),
    ("GENDER", "He mentored his peers", ["He", "his"]),
    ("GENDER", "Member of Women in Tech", ["Women"]),
    ("GENDER", "Mr. Smith", ["Mr"]),
    ("GENDER", "Miss Smith", ["Miss"]),
    ("GENDER", "pronouns: they / she / her", ["she", "her"]),
    ("MARITAL_STATUS", "Marital status: single", ["single"]),
    ("MARITAL_STATUS", "Married, two children", ["Married"]),
    ("MARITAL_STATUS", "divorced", ["divorced"]),
    ("MARITAL_STATUS", "Civil status: separated", ["separated"]),
    ("NATIONALITY", "Nationality: Indian", ["Indian"]),
    ("NATIONALITY", "Citizenship: Brazilian, Portuguese", ["Brazilian", "Portuguese"]),
    ("NATIONALITY", "U.S. citizen", ["U.S."]),
    ("NATIONALITY", "Born in Lagos, Nigeria", ["Lagos", "Nigeria"]),
    ("NATIONALITY", "Place of birth: Porto", ["Porto"]),
]


@pytest.mark.parametrize(("kind", "line", "hidden"), CASES, ids=[f"{c[0]}:{c[1][:30]}" for c in CASES])
def test_each_kind_is_masked_in_its_phrasings(kind: str, line: str, hidden: list[str]) -> None:
    redacted = redact_text(line, CONTACT)
    assert token(kind) in redacted.text, redacted.text
    assert kind in {span.kind for span in redacted.spans}
    for secret in hidden:
        assert secret not in redacted.text, (secret, redacted.text)


# Lines with nothing to mask, though they hold words a pattern could take.
LEFT_ALONE = [
    "Cut latency from 200 ms to 20 ms with ASP.NET and socket.io",
    "Built a single-page application; single source of truth",
    "Led 3 teams to drive growth in 2019 - 2021",
    "Saved 1,200 man-hours a year",
    "Never miss a deadline; the mission was separated into stages",
    "MS in Computer Science, 2014-2016",
    "Page 12 of the report; average age of the fleet",
    "Engaged stakeholders across 4 regions",
    "Reduced costs by 25% (from $4,000,000)",
    "Jan 2019 - Present",
    "Will lead; we will grant it",  # the contact below is named Will Grant
    "Joined in June 2019",  # and June
]


@pytest.mark.parametrize("line", LEFT_ALONE)
def test_everyday_words_are_left_alone(line: str) -> None:
    contact = resume_pb2.Contact(name="June Will Grant")
    expected = line.replace("Will lead", "[NAME] lead")  # a capitalised name word is the name's
    assert redact_text(line, contact).text == expected


def test_tokens_stand_where_the_spans_say() -> None:
    text = "\n".join(line for _, line, _ in CASES)
    redacted = redact_text(text, CONTACT)
    assert [span.start for span in redacted.spans] == sorted(span.start for span in redacted.spans)
    for span in redacted.spans:
        assert redacted.text[span.start:span.end] == token(span.kind)
    assert {span.kind for span in redacted.spans} == set(KINDS) - {"EMPLOYER", "INSTITUTION"}
    # Outside the tokens, the text is the original's, in order.
    outside = re.sub(r"\[[A-Z_]+\]", "\0", redacted.text).split("\0")
    at = 0
    for piece in outside:
        at = text.index(piece, at) + len(piece)


@given(st.text(alphabet="ab \n", max_size=60),
       st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12), st.sampled_from(KINDS)), max_size=8))
def test_masking_any_passages_keeps_every_token_in_place(text: str, passages: list[tuple[int, int, str]]) -> None:
    found = [Masked(min(start, len(text)), min(start + length, len(text)), kind) for start, length, kind in passages]
    redacted = mask(text, found)
    for span in redacted.spans:
        assert redacted.text[span.start:span.end] == token(span.kind)
    covered = [i for passage in found for i in range(passage.start, passage.end)]
    assert "".join(ch for i, ch in enumerate(text) if i not in covered) == re.sub(r"\[[A-Z_]+\]", "", redacted.text)
    # Masking again with the tokens as they are changes nothing.
    assert mask(redacted.text, [], redacted.spans) == redacted


def resume_document(text: str) -> ExtractedDocument:
    return ExtractedDocument(format="txt", text=text, pages=1, header_text="", warnings=())


RESUME = """Jane Doe
jane.doe@gmail.com | +1 415 555 0123 | Austin, TX

Summary
Jane is a married engineer; she moved from Acme to Globex.

Experience
Senior Engineer
Globex Corporation, Austin, TX
Jan 2020 - Present
- Led the Globex billing rewrite at Globex for 2M users

Engineer
Acme Inc.
Jan 2016 - Dec 2019
- Built Acme's first data pipeline

Education
BS Computer Science
Stanford University
2012 - 2016
"""


def test_the_analysis_loses_its_contact_and_masks_its_free_text() -> None:
    analysis = analyse(resume_document(RESUME))
    redaction = redaction_of(resume_document(RESUME), analysis)
    as_text = json.dumps(redaction.analysis)
    assert analysis.contact.name == "Jane Doe" and redaction.analysis["contact"]["name"] == ""
    assert not redaction.analysis["contact"]["emails"] and not redaction.analysis["contact"]["location"]
    for secret in ("Jane", "Doe", "gmail", "555", "married", " she "):
        assert secret not in as_text and secret not in redaction.text, secret
    assert "[NAME] is a [MARITAL_STATUS] engineer; [GENDER] moved" in redaction.analysis["summary"]
    assert [job["company"] for job in redaction.analysis["experience"]] == ["Globex Corporation", "Acme Inc."]
    assert redaction.analysis["education"][0]["institution"] == "Stanford University"
    assert "Globex" in redaction.text and "Stanford" in redaction.text
    assert Redaction.from_json(json.loads(json.dumps(redaction.to_json()))) == redaction


@pytest.mark.parametrize(("employers", "institutions"), [(False, False), (True, False), (False, True), (True, True)])
def test_employers_and_institutions_are_masked_only_when_asked(employers: bool, institutions: bool) -> None:
    redaction = redaction_of(resume_document(RESUME), analyse(resume_document(RESUME)))
    masked = redaction.with_organisations_masked(employers, institutions)
    as_text = json.dumps(masked.analysis) + masked.text
    for name, on in (("Globex", employers), ("Acme", employers), ("Stanford", institutions)):
        assert (name not in as_text) == on, name
    assert ("[EMPLOYER]" in masked.text) == employers and ("[INSTITUTION]" in masked.text) == institutions
    assert ("[EMPLOYER]" in masked.analysis["summary"]) == employers  # "from Acme to Globex"
    if employers:
        assert masked.analysis["experience"][0]["highlights"] == ["Led the [EMPLOYER] billing rewrite at "
                                                                  "[EMPLOYER] for 2M users"]
        assert {job["company"] for job in masked.analysis["experience"]} == {""}
        assert "[EMPLOYER]'s first data pipeline" in masked.text  # "Acme's", without "Inc."
    for span in masked.spans:
        assert masked.text[span.start:span.end] == token(span.kind)
    personal = [span.kind for span in masked.spans if span.kind not in ("EMPLOYER", "INSTITUTION")]
    assert personal == [span.kind for span in redaction.spans]
    assert redaction.with_organisations_masked(employers, institutions) == masked, "the stored copy is unchanged"


def test_no_word_of_a_name_email_or_phone_survives_in_the_labeled_set_and_corpus() -> None:
    """Every case's expected name, emails and phones, as a careful reader wrote them down
    (not as the analysis found them), against the redacted text and analysis."""
    survivors = []
    cases = labeled_cases() + corpus_cases()
    for case in cases:
        document = extract(case.content, "", case.file_name)
        redaction = redaction_of(document, analyse(document))
        text = redaction.text + "\n" + json.dumps(redaction.analysis, ensure_ascii=False)
        expected = case.expected
        survivors += [(case.name, word) for word in name_words(expected["name"])
                      if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE)]
        survivors += [(case.name, email) for email in expected["emails"]
                      if email.split("@")[0].lower() in text.lower()]
        for phone in expected["phones"]:
            survivors += [(case.name, number.group()) for number in written_numbers(text)
                          if len(national := digits_of(number.group()).lstrip("0")) >= 6
                          and digits_of(phone).endswith(national)]
    assert len(cases) > 150
    assert survivors == []
