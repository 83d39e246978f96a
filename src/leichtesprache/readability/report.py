"""Reports of check results: text for the terminal, JSON (DESIGN §8), one HTML page."""

from __future__ import annotations

import json
from collections.abc import Sequence
from html import escape
from itertools import pairwise

from babel.core import UnknownLocaleError
from babel.numbers import format_decimal

from ..i18n import current_language, ngettext
from .i18n import N_, translate
from .model import SEVERITIES, CheckResult, Finding

_HEADERS = (N_("Language"), N_("Source"), N_("Result"), N_("Errors"), N_("Warnings"), N_("Notes"))
_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_RESET = "\033[0m"
_SHOWN_METRICS = (
    "sentences",
    "words",
    "words_per_sentence",
    "amstad",
    "wstf1",
    "lix",
    "flesch",
    "fkgl",
    "kandel_moles",
    "oborneva",
    "letters_per_word",
    "rare_word_share",
    "osman",
)


def _where(finding: Finding, source: str) -> str:
    file = finding.file or source
    return f"{file}:{finding.line}" if finding.line is not None else file


def _severity_name(severity: str) -> str:
    names = {
        "error": translate("error"),
        "warning": translate("warning"),
        "info": translate("info"),
    }
    return names.get(severity, severity)


#: What the metrics are called in reports for people (JSON keeps the keys).
_METRIC_NAMES = {
    "sentences": N_("sentences"),
    "words": N_("words"),
    "words_per_sentence": N_("words per sentence"),
    "syllables_per_word": N_("syllables per word"),
    "words_per_sentence_p90": N_("words per sentence in 9 of 10 sentences, at most"),
    "letters_per_word": N_("letters per word"),
    "rare_word_share": N_("share of rare words"),
}
#: Readability formulas go by the names of their authors.
_FORMULA_NAMES = {
    "amstad": "Amstad",
    "wstf1": "Wiener Sachtextformel 1",
    "lix": "LIX",
    "flesch": "Flesch",
    "fkgl": "Flesch-Kincaid",
    "kandel_moles": "Kandel-Moles",
    "oborneva": "Oborneva",
    "osman": "OSMAN",
}


def metric_name(key: str) -> str:
    """The name of a metric in the language the tool speaks ("words per sentence")."""
    if key in _METRIC_NAMES:
        return translate(_METRIC_NAMES[key])
    return _FORMULA_NAMES.get(key, key)


def _number(value: float) -> str:
    """A metric's value as the tool's language writes numbers ("5,89" in German)."""
    try:
        return str(format_decimal(value, locale=current_language()))
    except (ValueError, UnknownLocaleError):
        return str(value)


def _metrics_line(result: CheckResult) -> str:
    parts = [
        f"{metric_name(k)}: {_number(result.metrics[k])}"
        for k in _SHOWN_METRICS
        if k in result.metrics
    ]
    return "; ".join(parts)


def _shared_hints(findings: Sequence[Finding]) -> dict[tuple[str, str], int]:
    """(rule, suggestion) pairs that more than one finding of a file shares, and how often."""
    counts: dict[tuple[str, str], int] = {}
    for finding in findings:
        if finding.suggestion:
            key = (finding.rule, finding.suggestion)
            counts[key] = counts.get(key, 0) + 1
    return {key: n for key, n in counts.items() if n > 1}


def format_text(
    results: Sequence[CheckResult], *, color: bool = False, only_errors: bool = False
) -> str:
    """Findings grouped per language: ``file:line: severity rule: message — suggestion``.

    A suggestion that several findings of one file share is shown once, below them. With
    ``only_errors`` (``--quiet``) warnings, notes and metrics are left out; the totals still
    count them.
    """
    out: list[str] = []
    totals = {s: 0 for s in SEVERITIES}
    by_language: dict[str, list[CheckResult]] = {}
    for result in results:
        by_language.setdefault(result.language, []).append(result)
    for language, group in by_language.items():
        out.append(translate("Language {language}", language=language))
        for result in group:
            state = translate("passed") if result.passed else translate("failed")
            out.append(f"  {result.source}: {state}")
            shown = [f for f in result.findings if f.severity == "error" or not only_errors]
            shared = _shared_hints(shown)
            for finding in shown:
                severity = _severity_name(finding.severity)
                if color:
                    severity = f"{_COLORS.get(finding.severity, '')}{severity}{_RESET}"
                line = (
                    f"    {_where(finding, result.source)}: {severity} {finding.rule}: "
                    f"{finding.message}"
                )
                if finding.suggestion and (finding.rule, finding.suggestion) not in shared:
                    line += f" — {finding.suggestion}"
                if finding.context:
                    line += f" [{finding.context}]"
                out.append(line)
            for (rule, suggestion), count in shared.items():
                out.append(
                    "    "
                    + ngettext(
                        "How to fix the {count} finding of {rule}: {suggestion}",
                        "How to fix the {count} findings of {rule}: {suggestion}",
                        count,
                    ).format(count=count, rule=rule, suggestion=suggestion)
                )
            if result.metrics and not only_errors:
                out.append(
                    "    "
                    + translate("Metrics (a hint only): {metrics}", metrics=_metrics_line(result))
                )
            for severity in SEVERITIES:
                totals[severity] += result.counts.get(severity, 0)
        out.append("")
    out.append(
        translate(
            "Total: {errors}, {warnings}, {infos}.",
            errors=ngettext("{count} error", "{count} errors", totals["error"]).format(
                count=totals["error"]
            ),
            warnings=ngettext("{count} warning", "{count} warnings", totals["warning"]).format(
                count=totals["warning"]
            ),
            infos=ngettext("{count} note", "{count} notes", totals["info"]).format(
                count=totals["info"]
            ),
        )
    )
    return "\n".join(out) + "\n"


def format_json(results: Sequence[CheckResult]) -> str:
    """``{"version": 1, "results": [...]}`` exactly as in DESIGN §8."""
    payload = {"version": 1, "results": [r.to_dict() for r in results]}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


_CSS = """
body{font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;margin:2em;
color:#111;background:#fff;max-width:60em}
h1,h2,h3{line-height:1.2}table{border-collapse:collapse;margin:1em 0}
td,th{border:1px solid #999;padding:.25em .6em;text-align:left}
.unit{border:1px solid #ccc;border-radius:4px;padding:.6em 1em;margin:1em 0}
.text{white-space:pre-wrap;background:#f7f7f7;padding:.5em;margin:.5em 0}
mark{background:#ffe28a;padding:0 .1em}mark.error{background:#ffb3b3}
mark.info{background:#cfe8ff}.sev-error{color:#a00;font-weight:bold}
.sev-warning{color:#8a5a00;font-weight:bold}.sev-info{color:#05a}
.passed{color:#060}.failed{color:#a00}.where{color:#555;font-size:.9em}
code{font-size:.95em}ul{margin:.3em 0}
.metrics th{font-weight:normal}.metrics td.number{text-align:right}
"""


def _rtl(language: str) -> bool:
    try:
        from ..languages import get_language

        return get_language(language).rtl
    except Exception:  # unknown or odd codes: left to right
        return language.split("_")[0] in ("ar", "fa", "he", "ur", "ps", "yi", "dv", "ckb")


def _highlight(text: str, findings: Sequence[Finding]) -> str:
    """The text with every finding span in a <mark> (overlaps split into pieces)."""
    cuts = {0, len(text)}
    for f in findings:
        if f.end > f.start:
            cuts.update((max(0, min(f.start, len(text))), max(0, min(f.end, len(text)))))
    points = sorted(cuts)
    out = []
    for a, b in pairwise(points):
        piece = escape(text[a:b])
        covering = [f for f in findings if f.start <= a and b <= f.end and f.end > f.start]
        if covering:
            worst = min(
                (SEVERITIES.index(f.severity) for f in covering if f.severity in SEVERITIES),
                default=0,
            )
            title = "; ".join(f"{f.rule}: {f.message}" for f in covering)
            out.append(f'<mark class="{SEVERITIES[worst]}" title="{escape(title)}">{piece}</mark>')
        else:
            out.append(piece)
    return "".join(out)


def format_html(results: Sequence[CheckResult]) -> str:
    """One self-contained HTML page: per language a summary, then each text with findings."""
    ui = current_language().replace("_", "-")
    title = escape(translate("Easy-language check"))
    parts = [
        f'<!DOCTYPE html>\n<html lang="{escape(ui)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"<header><h1>{title}</h1></header>\n<main>"
    ]
    parts.append(
        "<table><tr>"
        + "".join(f'<th scope="col">{escape(translate(h))}</th>' for h in _HEADERS)
        + "</tr>"
    )
    for r in results:
        state = translate("passed") if r.passed else translate("failed")
        parts.append(
            f'<tr><td><a href="#{escape(_anchor(r))}">{escape(r.language)}</a></td>'
            f'<td>{escape(r.source)}</td><td class="{"passed" if r.passed else "failed"}">'
            f"{escape(state)}</td><td>{r.counts.get('error', 0)}</td>"
            f"<td>{r.counts.get('warning', 0)}</td><td>{r.counts.get('info', 0)}</td></tr>"
        )
    parts.append("</table>")
    for r in results:
        parts.append(_section(r))
    parts.append("</main>\n</body>\n</html>\n")
    return "\n".join(parts)


def _anchor(result: CheckResult) -> str:
    return "r-" + "".join(
        ch if ch.isalnum() else "-" for ch in f"{result.language}-{result.source}"
    )


def _section(result: CheckResult) -> str:
    formula_note = translate("Formula scores are only a hint; rule errors count.")
    direction = ' dir="rtl"' if _rtl(result.language) else ""
    lang = escape(result.language.replace("_", "-"))
    out = [
        f'<section id="{escape(_anchor(result))}">',
        f"<h2>{escape(result.language)} — {escape(result.source)}</h2>",
        '<table class="metrics">'
        + "".join(
            f'<tr><th scope="row">{escape(metric_name(k))}</th>'
            f'<td class="number">{escape(_number(v))}</td></tr>'
            for k, v in result.metrics.items()
        )
        + "</table>",
        f"<p>{escape(formula_note)}</p>",
    ]
    groups: dict[tuple[str | None, str | None, int | None, str], list[Finding]] = {}
    for f in result.findings:
        groups.setdefault((f.file, f.context, f.line if not f.text else None, f.text), []).append(f)
    for (file, context, _line, text), findings in groups.items():
        where = escape(file or result.source)
        lines = sorted({f.line for f in findings if f.line is not None})
        if lines:
            where += ":" + ",".join(str(n) for n in lines)
        if context:
            where += f" · <code>{escape(context)}</code>"
        out.append(f'<div class="unit"><div class="where">{where}</div>')
        if text:
            out.append(
                f'<div class="text" lang="{lang}"{direction}>{_highlight(text, findings)}</div>'
            )
        out.append("<ul>")
        for f in findings:
            suggestion = ""
            if f.suggestion:
                label = escape(translate("Suggestion"))
                suggestion = (
                    f'<br>{label}: <span lang="{lang}"{direction}>{escape(f.suggestion)}</span>'
                )
            out.append(
                f'<li><span class="sev-{escape(f.severity)}">'
                f"{escape(_severity_name(f.severity))}</span> "
                f"<code>{escape(f.rule)}</code>: {escape(f.message)}{suggestion}</li>"
            )
        out.append("</ul></div>")
    out.append("</section>")
    return "\n".join(out)
