"""Every message an analyst can be shown reads in Chinese (issue 15): each id in the
catalogue (desktop/ui/messages.py) has a finished zh_CN translation with the same
placeholders, every message id the code raises is in the catalogue, and no refusal
falls back on a base class's generic id (whose English varies from raise to raise, so
no catalogue entry could translate it)."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from desktop.domain.errors import UserError
from desktop.ui.messages import CATALOGUE
from tests.ui.test_translations import TS

REPO = Path(__file__).resolve().parents[2]
# the ids of the base classes: fallbacks, never a message of their own
GENERIC = {"error", "input.refused", "not_found", "environment", "project.error",
           "project.corrupt"}


def code_files() -> list[Path]:
    return [p for root in ("desktop", "db") for p in sorted((REPO / root).rglob("*.py"))
            if "migrations" not in p.parts]


def finished_translations() -> dict[str, str]:
    out = {}
    for context in ET.parse(TS).iter("context"):
        if context.findtext("name") != "ServiceMessage":
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and not translation.get("type") and translation.text:
                out[message.findtext("source") or ""] = translation.text
    return out


def test_every_catalogue_entry_has_a_finished_chinese_translation() -> None:
    done = finished_translations()
    missing = sorted(mid for mid, (text, _params) in CATALOGUE.items() if text not in done)
    assert missing == [], f"no zh_CN translation (resources/translations/README.md): {missing}"
    for mid, (text, params) in CATALOGUE.items():
        placeholders = sorted(re.findall(r"%\d", text))
        assert placeholders == [f"%{i}" for i in range(1, len(params) + 1)], mid
        assert sorted(re.findall(r"%\d", done[text])) == placeholders, mid
        assert re.search(r"[\u4e00-\u9fff]", done[text]), mid


def raised_ids() -> dict[str, str]:
    """message id → where: every `message_id="…"` given to a call, and every class's own."""
    out: dict[str, str] = {}
    for path in code_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            values = []
            if isinstance(node, ast.Call):
                values = [k.value for k in node.keywords if k.arg == "message_id"]
            elif isinstance(node, ast.ClassDef):
                values = [s.value for s in node.body if isinstance(s, ast.Assign | ast.AnnAssign)
                          and "message_id" in ast.unparse(s).split("=")[0]
                          and s.value is not None]
            for value in values:
                for const in ast.walk(value):
                    if isinstance(const, ast.Constant) and isinstance(const.value, str):
                        out.setdefault(const.value, f"{path.relative_to(REPO)}:{node.lineno}")
    return out


def test_every_message_id_in_the_code_is_in_the_catalogue() -> None:
    found = raised_ids()
    assert len(found) > 100  # the scan sees them
    missing = {mid: where for mid, where in found.items()
               if mid not in CATALOGUE and mid not in GENERIC}
    assert missing == {}, f"message ids without a catalogue entry: {missing}"


def _error_classes() -> dict[str, type[UserError]]:
    for package in ("desktop", "db"):
        module = importlib.import_module(package)
        for info in pkgutil.walk_packages(module.__path__, f"{package}."):
            if ".ui" in info.name or "migrations" in info.name or info.name.endswith("__main__"):
                continue
            importlib.import_module(info.name)
    out: dict[str, type[UserError]] = {}
    todo: list[type[UserError]] = [UserError]
    while todo:
        cls = todo.pop()
        out[cls.__name__] = cls
        todo.extend(cls.__subclasses__())
    return out


def test_no_refusal_falls_back_on_a_generic_id() -> None:
    classes = _error_classes()
    generic = []
    for path in code_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
                continue
            func = node.exc.func
            cls = classes.get(func.id if isinstance(func, ast.Name) else getattr(func, "attr", ""))
            if cls is None or any(k.arg == "message_id" for k in node.exc.keywords):
                continue
            # a class whose constructor takes no message_id names its own
            takes_id = "message_id" in inspect.signature(cls.__init__).parameters
            if cls.message_id in GENERIC and takes_id:
                generic.append(f"{path.relative_to(REPO)}:{node.lineno} {cls.__name__}")
    assert generic == [], f"raised without a message id of their own: {generic}"
