"""The engine: analyse units, run the language's rules, turn hits into findings and a result."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from . import registry, rules
from .base import SETTINGS, Doc, Hit, Profile, Rule, UnitView
from .i18n import translate
from .metrics import measure
from .model import SEVERITIES, CheckResult, Finding, TextUnit
from .text import protect, split_lines, split_sentences, strip_markdown, tokenize

#: Rules that still apply to names and word-book terms.
_NAME_RULES = {
    "glossary_term": frozenset({"separator-style", "special-characters", "brackets"}),
    "contact_name": frozenset(),
}
_SINGLE_LINE_KINDS = frozenset({"heading", "list_item", "picture", "glossary_term", "contact_name"})


def language_rules(language: str) -> tuple[Profile, dict[str, Rule]]:
    """The profile and rules for a language code; languages without a module get the
    generic ones."""
    found = registry.find(language)
    if found is None:
        return rules.GENERIC, dict(rules.RULES)
    return found.profile, {**rules.RULES, **found.rules}


@lru_cache(maxsize=1)
def _known_ids(codes: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    ids = set(rules.RULES) | {"readability", "all"}
    settings = set(SETTINGS)
    for language in registry.every():
        ids |= set(language.rules)
        settings |= set(language.profile.settings)
    return frozenset(ids), frozenset(settings)


def all_rule_ids() -> frozenset[str]:
    """Every rule id of every language (for "check: allow" comments)."""
    return _known_ids(registry.codes())[0]


def all_settings() -> frozenset[str]:
    """Every setting of every language: a ``[check]`` table applies to all of them."""
    return _known_ids(registry.codes())[1]


def _section(unit: TextUnit) -> str | None:
    if unit.section is not None:
        return unit.section
    if unit.context and "." in unit.context:
        return unit.context.split(".", 1)[0]
    return unit.file


def analyse(units: Sequence[TextUnit], profile: Profile, language: str) -> list[UnitView]:
    """Visible text, tokens, sentences and lines of every unit."""
    views = []
    abbreviations = profile.abbreviations | profile.bare_abbreviations
    for index, unit in enumerate(units):
        visible, offsets = strip_markdown(unit.text)
        masked, protected = protect(visible, unit.quoted)
        tokens = tokenize(masked, protected, profile.split_word)
        kind = unit.kind or "paragraph"
        sentences = split_sentences(
            masked,
            tokens,
            abbreviations=abbreviations,
            months=profile.months,
            join_lines=kind not in _SINGLE_LINE_KINDS,
            numbered=profile.numbered_abbreviations,
            ordinal_cues=profile.ordinal_cues,
        )
        views.append(
            UnitView(
                index,
                unit,
                visible,
                masked,
                offsets,
                tokens,
                sentences,
                split_lines(visible),
                _section(unit),
                kind,
            )
        )
    return views


def effective_settings(
    profile: Profile, settings: Mapping[str, Any] | None
) -> tuple[dict[str, Any], list[str]]:
    """Defaults, then the language's defaults, then the project's; plus unknown keys."""
    merged = {key: default for key, (default, _doc) in SETTINGS.items()}
    merged.update({key: default for key, (default, _doc) in profile.settings.items()})
    merged.update(profile.defaults)
    unknown = []
    known = all_settings()
    for key, value in (settings or {}).items():
        if key in known:
            merged[key] = value
        elif not isinstance(value, Mapping):
            unknown.append(key)
    return merged, unknown


def check_units(
    units: Sequence[TextUnit],
    language: str,
    *,
    source: str,
    settings: Mapping[str, Any] | None = None,
    glossary: Sequence[str] = (),
) -> CheckResult:
    """Check text units written in ``language``; never raises on odd text."""
    profile, rule_table = language_rules(language)
    merged, unknown = effective_settings(profile, settings)
    views = analyse(units, profile, language)
    doc = Doc(language, profile, merged, views, tuple(glossary), source)
    overrides = {**profile.severity, **(merged.get("severity") or {})}
    findings: list[tuple[int, int, int, Finding]] = []
    order = {rule_id: i for i, rule_id in enumerate(rule_table)}
    known = all_rule_ids()
    for rule_id, rule in rule_table.items():
        if overrides.get(rule_id) == "off":
            continue
        for hit in rule(doc):
            finding = _finding(doc, rule_id, hit, overrides.get(rule_id))
            if finding is not None:
                findings.append((hit.unit, finding.start, order[rule_id], finding))
    metrics, formula_hits = measure(doc)
    if overrides.get("readability") != "off":
        for hit in formula_hits:
            finding = _finding(doc, "readability", hit, overrides.get("readability"))
            if finding is not None:
                findings.append((len(views), 0, len(order), finding))
    for key in unknown:
        findings.append(
            (
                len(views),
                0,
                len(order) + 1,
                Finding(
                    "config",
                    "warning",
                    translate(
                        "Unknown setting {key} for language {language}.",
                        key=key,
                        language=language,
                    ),
                    source,
                    None,
                    None,
                    "",
                    0,
                    0,
                    translate("Known settings: {names}.", names=", ".join(SETTINGS)),
                ),
            )
        )
    for view in views:
        for rule_id in view.unit.allow:
            if rule_id not in known:
                findings.append(
                    (
                        view.index,
                        0,
                        len(order) + 1,
                        _at(
                            doc,
                            view,
                            "config",
                            "warning",
                            translate(
                                "The comment allows the unknown rule {rule}.",
                                rule=rule_id,
                            ),
                            0,
                            0,
                            translate("Check the rule id in the comment 'check: allow …'."),
                        ),
                    )
                )
    findings.sort(key=lambda item: item[:3])
    ordered = [item[3] for item in findings]
    counts = {severity: 0 for severity in SEVERITIES}
    for finding in ordered:
        counts[finding.severity] = counts.get(finding.severity, 0) + 1
    return CheckResult(
        language=language,
        source=source,
        passed=counts["error"] == 0,
        counts=counts,
        metrics=metrics,
        findings=ordered,
    )


def _finding(doc: Doc, rule_id: str, hit: Hit, override: str | None) -> Finding | None:
    severity = override if override in SEVERITIES else hit.severity
    if hit.unit < 0:  # about the whole text: the source is the place
        return Finding(
            rule_id,
            severity,
            hit.message,
            doc.source,
            None,
            None,
            "",
            0,
            0,
            hit.suggestion,
        )
    view = doc.units[hit.unit]
    allowed_rules = _NAME_RULES.get(view.kind)
    if allowed_rules is not None and rule_id not in allowed_rules:
        return None
    return _at(doc, view, rule_id, severity, hit.message, hit.start, hit.end, hit.suggestion)


def _at(
    doc: Doc,
    view: UnitView,
    rule_id: str,
    severity: str,
    message: str,
    start: int,
    end: int,
    suggestion: str | None,
) -> Finding:
    unit = view.unit
    raw_start = view.offsets[min(start, len(view.offsets) - 1)]
    raw_end = view.offsets[end - 1] + 1 if end > start else raw_start
    allow = unit.allow.get(rule_id, unit.allow.get("all"))
    if allow is not None:
        severity = "info"
        message += translate(" (allowed: {reason})", reason=allow)
    line = unit.line
    if line is not None and unit.lines_follow:
        line += unit.text.count("\n", 0, raw_start)
    return Finding(
        rule_id,
        severity,
        message,
        unit.file,
        line,
        unit.context,
        unit.text,
        raw_start,
        raw_end,
        suggestion,
    )
