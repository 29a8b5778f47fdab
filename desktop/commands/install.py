"""reportmark --install-desktop / --uninstall-desktop: the Linux desktop integration,
for the current user only (no root), following the freedesktop.org specifications.

What is installed, under $XDG_DATA_HOME (~/.local/share):
- applications/reportmark.desktop   the menu entry; `Exec=<this program> %F`, so "Open
                                    with ReportMark" imports the files and opens the window
- icons/hicolor/scalable/apps/reportmark.svg   its icon
- mime/packages/reportmark.xml      the project file type (*.rmk), which the entry opens
and ~/.local/bin/reportmark, a link to the bundle's program, so that a terminal finds the
command line (only for the bundle, and only where no other `reportmark` is there).
The caches (desktop database, MIME database, icon cache) are refreshed where their tools
are installed; a desktop without them reads the files at its next start.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from desktop import APP_NAME

DESKTOP_ID = "reportmark.desktop"
PROJECT_MIME = "application/x-reportmark-project"
# what the entry offers to open: plain text, Word, PDF, web pages, scans and projects
REPORT_MIMES = ("text/plain", "text/markdown", "text/html", "application/pdf",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "image/png", "image/jpeg", "image/tiff")

MIME_XML = f"""<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="{PROJECT_MIME}">
    <comment>ReportMark project</comment>
    <comment xml:lang="zh_CN">ReportMark 项目</comment>
    <sub-class-of type="application/vnd.sqlite3"/>
    <glob pattern="*.rmk"/>
  </mime-type>
</mime-info>
"""


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def bin_link() -> Path:
    return Path.home() / ".local" / "bin" / "reportmark"


def resources_dir() -> Path:
    # in the bundle, PyInstaller unpacks the data files under sys._MEIPASS
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[2]))
    return base / "resources"


def program() -> list[str]:
    """The command that starts ReportMark as this process was started."""
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).resolve())]
    # the console script beside this interpreter (a virtual environment's bin/), not the
    # interpreter it links to: resolving the link would leave the environment
    beside = Path(sys.executable).absolute().with_name("reportmark")
    script = str(beside) if beside.exists() else shutil.which("reportmark")
    if script:
        return [str(Path(script).absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "desktop"]


def desktop_entry(command: list[str]) -> str:
    exec_line = " ".join(shlex.quote(part) for part in command)
    mimes = ";".join((*REPORT_MIMES, PROJECT_MIME)) + ";"
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        f"Name={APP_NAME}",
        f"Name[zh_CN]={APP_NAME} 报告标注",
        "GenericName=Report tagger",
        "GenericName[zh_CN]=报告标注",
        "Comment=Tag metrics, programs and targets in Chinese reports",
        "Comment[zh_CN]=在中文报告中标注指标、举措和目标",
        f"Exec={exec_line} %F",
        f"TryExec={command[0]}",
        "Icon=reportmark",
        "Terminal=false",
        "Categories=Office;",
        f"MimeType={mimes}",
        "StartupWMClass=ReportMark",
        "",
    ])


def installed_paths() -> dict[str, Path]:
    base = data_home()
    return {
        "entry": base / "applications" / DESKTOP_ID,
        "icon": base / "icons" / "hicolor" / "scalable" / "apps" / "reportmark.svg",
        "mime": base / "mime" / "packages" / "reportmark.xml",
    }


def install_files() -> list[str]:
    paths = installed_paths()
    command = program()
    icon = resources_dir() / "icons" / "reportmark.svg"
    for path in paths.values():
        path.parent.mkdir(parents=True, exist_ok=True)
    paths["entry"].write_text(desktop_entry(command), encoding="utf-8")
    shutil.copyfile(icon, paths["icon"])
    paths["mime"].write_text(MIME_XML, encoding="utf-8")
    done = [f"installed {p}" for p in paths.values()]
    link = bin_link()
    if getattr(sys, "frozen", False) and (not link.exists() or link.is_symlink()):
        link.parent.mkdir(parents=True, exist_ok=True)
        link.unlink(missing_ok=True)
        link.symlink_to(command[0])
        done.append(f"linked    {link} -> {command[0]}")
    _refresh(set_default=True)
    return done


def remove_files() -> list[str]:
    done = []
    for path in installed_paths().values():
        if path.exists():
            path.unlink()
            done.append(f"removed   {path}")
    link = bin_link()
    # only our own link: one that points at a ReportMark program
    if link.is_symlink() and Path(os.readlink(link)).name == "reportmark":
        link.unlink()
        done.append(f"removed   {link}")
    _refresh(set_default=False)
    return done


def _refresh(*, set_default: bool) -> None:
    base = data_home()
    steps = [["update-desktop-database", "-q", str(base / "applications")],
             ["update-mime-database", str(base / "mime")],
             ["gtk-update-icon-cache", "-q", "-t", str(base / "icons" / "hicolor")]]
    if set_default:  # projects open in ReportMark; reports only offer it ("Open with")
        steps.append(["xdg-mime", "default", DESKTOP_ID, PROJECT_MIME])
    for step in steps:
        if shutil.which(step[0]):
            subprocess.run(step, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           check=False, timeout=60)


def main(*, uninstall: bool) -> int:
    if sys.platform != "linux":
        sys.stderr.write("reportmark: error: --install-desktop and --uninstall-desktop are "
                         "for Linux; on Windows and macOS the bundle is the application\n")
        return 1
    try:
        lines = remove_files() if uninstall else install_files()
    except OSError as exc:
        sys.stderr.write(f"reportmark: error: {' '.join(str(exc).split())}\n")
        return 1
    for line in lines:
        print(line)
    print("ReportMark is no longer in the applications menu" if uninstall else
          "ReportMark is in the applications menu and in \"Open with\" for reports and projects")
    return 0
