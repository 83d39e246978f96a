"""Public corpora of easy and standard text for ``checker_eval.py``, read at run time.

Nothing here is committed data: every corpus is read from a bare snapshot of its GitHub
repository (``--corpora DIR``, default /work/.mirror, one folder ``<owner>+<name>/repo``).
A missing snapshot is skipped. See benchmarks/data/checker/PUBLIC.md for the sources, their
licences and how to fetch them.

Every document goes to the evaluation or the held-out split by a hash of its id, so the split
is fixed and the held-out part is never looked at while rules change.
"""

from __future__ import annotations

import csv
import hashlib
import io
import subprocess
import tarfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from leichtesprache.readability import TextUnit, language_rules
from leichtesprache.readability.engine import analyse

#: Texts per label and split drawn from a public corpus (the held-out split gets half).
PUBLIC_PER_LABEL = 40
#: Sentences per public text (a text is the opening of a document).
SENTENCES_PER_TEXT = 6


@dataclass
class Text:
    language: str
    source: str
    split: str  # "eval" or "heldout"
    label: str  # "easy" or "standard"
    doc_id: str
    body: str


def split_of(doc_id: str) -> str:
    """A fixed third of the documents is held out."""
    digest = hashlib.sha256(doc_id.encode()).digest()
    return "heldout" if digest[0] % 3 == 0 else "eval"


def _rank(doc_id: str) -> str:
    return hashlib.sha256(b"sample:" + doc_id.encode()).hexdigest()


def one_sentence_per_line(text: str, language: str) -> str:
    """The text laid out as easy language asks: every sentence on a line of its own."""
    profile, _rules = language_rules(language)
    out = []
    for block in text.split("\n"):
        if not block.strip():
            continue
        (view,) = analyse([TextUnit(block, None, 1)], profile, language)
        out.extend(" ".join(block[s.start : s.end].split()) for s in view.sentences)
    return "\n".join(line for line in out if line)


class Mirror:
    """Read files of a repository snapshot (a bare git directory) without a work tree."""

    def __init__(self, root: Path, repo: str) -> None:
        self.git_dir = root / repo.replace("/", "+") / "repo"

    def exists(self) -> bool:
        return self.git_dir.is_dir()

    def files(self, folder: str) -> list[str]:
        out = self._git("ls-tree", "-r", "-z", "--name-only", "HEAD", folder)
        return [name for name in out.decode().split("\0") if name]

    def read(self, path: str) -> bytes:
        return self._git("show", f"HEAD:{path}")

    def _git(self, *args: str) -> bytes:
        return subprocess.run(
            ["git", f"--git-dir={self.git_dir}", *args], check=True, capture_output=True
        ).stdout


def _opening(text: str, language: str) -> str:
    """The first sentences of a document, one per line."""
    lines = one_sentence_per_line(text, language).splitlines()
    return "\n".join(lines[:SENTENCES_PER_TEXT])


def _sample(texts: list[Text]) -> Iterator[Text]:
    for split in ("eval", "heldout"):
        for label in ("easy", "standard"):
            chosen = [t for t in texts if t.split == split and t.label == label and t.body]
            chosen.sort(key=lambda t: _rank(t.doc_id))
            yield from chosen[: PUBLIC_PER_LABEL if split == "eval" else PUBLIC_PER_LABEL // 2]


def _sentences(passages: list[str], language: str) -> list[str]:
    """The sentences of aligned passages, each once: an n:m alignment repeats a sentence in
    several pairs ("S1", "S1 S2", "S1 S2 S3")."""
    lines = [one_sentence_per_line(p, language).splitlines() for p in passages]
    return _unique([line for group in lines for line in group])


def _unique(sentences: list[str]) -> list[str]:
    """The sentences in order, each once (aligned corpora repeat a sentence per pair)."""
    return list(dict.fromkeys(" ".join(s.split()) for s in sentences if s.strip()))


def klexikon(root: Path) -> Iterator[Text]:
    """German: Klexikon (children's encyclopedia) vs the German Wikipedia article."""
    mirror = Mirror(root, "dennlinger/klexikon")
    if not mirror.exists():
        return
    names = sorted(Path(p).name for p in mirror.files("data/raw/klexikon"))
    names.sort(key=lambda n: _rank(n))
    texts = []
    for name in names[: PUBLIC_PER_LABEL * 3]:
        split = split_of(name)
        for label, folder in (("easy", "klexikon"), ("standard", "wiki")):
            raw = mirror.read(f"data/raw/{folder}/{name}").decode("utf-8", "replace")
            body = _opening(raw.split("\n\n", 1)[0] if label == "easy" else raw, "de")
            texts.append(Text("de", "klexikon", split, label, name, body))
    yield from _sample(texts)


def onestop(root: Path) -> Iterator[Text]:
    """English: OneStopEnglish, elementary vs advanced version of the same article."""
    mirror = Mirror(root, "nishkalavallabhi/OneStopEnglishCorpus")
    if not mirror.exists():
        return
    texts = []
    for label, level in (("easy", "Ele"), ("standard", "Adv")):
        for path in mirror.files(f"Texts-SeparatedByReadingLevel/{level}-Txt"):
            if not path.endswith(".txt"):
                continue
            doc = Path(path).stem.rsplit("-", 1)[0]
            raw = mirror.read(path).decode("utf-8-sig", "replace")
            texts.append(Text("en", "onestop", split_of(doc), label, doc, _opening(raw, "en")))
    yield from _sample(texts)


def wivico(root: Path) -> Iterator[Text]:
    """French: WiViCo, Vikidia sentences judged simple vs Wikipedia sentences judged complex,
    grouped by 5 pairs into one text (a sentence repeated in several pairs counts once)."""
    mirror = Mirror(root, "lormaechea/wivico")
    if not mirror.exists():
        return
    blob = io.BytesIO(mirror.read("wivico_v.2/wivico_dataset_v2.tar.gz"))
    with tarfile.open(fileobj=blob) as archive:
        member = next(m for m in archive.getmembers() if m.name.endswith(".tsv"))
        handle = archive.extractfile(member)
        assert handle is not None
        rows = list(csv.reader(io.TextIOWrapper(handle, "utf-8"), delimiter="\t"))[1:]
    texts = []
    for start in range(0, min(len(rows), 4000), 5):
        group = [r for r in rows[start : start + 5] if len(r) >= 4]
        doc = f"rows{start}"
        easy = _sentences([r[1] for r in group if r[3].strip() == "1"], "fr")
        hard = _sentences([r[0] for r in group if r[2].strip() == "0"], "fr")
        for label, sentences in (("easy", easy), ("standard", hard)):
            body = "\n".join(sentences[:SENTENCES_PER_TEXT])
            texts.append(Text("fr", "wivico", split_of(doc), label, doc, body))
    yield from _sample(texts)


def ruadapt(root: Path) -> Iterator[Text]:
    """Russian: RuAdapt encyclopedic texts, native (C) paragraph vs its adaptation for
    learners at level A."""
    mirror = Mirror(root, "Digital-Pushkin-Lab/RuAdapt")
    if not mirror.exists():
        return
    raw = mirror.read("Encyclopedic/lsslovar_C_to_A_par.csv").decode("utf-8", "replace")
    texts = []
    for i, row in enumerate(csv.DictReader(io.StringIO(raw))):
        doc = f"par{i}"
        for label, key in (("easy", "target"), ("standard", "source")):
            body = _opening(row.get(key) or "", "ru")
            texts.append(Text("ru", "ruadapt", split_of(doc), label, doc, body))
    yield from _sample(texts)


def samer(root: Path) -> Iterator[Text]:
    """Arabic: SAMER corpus, novel chapters vs their level-3 simplification (lexical only:
    the sentences keep their structure), in windows of 6 lines."""
    mirror = Mirror(root, "CAMeL-Lab/samer-arabic-readability")
    if not mirror.exists():
        return
    texts = []
    for path in mirror.files("data/splits/dev"):
        if not path.endswith("_l3.txt"):
            continue
        original = path.replace("_l3.txt", ".txt")
        easy_lines = mirror.read(path).decode("utf-8", "replace").splitlines()
        hard_lines = mirror.read(original).decode("utf-8", "replace").splitlines()
        for start in range(4, min(len(easy_lines), len(hard_lines)), 12):
            doc = f"{original}#{start}"
            for label, lines in (("easy", easy_lines), ("standard", hard_lines)):
                body = _opening("\n".join(lines[start : start + 6]), "ar")
                texts.append(Text("ar", "samer", split_of(doc), label, doc, body))
    yield from _sample(texts)


#: BAREC's document classes taken as easy and as standard; "Specialized" (religious texts,
#: classical poetry, specialist texts: another register) is left out.
BAREC_LABELS = {"Foundational": "easy", "Advanced": "standard"}


def barec(root: Path) -> Iterator[Text]:
    """Arabic: BAREC (dev and test parts; train.csv is not in the snapshot), sentences of
    whole documents with a document class. Easy = documents of class "Foundational"
    (children's and early readers' texts), standard = class "Advanced"; "Specialized" is
    left out. A text is the opening of a document: its first segments in BAREC's own order
    and segmentation, one per line (titles and fragments included, nothing filtered)."""
    mirror = Mirror(root, "POG42069/BAREC_SENT_STRICT_TASK")
    if not mirror.exists():
        return
    documents: dict[str, tuple[str, list[str]]] = {}
    for part in ("dev", "test"):
        raw = mirror.read(f"data/barec-corpus-v1/{part}.csv").decode("utf-8-sig", "replace")
        for row in csv.DictReader(io.StringIO(raw)):
            label = BAREC_LABELS.get(row.get("Text_Class") or "")
            sentence = " ".join((row.get("Sentence") or "").split())
            if label and sentence:
                documents.setdefault(row["Document"], (label, []))[1].append(sentence)
    texts = []
    for doc, (label, sentences) in documents.items():
        body = "\n".join(sentences[:SENTENCES_PER_TEXT])
        texts.append(Text("ar", "barec", split_of(doc), label, doc, body))
    yield from _sample(texts)


# --- ReadMe++ (sentences rated on the CEFR scale by people) ---------------------------------

_SHEET = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def xlsx_rows(blob: bytes) -> list[dict[str, str]]:
    """The rows of the first sheet of an .xlsx file as dicts by header (no openpyxl)."""
    with zipfile.ZipFile(io.BytesIO(blob)) as book:
        shared = []
        if "xl/sharedStrings.xml" in book.namelist():
            strings = ElementTree.fromstring(book.read("xl/sharedStrings.xml"))
            shared = ["".join(t.text or "" for t in si.iter(_SHEET + "t")) for si in strings]
        sheet = ElementTree.fromstring(book.read("xl/worksheets/sheet1.xml"))
    table = []
    for row in sheet.iter(_SHEET + "row"):
        cells = {}
        for cell in row.iter(_SHEET + "c"):
            column = "".join(ch for ch in cell.get("r", "") if ch.isalpha())
            value = cell.find(_SHEET + "v")
            if cell.get("t") == "s" and value is not None and value.text:
                cells[column] = shared[int(value.text)]
            elif cell.get("t") == "inlineStr":
                cells[column] = "".join(t.text or "" for t in cell.iter(_SHEET + "t"))
            else:
                cells[column] = value.text or "" if value is not None else ""
        table.append(cells)
    if not table:
        return []
    head = table[0]
    return [{name: row.get(col, "") for col, name in head.items()} for row in table[1:]]


#: CEFR ratings (1 = A1 … 6 = C2) taken as easy and as standard; B1-B2 are left out.
READMEPP_EASY = frozenset({1, 2})
READMEPP_STANDARD = frozenset({5, 6})


def readmepp(root: Path, language: str) -> Iterator[Text]:
    """ReadMe++: sentences from 112 sources (Wikipedia, news, legal, guides, …) rated on the
    CEFR scale by people. Easy = rated A1-A2, standard = rated C1-C2; the sentences of one
    source domain and label, in corpus order, are grouped by 6 into one text."""
    mirror = Mirror(root, "tareknaous/readme")
    if not mirror.exists():
        return
    groups: dict[tuple[str, str], list[str]] = {}
    for part in ("train", "val", "test"):
        path = f"dataset/{language}/readme_{language}_{part}.xlsx"
        for row in xlsx_rows(mirror.read(path)):
            try:
                rating = round(float(row.get("Rating") or ""))
            except ValueError:
                continue
            label = (
                "easy"
                if rating in READMEPP_EASY
                else "standard"
                if rating in READMEPP_STANDARD
                else None
            )
            sentence = " ".join((row.get("Sentence") or "").split())
            if label and sentence:
                groups.setdefault((row.get("Domain") or "", label), []).append(sentence)
    texts = []
    for (domain, label), sentences in sorted(groups.items()):
        sentences = _unique(sentences)
        for start in range(0, len(sentences), SENTENCES_PER_TEXT):
            doc = f"{domain}:{label}:{start}"
            body = "\n".join(sentences[start : start + SENTENCES_PER_TEXT])
            texts.append(Text(language, "readme++", split_of(doc), label, doc, body))
    yield from _sample(texts)


Reader = Callable[[Path], Iterator[Text]]


def _readmepp(language: str) -> Reader:
    def read(root: Path) -> Iterator[Text]:
        return readmepp(root, language)

    return read


def rusimplesenteval(root: Path) -> Iterator[Text]:
    """Russian: RuSimpleSentEval (Dialogue 2021), Wikipedia sentences and their simplification
    written by crowd workers; 6 consecutive source sentences are one standard text, the first
    simplification of each the easy text."""
    mirror = Mirror(root, "dialogue-evaluation/RuSimpleSentEval")
    if not mirror.exists():
        return
    raw = mirror.read("dev_sents.csv").decode("utf-8", "replace")
    simple: dict[str, str] = {}
    for row in csv.DictReader(io.StringIO(raw)):
        source = " ".join((row.get("INPUT:source") or "").split())
        output = " ".join((row.get("OUTPUT:output") or "").split())
        if source and output:
            simple.setdefault(source, output)
    sources = list(simple)
    texts = []
    for start in range(0, len(sources) - SENTENCES_PER_TEXT + 1, SENTENCES_PER_TEXT):
        group = sources[start : start + SENTENCES_PER_TEXT]
        doc = f"group{start}"
        for label, lines in (("easy", [simple[s] for s in group]), ("standard", group)):
            body = _opening("\n".join(lines), "ru")
            texts.append(Text("ru", "rusimplesenteval", split_of(doc), label, doc, body))
    yield from _sample(texts)


def asset(root: Path) -> Iterator[Text]:
    """English: ASSET (validation part), Wikipedia sentences and their simplification by
    crowd workers (all operations: splitting, deleting, rewording); 6 consecutive sentences
    are one standard text, the first simplification of each the easy text."""
    mirror = Mirror(root, "facebookresearch/asset")
    if not mirror.exists():
        return
    original = mirror.read("dataset/asset.valid.orig").decode("utf-8", "replace").splitlines()
    simple = mirror.read("dataset/asset.valid.simp.0").decode("utf-8", "replace").splitlines()
    texts = []
    for start in range(0, min(len(original), len(simple)) - SENTENCES_PER_TEXT + 1, 6):
        doc = f"valid{start}"
        for label, lines in (("easy", simple), ("standard", original)):
            body = _opening("\n".join(lines[start : start + SENTENCES_PER_TEXT]), "en")
            texts.append(Text("en", "asset", split_of(doc), label, doc, body))
    yield from _sample(texts)


#: The public corpora of each language.
PUBLIC: dict[str, tuple[Reader, ...]] = {
    "de": (klexikon,),
    "en": (onestop, _readmepp("en"), asset),
    "fr": (wivico, _readmepp("fr")),
    "ru": (ruadapt, _readmepp("ru"), rusimplesenteval),
    "ar": (_readmepp("ar"), samer, barec),
}
