"""Service messages in the window's language: the one place that maps what services and
importers raise (English sentences, built where the error is found) to translatable text.

Services have no `tr`; their messages stay English for the command line and the logs.
Each entry below recognises one message by its fixed words and carries its parameters
(file names, values, numbers) into the translated sentence as %1, %2… A message no entry
knows is shown as it is (the test in tests/ui/test_messages.py triggers the ones an
analyst meets in normal use through the real services)."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

# (pattern over the English message, its translatable form); the first that matches wins
_N = r"(.+?)"  # a file name or value
CATALOGUE: tuple[tuple[str, object], ...] = (
    # tags, fields and review
    (r"Someone else changed(?: or deleted)? this tag since you loaded it.*",
     QT_TRANSLATE_NOOP("ServiceMessage", "Someone else changed this tag since you loaded it; it has been reloaded, please "
        "check it and try again.")),
    (r"This tag was deleted \(perhaps by a colleague\)\.",
     QT_TRANSLATE_NOOP("ServiceMessage", "This tag was deleted (perhaps by a colleague).")),
    (r"This tag is already back \(perhaps a colleague restored it\)\.",
     QT_TRANSLATE_NOOP("ServiceMessage", "This tag is already back (perhaps a colleague restored it).")),
    (rf"'{_N}' is not a number", QT_TRANSLATE_NOOP("ServiceMessage", "“%1” is not a number")),
    (rf"{_N} is not a number", QT_TRANSLATE_NOOP("ServiceMessage", "“%1” is not a number")),
    (rf"'{_N}' is not one of (.+)", QT_TRANSLATE_NOOP("ServiceMessage", "“%1” is not one of %2")),
    (rf"'{_N}' is not a direction .*", QT_TRANSLATE_NOOP("ServiceMessage", "“%1” is not a direction (增长/下降/水平)")),
    (r"Select some text to tag\.", QT_TRANSLATE_NOOP("ServiceMessage", "Select some text to tag.")),
    (r"A tag must cover at least one character of the report\.",
     QT_TRANSLATE_NOOP("ServiceMessage", "A tag must cover at least one character of the report.")),
    (r"A tag cannot link to itself\.", QT_TRANSLATE_NOOP("ServiceMessage", "A tag cannot link to itself.")),
    (r"That version of the tag is not in its history\.",
     QT_TRANSLATE_NOOP("ServiceMessage", "That version of the tag is not in its history.")),
    (r"The report no longer exists\.|the report no longer exists",
     QT_TRANSLATE_NOOP("ServiceMessage", "The report no longer exists.")),
    (r"That tag no longer exists\.", QT_TRANSLATE_NOOP("ServiceMessage", "That tag no longer exists.")),
    (r"Write a comment first\.", QT_TRANSLATE_NOOP("ServiceMessage", "Write a comment first.")),
    (r"Choose two different analysts\.", QT_TRANSLATE_NOOP("ServiceMessage", "Choose two different analysts.")),
    (rf"There is no tag kind '{_N}'\.", QT_TRANSLATE_NOOP("ServiceMessage", "There is no tag kind “%1”.")),
    # report metadata
    (r"a report needs a title", QT_TRANSLATE_NOOP("ServiceMessage", "A report needs a title.")),
    (rf"the year must be a number such as 2025 \(not '{_N}'\)",
     QT_TRANSLATE_NOOP("ServiceMessage", "The year must be a number such as 2025 (not “%1”).")),
    # importing
    (rf"{_N}: the file is empty\.", QT_TRANSLATE_NOOP("ServiceMessage", "%1: the file is empty.")),
    (rf"{_N}: no such file\.", QT_TRANSLATE_NOOP("ServiceMessage", "%1: no such file.")),
    (rf"{_N}: the file holds no text\.", QT_TRANSLATE_NOOP("ServiceMessage", "%1: the file holds no text.")),
    (rf"{_N}: this file type is not supported \(use (.+)\)\.",
     QT_TRANSLATE_NOOP("ServiceMessage", "%1: this file type is not supported (use %2).")),
    (rf"{_N}: this does not look like text\.", QT_TRANSLATE_NOOP("ServiceMessage", "%1: this does not look like text.")),
    (rf"{_N}: this is a binary file, not a text report\.",
     QT_TRANSLATE_NOOP("ServiceMessage", "%1: this is a binary file, not a text report.")),
    (rf"{_N}: the text encoding is not recognised.*",
     QT_TRANSLATE_NOOP("ServiceMessage", "%1: the text encoding is not recognised (tried UTF-8, UTF-16 and GB18030).")),
    (rf"{_N}: the text is not valid (.+)\.", QT_TRANSLATE_NOOP("ServiceMessage", "%1: the text is not valid %2.")),
    (rf"{_N}: the file is (\d+) MB; reports over (\d+) MB are refused\.",
     QT_TRANSLATE_NOOP("ServiceMessage", "%1: the file is %2 MB; reports over %3 MB are refused.")),
    (rf"{_N}: cannot be read \((.+)\)\.", QT_TRANSLATE_NOOP("ServiceMessage", "%1: cannot be read (%2).")),
    (rf"{_N}: the PDF holds no text\.", QT_TRANSLATE_NOOP("ServiceMessage", "%1: the PDF holds no text.")),
    (rf"{_N}: this is not a PDF file\.", QT_TRANSLATE_NOOP("ServiceMessage", "%1: this is not a PDF file.")),
    (rf"{_N}: the PDF is encrypted.*",
     QT_TRANSLATE_NOOP("ServiceMessage", "%1: the PDF is password-protected; save an unprotected copy and import that.")),
    (rf"{_N}: the PDF is damaged and cannot be read.*",
     QT_TRANSLATE_NOOP("ServiceMessage", "%1: the PDF is damaged and cannot be read.")),
    (rf"{_N}: the PDF is a scan and OCR found no text in it\.",
     QT_TRANSLATE_NOOP("ServiceMessage", "%1: the PDF is a scan and OCR found no text in it.")),
    (rf"{_N}: the PDF is a scan \(pages without a text layer\) and needs OCR.*",
     QT_TRANSLATE_NOOP("ServiceMessage", "%1: the PDF is a scan (pages without a text layer) and needs OCR, which is not "
        "installed.")),
    (rf"{_N}: this is a password-protected or old-format \(\.doc\) Word file.*",
     QT_TRANSLATE_NOOP("ServiceMessage", "%1: this is a password-protected or old-format (.doc) Word file; save it as an "
        "unprotected .docx and import that.")),
    (rf"{_N}: the Word file holds no text\.", QT_TRANSLATE_NOOP("ServiceMessage", "%1: the Word file holds no text.")),
    (rf"{_N}: the Word file is damaged.*", QT_TRANSLATE_NOOP("ServiceMessage", "%1: the Word file is damaged and cannot be read.")),
    (rf"{_N}: the Word file would inflate to .*|{_N}: the Word file holds \d+ parts.*",
     QT_TRANSLATE_NOOP("ServiceMessage", "%1: the Word file is unsafe to open (a zip bomb or a damaged file); refused.")),
    (rf"{_N}: the page holds no text\.", QT_TRANSLATE_NOOP("ServiceMessage", "%1: the page holds no text.")),
    (rf"{_N}: the page cannot be read.*", QT_TRANSLATE_NOOP("ServiceMessage", "%1: the page cannot be read.")),
    # the project
    (rf"{_N} is locked by another program; close it there and try again\.",
     QT_TRANSLATE_NOOP("ServiceMessage", "%1 is locked by another program; close it there and try again.")),
    (r"The project is busy: .*",
     QT_TRANSLATE_NOOP("ServiceMessage", "The project is busy: another window or program holds its write lock. Nothing was "
        "changed; try again in a moment.")),
    (r"The project file is read-only, so nothing was changed\..*",
     QT_TRANSLATE_NOOP("ServiceMessage", "The project file is read-only, so nothing was changed. Make it writable (or copy it "
        "to a folder you can write to) and try again.")),
    (rf"{_N} is read-only\. Make it writable.*",
     QT_TRANSLATE_NOOP("ServiceMessage", "%1 is read-only. Make it writable (or copy it to a folder you can write to) and open "
        "it again.")),
    (rf"{_N} is in a read-only folder \((.+)\)\..*",
     QT_TRANSLATE_NOOP("ServiceMessage", "%1 is in a read-only folder (%2). Copy the project to a folder you can write to, or "
        "make this folder writable.")),
    (r"The disk is full, so nothing was changed\..*",
     QT_TRANSLATE_NOOP("ServiceMessage", "The disk is full, so nothing was changed. Free some space and try again.")),
    (rf"{_N} was made by a newer version of ReportMark \(schema (.+)\).*",
     QT_TRANSLATE_NOOP("ServiceMessage", "%1 was made by a newer version of ReportMark (schema %2); please update ReportMark "
        "to open it.")),
    (rf"{_N} is not a ReportMark project.*", QT_TRANSLATE_NOOP("ServiceMessage", "%1 is not a ReportMark project.")),
    (rf"{_N} is an empty file, not a ReportMark project.*",
     QT_TRANSLATE_NOOP("ServiceMessage", "%1 is an empty file, not a ReportMark project: choose a new name, or delete the file.")),
    (rf"{_N} is damaged.*|{_N} failed its integrity check.*",
     QT_TRANSLATE_NOOP("ServiceMessage", "%1 is damaged and cannot be opened.")),
    (rf"{_N} is a folder, not a project file\.", QT_TRANSLATE_NOOP("ServiceMessage", "%1 is a folder, not a project file.")),
    (r"The team database cannot be reached.*|The team database did not answer.*",
     QT_TRANSLATE_NOOP("ServiceMessage", "The team database cannot be reached. Check its address and your network, then try "
        "again.")),
    (r"That is this project; choose a colleague's project to merge\.",
     QT_TRANSLATE_NOOP("ServiceMessage", "That is this project; choose a colleague's project to merge.")),
    (rf"{_N} does not exist or is not a project file\.",
     QT_TRANSLATE_NOOP("ServiceMessage", "%1 does not exist or is not a project file.")),
    # workbooks
    (rf"{_N} is not an Excel workbook \(\.xlsx\); nothing was changed\.",
     QT_TRANSLATE_NOOP("ServiceMessage", "%1 is not an Excel workbook (.xlsx); nothing was changed.")),
    (rf"{_N} could not be read as an Excel workbook.*|{_N} is damaged and could not be read.*",
     QT_TRANSLATE_NOOP("ServiceMessage", "%1 could not be read as an Excel workbook; nothing was changed.")),
    (rf"{_N} was exported by a newer version of ReportMark.*",
     QT_TRANSLATE_NOOP("ServiceMessage", "%1 was exported by a newer version of ReportMark; update ReportMark to import it.")),
    (rf"The folder {_N} does not exist\.", QT_TRANSLATE_NOOP("ServiceMessage", "The folder %1 does not exist.")),
)
_COMPILED: list[tuple[re.Pattern[str], object]] = []  # compiled when first needed, not at start-up


def translated(message: str) -> str:
    """The message in the window's language (as it is when no entry knows it)."""
    message = message.strip()
    if not _COMPILED:
        _COMPILED.extend((re.compile(p, re.DOTALL), text) for p, text in CATALOGUE)
    for pattern, text in _COMPILED:
        found = pattern.fullmatch(message)
        if found is None:
            continue
        out = QCoreApplication.translate("ServiceMessage", str(text))
        params = [g for g in found.groups() if g is not None]
        for i, value in enumerate(params, start=1):
            out = out.replace(f"%{i}", value)
        return out
    return message


def error_text(exc: BaseException) -> str:
    """An error a user can act on, as the window shows it."""
    return translated(str(exc))
