"""find_money: amounts in every common form, kept as written; numbers that are not money stay out."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from attache.extract.facts import CURRENCIES, find_money


def amounts(sentence: str) -> list[str]:
    return [value for _, _, value in find_money(sentence, 0, len(sentence))]


@pytest.mark.parametrize(
    "sentence, amount",
    [
        ("The lender pledged US $ 500 million for the port.", "US $ 500 million"),
        ("A facility of US$500m was agreed.", "US$500m"),
        ("Exports rose to $3.4bn in the quarter.", "$3.4bn"),
        ("Bilateral trade stood at $18 billion.", "$18 billion"),
        ("The two banks set up a 2-trillion-won fund.", "2-trillion-won"),
        ("The railway will cost Rs 2,000 crore.", "Rs 2,000 crore"),
        ("The programme has EUR 40 mln left.", "EUR 40 mln"),
        ("The bank lent €1.2 billion to the utility.", "€1.2 billion"),
        ("A £300m deal for frigates was signed.", "£300m"),
        ("Non-oil trade reached Dh1.395 trillion.", "Dh1.395 trillion"),
        ("The target is Dh 3 trillion by the end of the decade.", "Dh 3 trillion"),
        ("Foreign trade should reach AED 4 trillion.", "AED 4 trillion"),
        ("The country bought machinery worth N117.65bn last quarter.", "N117.65bn"),
        ("Imports from Europe came to ₦2.5tn.", "₦2.5tn"),
        ("The fund was raised to RMB 10 billion.", "RMB 10 billion"),
        ("Investment of yuan 5 billion is planned.", "yuan 5 billion"),
        ("They signed deals worth 5 billion yuan.", "5 billion yuan"),
        ("The consortium invested ¥200 billion.", "¥200 billion"),
        ("Remittances reached 1.5 trillion rupees.", "1.5 trillion rupees"),
        ("The kingdom committed SAR 3bn to the project.", "SAR 3bn"),
        ("The utility borrowed R2 billion from the bank.", "R2 billion"),
        ("Farmers received KES 1.2 billion in subsidies.", "KES 1.2 billion"),
        ("The grant amounts to USD 2.5 million.", "USD 2.5 million"),
        ("Japan provided 700 million US dollars in loans.", "700 million US dollars"),
        ("The union set aside 3 billion euros for the corridor.", "3 billion euros"),
        ("A fund of KD 50 million was created.", "KD 50 million"),
        ("The plan costs HK$5bn.", "HK$5bn"),
        ("The budget is Rs. 500 crore.", "Rs. 500 crore"),
        ("A credit line of $3-5 billion was discussed.", "$3-5 billion"),
        ("The deal is worth 300,000 euros.", "300,000 euros"),
    ],
)
def test_an_amount_is_returned_as_written(sentence, amount):
    found = find_money(sentence, 0, len(sentence))
    assert [value for _, _, value in found] == [amount]
    ((start, end, value),) = found
    assert sentence[start:end] == value


def test_several_amounts_in_one_sentence_come_in_order():
    sentence = "Trade grew from N2.56tn to N3.32tn, and Europe took $1.1bn."
    assert amounts(sentence) == ["N2.56tn", "N3.32tn", "$1.1bn"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Trade grew by 15 percent in 2024.",
        "The region is home to 500 million people.",
        "Call the embassy on +7 717 255 1234 for details.",
        "The 5th meeting of 12 delegations took place on page 12.",
        "Health workers received N95 masks on the N1 highway.",
        "The R2 road links the two towns.",
        "In 2018 won the cup and he won 3 medals.",
        "The ship carried 2,000 pounds of cargo.",
        "Prices are quoted in 2024 dollars.",
        "The Hong Kong SAR 2047 plan was presented.",
        "Sh. Narendra met 5 ministers.",
        "The 3+3 format and the Euro 2024 tournament.",
        "Nigeria ranked N. 5 on the list.",
    ],
)
def test_numbers_that_are_not_money_are_left_out(sentence):
    assert amounts(sentence) == []


def test_an_ambiguous_prefix_without_a_magnitude_needs_a_money_word_before_it():
    assert amounts("A bag of rice now costs N45,000 in the market.") == ["N45,000"]
    assert amounts("Section N45 of the report.") == []


def test_only_the_requested_range_is_searched():
    sentence = "First $5 billion, then €2 billion."
    half = sentence.index(",")
    assert [v for _, _, v in find_money(sentence, 0, half)] == ["$5 billion"]
    assert [v for _, _, v in find_money(sentence, half, len(sentence))] == ["€2 billion"]


def test_every_currency_form_is_a_clean_string():
    for code, before, after in CURRENCIES:
        assert re.fullmatch(r"[A-Z]{3}", code)
        for form in (*before, *after):
            assert form and form == form.strip() and "  " not in form, (code, form)


# ---- properties ----

_FILLER = st.lists(st.sampled_from(["the", "deal", "was", "signed", "in", "capital", "for", "a", "new",
                                    "bridge", "and", "ministers", "agreed", "on", "it", "total"]),
                   max_size=8).map(" ".join)
_MAGNITUDES = ["million", "billion", "trillion", "mln", "bn", "tn"]


@st.composite
def _amount(draw) -> str:
    whole = draw(st.integers(min_value=1, max_value=999_999))
    number = f"{whole:,}" if draw(st.booleans()) else str(whole)
    if draw(st.booleans()):
        number += "." + str(draw(st.integers(min_value=1, max_value=99)))
    magnitude = draw(st.sampled_from(_MAGNITUDES))
    _, before, after = draw(st.sampled_from(CURRENCIES))
    if draw(st.booleans()) and before:
        form = draw(st.sampled_from(before)).rstrip("!")
        space = " " if form[-1:].isalpha() and len(form) > 1 else ""
        return f"{form}{space}{number} {magnitude}"
    if not after:
        return f"{number} {magnitude} euros"
    return f"{number} {magnitude} {draw(st.sampled_from(after)).rstrip('!')}"


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=200), bounds=st.tuples(st.integers(0, 200), st.integers(0, 200)))
def test_every_span_is_the_text_it_returns_and_lies_inside_the_range(text, bounds):
    start, end = min(bounds), min(max(bounds), len(text))
    for s, e, value in find_money(text, start, end):
        assert start <= s < e <= max(end, start)
        assert text[s:e] == value


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.characters(blacklist_categories=("Nd",)), max_size=300))
def test_text_without_digits_has_no_money(text):
    assert find_money(text, 0, len(text)) == []


@settings(max_examples=500, deadline=None)
@given(left=_FILLER, amount=_amount(), right=_FILLER)
def test_an_amount_in_filler_is_found_whole(left, amount, right):
    text = f"{left} {amount} {right}".strip()
    assert [value for _, _, value in find_money(text, 0, len(text))] == [amount]
