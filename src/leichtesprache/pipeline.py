"""The build, read top-down: plan → translate → check → make the editions → preflight → write.

The only module that knows the order of the stages. Each stage takes plain objects and
returns plain objects; the editions come from the registry in ``editions``. Outputs whose
inputs did not change are neither made nor touched.
"""

from __future__ import annotations

import gc
import logging
import os
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol, TypeVar

from .config import Project
from .digests import Inputs, Record, is_fresh, output_digest, read_record, write_record
from .editions import (
    Edition,
    Product,
    Resources,
    Selection,
    make_editions,
    per_language,
    registered,
    select,
)
from .errors import ConfigError, PreflightError, Problem, ProblemsFound
from .facts import resolve_as_of, values_for
from .fontcheck import require_fonts
from .fsutil import atomic_write_bytes, project_lock
from .i18n import _, current_language, ngettext, set_language
from .translate import LanguageVersion, require_complete
from .workspace import Workspace

_T = TypeVar("_T")

log = logging.getLogger("leichtesprache.build")


@dataclass(frozen=True)
class BuildResult:
    """One output of the build: written now, or up to date from an earlier build."""

    publication: str
    language: str | None
    edition: str
    path: Path
    pages: int | None
    draft: bool
    written: bool = True


@dataclass(frozen=True)
class Shard:
    """``--shard K/N``: the K-th of N equal shares of the build's (pub, lang, edition) jobs."""

    index: int
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        try:
            k, n = (int(x) for x in text.split("/"))
        except ValueError:
            k = n = 0
        if not 1 <= k <= n:
            raise ConfigError(
                _("'{text}' is not a shard").format(text=text),
                hint=_("write K/N with 1 ≤ K ≤ N, for example 2/4"),
            )
        return cls(k, n)

    def takes(self, position: int) -> bool:
        return position % self.count == self.index - 1


@dataclass
class _Task:
    """The outputs of one language version that the build makes."""

    publication: str
    language: str
    editions: list[Edition]
    digest: str
    version: LanguageVersion | None = None


@dataclass(frozen=True)
class BuildPlan:
    """What a build makes and what is already up to date."""

    tasks: tuple[_Task, ...]
    unchanged: tuple[BuildResult, ...] = field(default_factory=tuple)


class BuildObserver(Protocol):
    """Told how much work there is and when each file is written (for progress bars)."""

    def planned(self, files: int) -> None: ...

    def written(self, result: BuildResult) -> None: ...


def build(
    project: Project,
    *,
    publication: str | None = None,
    languages: Sequence[str] = (),
    editions: Sequence[str] = (),
    out: Path | None = None,
    as_of: date | None = None,
    allow_partial: bool = False,
    jobs: int | None = None,
    force: bool = False,
    shard: Shard | None = None,
    index_only: bool = False,
    observer: BuildObserver | None = None,
) -> list[BuildResult]:
    """Build the chosen editions of every publication and language into ``dist/``.

    ``shard`` makes one share of the (publication, language, edition) files, for builds
    spread over machines; ``index_only`` writes only the download page, from ``dist/``.
    """
    day = resolve_as_of(as_of)
    workspace = Workspace(project)
    codes = workspace.languages(languages)
    selection = select(editions)
    chosen = per_language(selection)
    site = [e for e in selection.outputs if e.scope == "project"]
    if index_only:
        site = [e for e in registered() if e.scope == "project"] if not editions else site
    out_dir = (out or project.dist_dir).resolve()
    with project_lock(project.root):
        plan = (
            BuildPlan(())
            if index_only
            else _plan(
                workspace, codes, chosen, out_dir, day, allow_partial, force, shard, publication
            )
        )
        for task in plan.tasks:
            task.version = workspace.version(task.publication, task.language, day)
            require_fonts(task.version, project)  # one message now, not one per glyph later
            if not allow_partial:
                require_complete(task.version)
        if observer is not None:
            observer.planned(sum(len(t.editions) for t in plan.tasks))

        made = _make_all(
            list(plan.tasks),
            chosen,
            Resources.of(project),
            out_dir,
            jobs,
            observer,
            project if not allow_partial else None,
        )
        if shard is None:
            made += [
                result
                for edition in site
                if (result := _make_site(edition, workspace, out_dir, force)) is not None
            ]
    if not made:
        log.info(_("everything is up to date"))
    return sorted([*plan.unchanged, *made], key=lambda r: _order(r, codes, chosen))


def _plan(
    workspace: Workspace,
    codes: Sequence[str],
    chosen: Selection,
    out_dir: Path,
    day: date,
    allow_partial: bool,
    force: bool,
    shard: Shard | None,
    only: str | None,
) -> BuildPlan:
    """Which outputs to make: those of this shard whose recorded inputs changed."""
    project = workspace.project
    inputs = Inputs(project, day, allow_partial)
    tasks: list[_Task] = []
    unchanged: list[BuildResult] = []
    position = 0
    for name in workspace.publication_names(only):
        facts = workspace.facts(name)
        for code in codes:
            digest = inputs.language(name, code, values_for(facts, code, day))
            stale: list[Edition] = []
            for edition in chosen.outputs:
                position += 1
                if shard is not None and not shard.takes(position - 1):
                    continue
                path = out_dir / name / edition.file_name(name, code)
                if not force and is_fresh(path, output_digest(digest, edition.name)):
                    record = read_record(path)
                    pages = record.pages if record else None
                    draft = record.draft if record else False
                    unchanged.append(
                        BuildResult(name, code, edition.name, path, pages, draft, written=False)
                    )
                else:
                    stale.append(edition)
            if stale:
                tasks.append(_Task(name, code, stale, digest))
    return BuildPlan(tuple(tasks), tuple(unchanged))


def _passes(version: LanguageVersion, project: Project) -> bool:
    """Whether ``version`` passes the check: the build checks exactly the version it is
    about to render (in a worker, or in the parent when there is none).

    A version unchanged since the last ``check`` (or build) is not checked again: its
    result comes from the check cache, keyed by everything the check reads. A result
    checked now is kept there for the next ``check``.
    """
    from .checkcache import checked

    return checked(version, project).passed


def _check_failed(code: str) -> ProblemsFound:
    return ProblemsFound(
        _("'{code}' has errors: easy-language rules or translation checks").format(code=code),
        hint=_(
            "run `leichtesprache check --lang {code}` to see them, fix the "
            "texts, or build a draft with --allow-partial"
        ).format(code=code),
    )


def _make_all(
    tasks: list[_Task],
    chosen: Selection,
    resources: Resources,
    out_dir: Path,
    jobs: int | None,
    observer: BuildObserver | None,
    checked_in: Project | None,
) -> list[BuildResult]:
    """Make every task's editions; with ``checked_in``, write them only once every task's
    version passed the check of that project (``None``: drafts, nothing is checked).

    Each edition of each language is a job for the worker processes, started as soon as
    the edition it derives from is made: while one worker lays out, the other makes the
    web page, and print and screen editions of one layout are made side by side. The
    check of each language is a job too, right after its first editions: it runs in the
    gaps between layouts instead of beside them (a thread in the parent made three
    processes share two cores: 0.3 s more CPU time), and a one-language rebuild checks
    while it lays out. Nothing is written before every check passed: a failing language
    leaves ``dist/`` as it was.
    """
    if not tasks:
        return []
    files = sum(len(t.editions) for t in tasks)
    workers = min(jobs or os.cpu_count() or 1, files)
    log.info(
        _("files to make: {files}; language versions: {versions}; workers: {workers}").format(
            files=files, versions=len(tasks), workers=workers
        )
    )
    if workers <= 1 or not hasattr(os, "fork"):
        if checked_in is not None:
            for task in tasks:
                assert task.version is not None
                if not _passes(task.version, checked_in):
                    raise _check_failed(task.language)
        results: list[BuildResult] = []
        for task in tasks:
            made = _make_task(task, chosen, resources, out_dir)
            results.extend(_report(_write_task(task, made, out_dir), observer))
        return results
    return _Scheduler(tasks, chosen, resources, out_dir, workers, observer).run(checked_in)


#: A job of the scheduler: an edition of a task made from its source product, or (edition
#: None) the check of the task's version.
_Job = tuple[_Task, Edition | None, Product | None]


class _Scheduler:
    """Runs the editions of every task as a graph of jobs on a pool of forked workers."""

    def __init__(
        self,
        tasks: list[_Task],
        chosen: Selection,
        resources: Resources,
        out_dir: Path,
        workers: int,
        observer: BuildObserver | None,
    ) -> None:
        self.tasks, self.resources, self.out_dir = tasks, resources, out_dir
        self.workers, self.observer = workers, observer
        self.orders = {id(t): Selection(chosen.order, tuple(t.editions)).order for t in tasks}
        self.products: dict[int, dict[str, Product]] = {id(t): {} for t in tasks}
        self.problems: dict[int, list[Problem]] = {id(t): [] for t in tasks}
        self.waiting: dict[int, int] = {id(t): len(self.orders[id(t)]) for t in tasks}
        self.numbers = {id(t): i for i, t in enumerate(tasks)}

    def run(self, checked_in: Project | None) -> list[BuildResult]:
        import multiprocessing
        from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

        # Forked workers share what the parent imported: WeasyPrint loads once, and so do
        # the checker's modules (each worker reads only its own languages' word lists).
        from .weasy import import_weasyprint

        import_weasyprint()
        if checked_in is not None:
            from .check import prepare_workers

            prepare_workers([t.language for t in self.tasks])

        # The workers are forked with the tasks (and their versions, the translated
        # publication) in memory: a job names its task by number instead of sending it,
        # pickled, to the worker (a version is 0.1-0.25 MB; 5-6 ms each way, 30 jobs).
        global _SHARED_TASKS
        _SHARED_TASKS = (self.tasks, checked_in)
        pool = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_init_worker,
            initargs=(current_language(),),
        )
        # What the parent imported (WeasyPrint, Babel, the fonts) is never garbage: frozen
        # before the fork, the workers' collector no longer walks it on every older-
        # generation pass (and the shared pages stay shared). The parent thaws it once the
        # workers exist (see gc.freeze in the Python docs).
        gc.freeze()
        #: A job: an edition of a task, or (edition None) the check of its version.
        running: dict[Future[Any], tuple[_Task, Edition | None]] = {}
        results: list[BuildResult] = []
        unwritten = len(self.tasks)
        unchecked = {id(t) for t in self.tasks} if checked_in is not None else set()
        done: list[_Task] = []  # made and preflighted, waiting for the checks
        told = _Told()
        # Jobs waiting for a free worker; at most one job per worker is handed to the pool.
        # New layouts go first, the largest languages first, each language's check right
        # after its first editions, while few languages are open (laid out, editions still
        # to make): the short derived jobs then fill the gaps at the end instead of one
        # long layout running alone. Once as many languages are open as the limit allows,
        # their editions go first, so they are written and their memory released: memory
        # stays flat however many documents a build makes.
        ordered = sorted(self.tasks, key=lambda t: -len(t.version.blocks) if t.version else 0)
        roots: deque[_Job] = deque()
        for t in ordered:
            roots.extend((t, e, None) for e in self.orders[id(t)] if not e.derives_from)
            if id(t) in unchecked:
                roots.append((t, None, None))
        derived: deque[_Job] = deque()
        started: set[int] = set()
        max_open = 2 * self.workers + 2

        def fill() -> None:
            while (roots or derived) and len(running) < self.workers:
                open_tasks = sum(1 for i in started if self.waiting[i] > 0)
                if roots and (not derived or open_tasks < max_open):
                    task, edition, source = roots.popleft()
                else:
                    task, edition, source = derived.popleft()
                started.add(id(task))
                if edition is None:
                    assert task.version is not None and checked_in is not None
                    future = pool.submit(_logged, _passes_shared, self.numbers[id(task)])
                else:
                    future = self._submit(pool, task, edition, source)
                running[future] = (task, edition)

        try:
            fill()
            gc.unfreeze()  # the workers are forked on the first submit
            while unwritten:
                finished, _pending = wait(running, timeout=0.05, return_when=FIRST_COMPLETED)
                for future in finished:
                    task, edition = running.pop(future)
                    outcome, records = future.result()
                    told.replay(records)
                    if edition is None:
                        if not outcome:
                            raise _check_failed(task.language)
                        unchecked.discard(id(task))
                        continue
                    product, problems = outcome
                    self.products[id(task)][edition.name] = product
                    self.problems[id(task)] += problems
                    self.waiting[id(task)] -= 1
                    children = [e for e in self.orders[id(task)] if e.derives_from == edition.name]
                    derived.extendleft((task, child, product) for child in reversed(children))
                    if self.waiting[id(task)] == 0:
                        self._require_preflight(task)
                        done.append(task)
                fill()
                if not unchecked:
                    for task in done:
                        products = self.products.pop(id(task))  # the memory goes back
                        made = {e.name: products[e.name] for e in task.editions}
                        results.extend(
                            _report(_write_task(task, made, self.out_dir), self.observer)
                        )
                    unwritten -= len(done)
                    done.clear()
        except BaseException:
            gc.unfreeze()
            # Do not wait for layouts nobody will write; idle workers end now, busy ones
            # when their job is done (or with the build, see _init_worker).
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        finally:
            _SHARED_TASKS = None
        pool.shutdown()
        return results

    def _submit(self, pool: Any, task: _Task, edition: Edition, source: Product | None) -> Any:
        return pool.submit(
            _logged,
            _make_shared,
            self.numbers[id(task)],
            edition,
            source,
            self.resources,
            self.out_dir,
        )

    def _require_preflight(self, task: _Task) -> None:
        problems = self.problems[id(task)]
        if problems:
            raise _preflight_failed(task, problems)


#: The scheduler's tasks and the project they are checked in, for the forked workers.
_SHARED_TASKS: tuple[list[_Task], Project | None] | None = None


def _make_shared(
    number: int, edition: Edition, source: Product | None, resources: Resources, out_dir: Path
) -> tuple[Product, list[Problem]]:
    """``_make_one`` for the task the worker was forked with, after ``_tidy_worker``."""
    assert _SHARED_TASKS is not None
    _tidy_worker()
    return _make_one(_SHARED_TASKS[0][number], edition, source, resources, out_dir)


def _passes_shared(number: int) -> bool:
    """``_passes`` for the version of the task the worker was forked with, after
    ``_tidy_worker``."""
    assert _SHARED_TASKS is not None
    tasks, checked_in = _SHARED_TASKS
    version = tasks[number].version
    assert version is not None and checked_in is not None
    _tidy_worker()
    return _passes(version, checked_in)


def _tidy_worker() -> None:
    """Before a job, collect the reference cycles the worker's previous job left and
    freeze what survives.

    A layout leaves some 100,000 objects in reference cycles (WeasyPrint's boxes point to
    their parents), which the collector would otherwise free only at its next full pass,
    while the next layout piles up its own (workers grew to 320 MiB in the scale case,
    160 MiB with this). What survives is the worker's lasting state (fonts, stylesheets,
    the checker's word lists): frozen like the parent's, the next jobs' collections walk
    only what those jobs make (a collection after a short job took 10 ms, now none; the
    collections of a cold build's workers, 0.3-0.4 s, are 0.28-0.30 s since what a check
    leaves is frozen too). The collection comes before a job, not after it: a layout's
    result then goes to the parent at once, and the editions made from it start on the
    other worker 60-90 ms sooner (a one-language rebuild waited for it).
    """
    gc.collect()
    gc.freeze()


def _make_one(
    task: _Task, edition: Edition, source: Product | None, resources: Resources, out_dir: Path
) -> tuple[Product, list[Problem]]:
    """Make one edition of one language version and preflight it (in a worker)."""
    from .editions import EditionJob

    version = task.version
    assert version is not None
    target = out_dir / task.publication / edition.file_name(task.publication, task.language)
    product = edition.maker()(EditionJob(version, resources, target, source))
    if not edition.preflight or edition not in task.editions:
        return product, []
    return product, _preflight(task, edition, product, resources)


def _preflight(
    task: _Task, edition: Edition, product: Product, resources: Resources
) -> list[Problem]:
    from .fonts import font_families
    from .preflight import preflight
    from .screen import expected_rtl_words

    assert task.version is not None and edition.preflight
    version = task.version
    return preflight(
        product.data,
        edition.preflight,
        edition.file_name(task.publication, task.language),
        fonts=font_families(resources.fonts_dir),
        expected_words=expected_rtl_words(version) if version.language.rtl else set(),
    )


def _logged(job: Callable[..., _T], *args: Any) -> tuple[_T, list[logging.LogRecord]]:
    """Run ``job`` in a worker and return what it logged with its result: the parent
    shows it (``_Told``), in order with its own output and its progress display, instead
    of each worker writing to the terminal on its own."""
    logger = logging.getLogger("leichtesprache")
    collector = _Collector()
    handlers, propagate = logger.handlers, logger.propagate
    logger.handlers, logger.propagate = [collector], False
    try:
        return job(*args), collector.records
    finally:
        logger.handlers, logger.propagate = handlers, propagate


class _Collector(logging.Handler):
    """Keeps log records as plain, picklable copies (message formatted, no traceback)."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        data = dict(record.__dict__, msg=record.getMessage(), args=None, exc_info=None)
        self.records.append(logging.makeLogRecord(data))


class _Told:
    """Shows the workers' log records in the parent, each message once: a notice every
    worker gives (fonts subset with fontTools) is one warning, not one per worker."""

    def __init__(self) -> None:
        self.seen: set[tuple[int, str]] = set()

    def replay(self, records: list[logging.LogRecord]) -> None:
        for record in records:
            key = (record.levelno, record.getMessage())
            if key not in self.seen:
                self.seen.add(key)
                logging.getLogger(record.name).handle(record)


def _init_worker(language: str) -> None:
    """A worker dies with the build: a killed or interrupted build leaves no orphans.

    It speaks the parent's language (a spawned worker would start in English).
    """
    import signal
    import sys

    set_language(language)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(pr_set_pdeathsig, signal.SIGKILL)
        except (OSError, AttributeError):  # pragma: no cover - exotic libc
            log.debug("cannot ask the kernel to end workers with the build")


def _report(results: list[BuildResult], observer: BuildObserver | None) -> list[BuildResult]:
    for result in results:
        if result.pages is None:  # a web page
            log.info(_("wrote {file}").format(file=result.path))
            continue
        log.info(
            ngettext(
                "wrote {file} ({pages} page)", "wrote {file} ({pages} pages)", result.pages
            ).format(file=result.path, pages=result.pages)
        )
        if observer is not None:
            observer.written(result)
    return results


def _make_task(
    task: _Task, chosen: Selection, resources: Resources, out_dir: Path
) -> dict[str, Product]:
    """Make and preflight the outputs of one language version in this process."""
    version = task.version
    assert version is not None
    wanted = Selection(chosen.order, tuple(task.editions))
    products = make_editions(version, wanted, resources, out_dir / task.publication)
    problems = [
        problem
        for edition in task.editions
        if edition.preflight
        for problem in _preflight(task, edition, products[edition.name], resources)
    ]
    if problems:
        raise _preflight_failed(task, problems)
    return {e.name: products[e.name] for e in task.editions}


def _preflight_failed(task: _Task, problems: list[Problem]) -> PreflightError:
    return PreflightError.from_problems(
        problems,
        ngettext(
            "'{code}': the preflight found {count} problem:",
            "'{code}': the preflight found {count} problems:",
            len(problems),
        ).format(code=task.language, count=len(problems)),
    )


def _write_task(task: _Task, products: dict[str, Product], out_dir: Path) -> list[BuildResult]:
    """Write the outputs of one language version, each with the record of its inputs."""
    from .markup import plain_text

    version = task.version
    assert version is not None
    folder = out_dir / task.publication
    folder.mkdir(parents=True, exist_ok=True)
    results = []
    title = plain_text(version.text("meta.title"))
    for edition in task.editions:
        path = folder / edition.file_name(task.publication, task.language)
        product = products[edition.name]
        atomic_write_bytes(path, product.data)
        write_record(
            path,
            Record(
                output_digest(task.digest, edition.name),
                edition.name,
                task.language,
                product.pages,
                version.draft,
                title,
                version.publication.version.isoformat(),
            ),
        )
        results.append(
            BuildResult(
                task.publication, task.language, edition.name, path, product.pages, version.draft
            )
        )
    return results


def _make_site(
    edition: Edition, workspace: Workspace, out_dir: Path, force: bool
) -> BuildResult | None:
    """A file about the whole build (the download page), made from what dist/ holds."""
    from .digests import tree_digest
    from .site import SiteJob, listed, outputs_in

    project = workspace.project
    path = out_dir / edition.file_name("", "")
    outputs = outputs_in(out_dir)
    ui = workspace.ui_labels(project.source_language)
    inputs = Inputs(project, date(1970, 1, 1), False)
    digest = output_digest(
        _digest_of(
            inputs.design(),
            listed(outputs),
            repr(sorted((repr(k), v) for k, v in ui.messages.items())),
            tree_digest(project.templates_dir),
        ),
        edition.name,
    )
    if not force and is_fresh(path, digest):
        return BuildResult("", None, edition.name, path, None, False, written=False)
    product = edition.maker()(SiteJob(project, Resources.of(project), outputs, ui))
    out_dir.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, product.data)
    write_record(path, Record(digest, edition.name, None, None, False))
    log.info(_("wrote {file}").format(file=path))
    return BuildResult("", None, edition.name, path, None, False)


def _digest_of(*parts: str) -> str:
    import hashlib

    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def _order(result: BuildResult, codes: Sequence[str], chosen: Selection) -> tuple[str, int, int]:
    """Results in the order of the publications, the languages and the editions."""
    names = [e.name for e in chosen.outputs]
    language = codes.index(result.language) if result.language in codes else len(codes)
    edition = names.index(result.edition) if result.edition in names else len(names)
    return (result.publication or "\uffff", language, edition)
