"""pt.indicators on a held-out gold: a second careful reading, drawn with another seed.

tests/data/indicators_gold_real.json was read before the extractor's rules were tuned on it, so
its score is optimistic. tests/data/indicators_gold_heldout.json (see its ``_about``) is a new
sample by the same design (scripts/sample_indicator_gold.py --seed 2027, leaving out what the
first gold holds), labelled by reading the text before the extractor was run on it. It is
scored the same way (the helpers of test_real_gold.py); the bar of 0.90 all-fields-right is
reported, only a floor is asserted: no counting word or ordinal read as a quantity, and at
least 0.6 of the rows all-fields-right.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import REPO
from tests.numeric.test_real_gold import print_score, score_rows

pytestmark = pytest.mark.shared

GOLD = REPO / "tests" / "data" / "indicators_gold_heldout.json"
BAR = 0.90
FLOOR = 0.6


@pytest.fixture(scope="module")
def scored() -> list[dict]:
    """Every held-out gold row with what the extractor gave for it (as in test_real_gold.py)."""
    return score_rows(json.loads(GOLD.read_text("utf-8"))["rows"])


def test_heldout_gold_scores(scored: list[dict]) -> None:
    share, counting = print_score(scored, "HELD-OUT")
    print(f"bar {BAR:.2f} {'met' if share >= BAR else 'NOT met'}; floor {FLOOR} asserted")
    assert not counting, [(s["gold"]["doc_id"], s["gold"]["start"], s["gold"]["surface"]) for s in counting]
    assert share >= FLOOR
