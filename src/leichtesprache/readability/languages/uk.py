"""Ukrainian: what the generic rules need to know so as not to fault good easy Ukrainian.

There are no Ukrainian easy-language guidelines or word lists in this checker (yet): a
Ukrainian text gets the generic rules (sentence and word length, signs, brackets, numbers)
and wordfreq's Ukrainian frequencies. This module only keeps those rules from faulting
plain Ukrainian grammar:

- the dash between subject and predicate is the copula of the simplest sentences
  ("Мініджоб — це робота.", "Київ — столиця України."), as in Russian, not a sign to
  avoid;
- Latin words in a Ukrainian text are foreign terms, not Ukrainian words;
- dates are written out as "1 січня 2027 року".
"""

from __future__ import annotations

from ..base import Profile, wordset

MONTHS = wordset(
    "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня "
    "січень лютий березень квітень травень червень липень серпень вересень жовтень листопад "
    "грудень"
)

PROFILE = Profile(
    code="uk",
    list_conjunctions=wordset("і й та або"),
    months=MONTHS,
    date_pattern="{d} {month} {y} року",
    script="[а-щьюяґєіїА-ЩЬЮЯҐЄІЇ]",
    copula_dash=True,
)
