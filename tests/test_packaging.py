"""The installed package is whole: a wheel built from the source tree holds every file of
``policykg/`` (modules and data alike, nothing else), and the installed copy finds the data it opens.

An editable install reads the source tree, so a data file left out of the wheel shows only after
``pip install .`` (as a FileNotFoundError in ``policykg build``); these tests build the wheel the
way ``pip install .`` does and look inside it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "policykg"
BYTE_CODE = (".pyc", ".pyo")


def _source_files() -> list[str]:
    """Every file of the package's source tree (POSIX paths from the project root).

    What git tracks or would track (untracked but not ignored), less what is deleted in the work
    tree; without git (or outside a checkout), a walk of the folder that skips byte-code.
    """
    try:
        out = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", PACKAGE],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout.decode()
    except (OSError, subprocess.CalledProcessError):
        out = ""
    names = [n for n in out.split("\0") if n]
    if not names:
        names = [
            p.relative_to(ROOT).as_posix()
            for p in (ROOT / PACKAGE).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and not p.name.endswith(BYTE_CODE)
        ]
    return sorted(n for n in names if (ROOT / n).is_file())


SOURCE = _source_files()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built, as ``pip install .`` builds it, from a copy of the source tree.

    The copy (the project's top-level files and the package's files) keeps the checkout free of
    build/ and egg-info, and keeps a stale build/lib from hiding a missing file. No build isolation
    and no index: the build backend comes from this environment (the ``test`` extra), offline.
    """
    src = tmp_path_factory.mktemp("source")
    for path in ROOT.iterdir():
        if path.is_file():
            shutil.copy2(path, src / path.name)
    for name in SOURCE:
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, src / name)
    out = tmp_path_factory.mktemp("wheel")
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_INPUT": "1"}
    command = [sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "--no-build-isolation"]
    command += ["--no-index", "--no-cache-dir", "--quiet", "-w", str(out)]
    done = subprocess.run(command, cwd=src, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.fail(
            "building the wheel failed (it needs setuptools>=77 and wheel here: "
            f'pip install -e ".[test]"):\n{done.stdout}\n{done.stderr}'
        )
    (built,) = out.glob("*.whl")
    return built


def _names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return {n for n in archive.namelist() if not n.endswith("/")}


def test_the_source_tree_is_found() -> None:
    kinds = {Path(n).suffix for n in SOURCE}
    assert f"{PACKAGE}/__init__.py" in SOURCE
    assert {".py", ".json", ".txt", ".rq", ".ttl"} <= kinds


def test_wheel_holds_every_file_of_the_package(wheel: Path) -> None:
    names = _names(wheel)
    missing = sorted(set(SOURCE) - names)
    assert not missing, f"{len(missing)} file(s) of {PACKAGE}/ not in the wheel: {missing}"


def test_wheel_holds_nothing_else(wheel: Path) -> None:
    names = _names(wheel)
    ours = {n for n in names if n.startswith(f"{PACKAGE}/")}
    assert not sorted(ours - set(SOURCE)), "files in the wheel that the source tree does not have"
    assert not [n for n in names if "__pycache__" in n or n.endswith(BYTE_CODE)]
    others = {n.split("/", 1)[0] for n in names - ours}
    assert others == {f"{PACKAGE}-{_version(wheel)}.dist-info"}, others


def _version(wheel: Path) -> str:
    return wheel.name.split("-")[1]


def test_wheel_declares_the_command(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        entry_points = archive.read(f"{PACKAGE}-{_version(wheel)}.dist-info/entry_points.txt").decode()
    assert "policykg = policykg.cli:main" in entry_points


# Run in the installed copy: every lexicon file through its loader, every named query, the
# ontology and its shapes, and the bundled corpus with its manifest; prints what it found.
_OPEN_EVERY_DATA_FILE = textwrap.dedent(
    """
    import json
    import sys
    from pathlib import Path

    import policykg
    from policykg.graph.named_queries import list_queries
    from policykg.loaders import lexicon
    from policykg.loaders.text.documents import bundled_corpus, read_corpus, read_manifest
    from policykg.ontology import ontology_path
    from policykg.ontology.validate import shapes_path

    site = Path(sys.argv[1]).resolve()
    assert Path(policykg.__file__).resolve().is_relative_to(site), policykg.__file__
    for name in lexicon.FILES:
        lexicon.load(name)
    assert ontology_path().is_file() and shapes_path().is_file()
    assert read_manifest(bundled_corpus())
    found = {
        "lexicon": sorted(lexicon.data_files()),
        "queries": [q.name for q in list_queries()],
        "documents": sorted(d.id for d in read_corpus(bundled_corpus())),
    }
    print(json.dumps(found))
    """
)


def test_installed_copy_opens_every_data_file(wheel: Path, tmp_path: Path) -> None:
    from policykg.graph.named_queries import list_queries
    from policykg.loaders import lexicon
    from policykg.loaders.text.documents import bundled_corpus, read_corpus

    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:  # a pure-Python wheel unpacked is an installed package
        archive.extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site), "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", _OPEN_EVERY_DATA_FILE, str(site)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    # the installed copy sees what the source tree has (this process imports the source tree)
    assert json.loads(done.stdout) == {
        "lexicon": sorted(lexicon.FILES),
        "queries": [q.name for q in list_queries()],
        "documents": sorted(d.id for d in read_corpus(bundled_corpus())),
    }
