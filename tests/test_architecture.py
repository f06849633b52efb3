"""The structure the code promises: a subpackage reaches into another only through the names
that subpackage exports (its ``__all__``), and the README's Architecture section names every
module that exists."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "policytext"


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _unit(module: str) -> str:
    """The subpackage (or top-level module) a module belongs to: policytext.batch.run → batch."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _imports(tree: ast.AST) -> list[tuple[int, str, list[str]]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0 and node.module.split(".")[0] == "policytext":
            found.append((node.lineno, node.module, [alias.name for alias in node.names]))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name, []) for a in node.names if a.name.split(".")[0] == "policytext"]
    return found


def _exported(module: str) -> set[str]:
    imported = importlib.import_module(module)
    names = getattr(imported, "__all__", None)
    if names is None:
        raise AssertionError(f"{module} defines no __all__")
    return set(names) | ({"__version__"} if module == "policytext" else set())


def _violations(path: Path) -> list[str]:
    importer = _module_name(path)
    found = []
    for line, target, names in _imports(ast.parse(path.read_text("utf-8"))):
        if _unit(target) == _unit(importer) and _unit(target):
            continue  # inside one subpackage, modules use each other freely
        is_package = (SRC / target.split(".")[1]).is_dir() if target != "policytext" else True
        depth = len(target.split("."))
        if (is_package and depth > 2) or (not is_package and depth > 2):
            found.append(f"{importer}:{line} imports from {target}, inside another subpackage")
            continue
        if not names:
            continue  # `import policytext.x` binds the module itself
        hidden = sorted(set(names) - _exported(target))
        if hidden:
            found.append(f"{importer}:{line} imports {', '.join(hidden)} from {target}, not in its __all__")
    return found


def test_subpackages_use_each_other_only_through_their_public_names() -> None:
    problems = [v for path in sorted(SRC.rglob("*.py")) for v in _violations(path)]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("module", sorted(
    _module_name(p) for p in [*SRC.glob("*.py"), *SRC.glob("*/__init__.py")] if p.name != "__main__.py"
))
def test_every_subpackage_and_top_level_module_declares_its_public_names(module: str) -> None:
    assert isinstance(getattr(importlib.import_module(module), "__all__", None), (list, tuple))


def test_the_readme_architecture_section_matches_the_tree() -> None:
    readme = (SRC.parents[1] / "README.md").read_text("utf-8")
    section = readme.split("## Architecture", 1)[1].split("\n## ", 1)[0]
    listed = {name.strip("`") for name in section.split() if name.strip("`,.;:()").endswith(".py")}
    listed = {name.strip("`,.;:()") for name in listed}
    modules = {p.relative_to(SRC).as_posix() for p in SRC.rglob("*.py") if p.name != "__main__.py"}
    modules -= {"__init__.py"}
    listed -= {"__init__.py"}  # a subpackage's own module, named with its folder where it holds code
    missing = sorted(m for m in modules if m not in listed and Path(m).name not in listed and Path(m).name != "__init__.py")
    unknown = sorted(n for n in listed if not any(m == n or m.endswith("/" + n) for m in modules))
    assert missing == [] and unknown == [], f"not in README: {missing}; in README but not in src: {unknown}"
