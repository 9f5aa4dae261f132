"""Accuracy floors on the multilingual set (tests/multilingual), development and held-out
parts, a little below the figures measured when they were set (see README "Languages"),
so that they do not regress."""

from tests.accuracy.multilingual import evaluate_parts, format_multilingual

# part -> field -> (precision floor, recall floor); "dates" and "language" are shares.
FLOORS = {
    "development": {"name": (0.97, 0.97), "email": (0.97, 0.97), "phone": (0.97, 0.97), "company": (0.97, 0.97),
                    "title": (0.97, 0.97), "institution": (0.97, 0.97), "dates": (0.97, 0.97),
                    "language": (1.0, 1.0)},
    "held-out": {"name": (0.97, 0.97), "email": (0.97, 0.97), "phone": (0.97, 0.97), "company": (0.97, 0.97),
                 "title": (0.97, 0.97), "institution": (0.97, 0.97), "dates": (0.97, 0.97),
                 "language": (1.0, 1.0)},
}


def test_multilingual_floors() -> None:
    reports = evaluate_parts()
    low = [(part, name, round(tally.precision, 3), round(tally.recall, 3))
           for part, floors in FLOORS.items() for name, (precision, recall) in floors.items()
           for tally in [reports[part].tallies[name]] if tally.precision < precision or tally.recall < recall]
    assert not low, f"{low}\n{format_multilingual(reports)}"
