"""Service messages in the window's language: the one place that maps a UserError's
`message_id` (desktop/domain/errors.py) to translatable text.

Services have no `tr`; their messages stay English (`str(err)`) for the command line and
the log. Each entry below names one message id, its translatable form with %1, %2… and
the parameters (file names, values, numbers) that fill them, in order. An error whose id
no entry knows (or that is not a UserError: an OSError) is shown as its English text
(the test in tests/ui/test_messages.py triggers the ones an analyst meets in normal use
through the real services)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop.domain.errors import UserError


def _m(text: object, *params: str) -> tuple[str, tuple[str, ...]]:
    return str(text), params


CATALOGUE: dict[str, tuple[str, tuple[str, ...]]] = {
    # tags, fields and review
    "tag.stale": _m(QT_TRANSLATE_NOOP("ServiceMessage", "Someone else changed this tag since you loaded it; it has been reloaded, please "
        "check it and try again.")),
    "tag.deleted": _m(QT_TRANSLATE_NOOP("ServiceMessage", "This tag was deleted (perhaps by a colleague).")),
    "tag.already_back": _m(QT_TRANSLATE_NOOP("ServiceMessage", "This tag is already back (perhaps a colleague restored it).")),
    "field.not_number": _m(QT_TRANSLATE_NOOP("ServiceMessage", "“%1” is not a number"), "text"),
    "field.not_a_choice": _m(QT_TRANSLATE_NOOP("ServiceMessage", "“%1” is not one of %2"), "text", "allowed"),
    "field.not_direction": _m(QT_TRANSLATE_NOOP("ServiceMessage", "“%1” is not a direction (增长/下降/水平)"), "text"),
    "tag.no_selection": _m(QT_TRANSLATE_NOOP("ServiceMessage", "Select some text to tag.")),
    "tag.empty_span": _m(QT_TRANSLATE_NOOP("ServiceMessage", "A tag must cover at least one character of the report.")),
    "tag.self_link": _m(QT_TRANSLATE_NOOP("ServiceMessage", "A tag cannot link to itself.")),
    "tag.no_version": _m(QT_TRANSLATE_NOOP("ServiceMessage", "That version of the tag is not in its history.")),
    "report.gone": _m(QT_TRANSLATE_NOOP("ServiceMessage", "The report no longer exists.")),
    "tag.gone": _m(QT_TRANSLATE_NOOP("ServiceMessage", "That tag no longer exists.")),
    "review.no_comment": _m(QT_TRANSLATE_NOOP("ServiceMessage", "Write a comment first.")),
    "agreement.same_analyst": _m(QT_TRANSLATE_NOOP("ServiceMessage", "Choose two different analysts.")),
    "kind.unknown": _m(QT_TRANSLATE_NOOP("ServiceMessage", "There is no tag kind “%1”."), "kind"),
    # report metadata
    "report.no_title": _m(QT_TRANSLATE_NOOP("ServiceMessage", "A report needs a title.")),
    "report.bad_year": _m(QT_TRANSLATE_NOOP("ServiceMessage", "The year must be a number such as 2025 (not “%1”)."), "text"),
    # importing
    "import.empty": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1: the file is empty."), "name"),
    "import.no_such_file": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1: no such file."), "name"),
    "import.no_text": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1: the file holds no text."), "name"),
    "import.unsupported": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1: this file type is not supported (use %2)."),
                             "name", "known"),
    "import.not_text": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1: this does not look like text."), "name"),
    "import.binary": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1: this is a binary file, not a text report."), "name"),
    "import.unknown_encoding": _m(QT_TRANSLATE_NOOP("ServiceMessage",
        "%1: the text encoding is not recognised (tried UTF-8, UTF-16 and GB18030)."), "name"),
    "import.bad_encoding": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1: the text is not valid %2."), "name", "encoding"),
    "import.too_large": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1: the file is %2 MB; reports over %3 MB are refused."),
                           "name", "size", "limit"),
    "import.unreadable": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1: cannot be read (%2)."), "name", "reason"),
    "import.pdf_no_text": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1: the PDF holds no text."), "name"),
    "import.not_pdf": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1: this is not a PDF file."), "name"),
    "import.pdf_encrypted": _m(QT_TRANSLATE_NOOP("ServiceMessage",
        "%1: the PDF is password-protected; save an unprotected copy and import that."), "name"),
    "import.pdf_damaged": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1: the PDF is damaged and cannot be read."), "name"),
    "import.pdf_ocr_no_text": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1: the PDF is a scan and OCR found no text in it."),
                                 "name"),
    "import.pdf_needs_ocr": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1: the PDF is a scan (pages without a text layer) and needs OCR, which is not "
        "installed."), "name"),
    "import.docx_protected": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1: this is a password-protected or old-format (.doc) Word file; save it as an "
        "unprotected .docx and import that."), "name"),
    "import.docx_no_text": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1: the Word file holds no text."), "name"),
    "import.docx_damaged": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1: the Word file is damaged and cannot be read."), "name"),
    "import.docx_unsafe": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1: the Word file is unsafe to open (a zip bomb or a damaged file); refused."),
                             "name"),
    "import.page_no_text": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1: the page holds no text."), "name"),
    "import.page_unreadable": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1: the page cannot be read."), "name"),
    # the project
    "project.locked_by": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1 is locked by another program; close it there and try again."),
                            "name"),
    "project.locked": _m(QT_TRANSLATE_NOOP("ServiceMessage", "The project is busy: another window or program holds its write lock. Nothing was "
        "changed; try again in a moment.")),
    "project.read_only": _m(QT_TRANSLATE_NOOP("ServiceMessage", "The project file is read-only, so nothing was changed. Make it writable (or copy it "
        "to a folder you can write to) and try again.")),
    "project.read_only_file": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1 is read-only. Make it writable (or copy it to a folder you can write to) and open "
        "it again."), "name"),
    "project.read_only_folder": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1 is in a read-only folder (%2). Copy the project to a folder you can write to, or "
        "make this folder writable."), "name", "folder"),
    "project.disk_full": _m(QT_TRANSLATE_NOOP("ServiceMessage", "The disk is full, so nothing was changed. Free some space and try again.")),
    "project.newer": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1 was made by a newer version of ReportMark (schema %2); please update ReportMark "
        "to open it."), "name", "rev"),
    "project.not_ours": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1 is not a ReportMark project."), "name"),
    "project.empty_file": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1 is an empty file, not a ReportMark project: choose a new name, or delete the file."),
                             "name"),
    "project.damaged": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1 is damaged and cannot be opened."), "name"),
    "project.folder": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1 is a folder, not a project file."), "name"),
    "project.unreachable": _m(QT_TRANSLATE_NOOP("ServiceMessage", "The team database cannot be reached. Check its address and your network, then try "
        "again.")),
    "merge.same_project": _m(QT_TRANSLATE_NOOP("ServiceMessage", "That is this project; choose a colleague's project to merge.")),
    "batch.tag_changed": _m(QT_TRANSLATE_NOOP("ServiceMessage", "Someone else changed or made a tag on what this batch added since; it was not undone.")),
    "batch.kind_used": _m(QT_TRANSLATE_NOOP("ServiceMessage", "Tags of the kind %1 were made since; delete them or the kind first."), "kinds"),
    "batch.clash": _m(QT_TRANSLATE_NOOP("ServiceMessage", "It cannot be redone: %1 came into the project since."), "what"),
    "merge.undo_changed": _m(QT_TRANSLATE_NOOP("ServiceMessage", "A colleague has since changed %1 of the things this merge brought in or changed; to keep their work, the merge was not undone."), "count"),
    "merge.redo_changed": _m(QT_TRANSLATE_NOOP("ServiceMessage", "A colleague has since changed %1 of the things this merge brought in or changed; to keep their work, the merge was not redone."), "count"),
    "merge.no_source": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1 does not exist or is not a project file."), "name"),
    # workbooks
    "workbook.not_xlsx": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1 is not an Excel workbook (.xlsx); nothing was changed."), "name"),
    "workbook.unreadable": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1 could not be read as an Excel workbook; nothing was changed."), "name"),
    "workbook.newer": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1 was exported by a newer version of ReportMark; update ReportMark to import it."),
                         "name"),
    "folder.missing": _m(QT_TRANSLATE_NOOP("ServiceMessage", "The folder %1 does not exist."), "folder"),
    # the schema, the program registry, adjudication
    "agreement.none_chosen": _m(QT_TRANSLATE_NOOP("ServiceMessage", "Choose the versions to combine.")),
    "agreement.other_report": _m(QT_TRANSLATE_NOOP("ServiceMessage", "Only versions in the same report can be combined.")),
    "schema.bad_shortcut": _m(QT_TRANSLATE_NOOP("ServiceMessage", "A kind's shortcut is a single letter or digit.")),
    "schema.no_choices": _m(QT_TRANSLATE_NOOP("ServiceMessage", "A choice field needs at least one choice.")),
    "schema.kind_in_use": _m(QT_TRANSLATE_NOOP("ServiceMessage", "Tags of the kind “%1” exist now, so it is kept."), "kind"),
    "project.backup_gone": _m(QT_TRANSLATE_NOOP("ServiceMessage", "The backup %1 is no longer there."), "name"),
    "schema.last_kind": _m(QT_TRANSLATE_NOOP("ServiceMessage", "A project needs at least one tag kind; add another first.")),
    "schema.move_to_self": _m(QT_TRANSLATE_NOOP("ServiceMessage", "Tags cannot be moved to the kind being deleted.")),
    "schema.kind_gone": _m(QT_TRANSLATE_NOOP("ServiceMessage", "This tag kind no longer exists (perhaps a colleague deleted it).")),
    "schema.field_gone": _m(QT_TRANSLATE_NOOP("ServiceMessage", "This field no longer exists (perhaps a colleague removed it).")),
    "schema.bad_field_key": _m(QT_TRANSLATE_NOOP("ServiceMessage", "A field's key is lower-case letters, digits and _, starting with a letter.")),
    "schema.choices_on_non_choice": _m(QT_TRANSLATE_NOOP("ServiceMessage", "Only a choice field has choices.")),
    "programs.no_name": _m(QT_TRANSLATE_NOOP("ServiceMessage", "A program needs a name.")),
    "programs.gone": _m(QT_TRANSLATE_NOOP("ServiceMessage", "That program is no longer in the registry.")),
    "programs.empty_alias": _m(QT_TRANSLATE_NOOP("ServiceMessage", "An alias cannot be empty.")),
    "programs.same": _m(QT_TRANSLATE_NOOP("ServiceMessage", "Choose two different programs to merge.")),
    "programs.exists": _m(QT_TRANSLATE_NOOP("ServiceMessage", "“%1” is already in the registry."), "name"),
    "programs.name_taken": _m(QT_TRANSLATE_NOOP("ServiceMessage", "“%1” names another program; merge the two instead."), "name"),
    "programs.alias_taken": _m(QT_TRANSLATE_NOOP("ServiceMessage", "“%1” already names the program “%2”."), "alias", "program"),
    "import.not_image": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1: this is not an image that can be read."), "name"),
    "import.image_damaged": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1: the image is damaged and cannot be read."), "name"),
    "import.image_no_text": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1: OCR found no text in the image."), "name"),
    "import.image_needs_ocr": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1: a scanned page needs OCR, which is not installed."), "name"),
    "project.disk_error": _m(QT_TRANSLATE_NOOP("ServiceMessage", "The disk reported an error, so nothing was changed. Check the drive and try again.")),
    "project.db_timeout": _m(QT_TRANSLATE_NOOP("ServiceMessage", "The team database did not finish in time, so nothing was changed. Try again later.")),
    "project.empty_database": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1 is an empty SQLite database, not a ReportMark project: choose a new name."), "name"),
    # the command line's and the project's refusals, also met in the window
    "analyst.unknown": _m(QT_TRANSLATE_NOOP("ServiceMessage", "There is no analyst “%1” in this project (known: %2)."), "name", "known"),
    "report.no_such_id": _m(QT_TRANSLATE_NOOP("ServiceMessage", "There is no report with the id “%1”."), "id"),
    "report.ambiguous_id": _m(QT_TRANSLATE_NOOP("ServiceMessage", "The id prefix “%1” matches several reports."), "id"),
    "report.bad_state": _m(QT_TRANSLATE_NOOP("ServiceMessage", "“%1” is not a report state."), "state"),
    "report.fixed_field": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1 cannot be edited."), "key"),
    "tag.bad_link_type": _m(QT_TRANSLATE_NOOP("ServiceMessage", "“%1” is not a kind of link (%2)."), "link_type", "known"),
    "suggestions.none_of_kind": _m(QT_TRANSLATE_NOOP("ServiceMessage", "There are no suggestions of the kind “%1”."), "kind"),
    "suggestions.unknown_kind": _m(QT_TRANSLATE_NOOP("ServiceMessage", "Unknown suggestion kinds: %1."), "kinds"),
    "learning.bad_source": _m(QT_TRANSLATE_NOOP("ServiceMessage", "Suggestions come from one of %1, not “%2”."), "known", "source"),
    "search.empty": _m(QT_TRANSLATE_NOOP("ServiceMessage", "Type something to search for.")),
    "search.bad_regex": _m(QT_TRANSLATE_NOOP("ServiceMessage", "The regular expression is not valid: %1."), "reason"),
    "import.bad_metadata": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1 cannot be given on import."), "fields"),
    "import.title_for_many": _m(QT_TRANSLATE_NOOP("ServiceMessage", "A title names one report, but %1 files were given; import them one by one to give each its title."), "files"),
    "import.title_for_articles": _m(QT_TRANSLATE_NOOP("ServiceMessage", "A title names one report, but %1 holds %2 articles; import it without a title and set each report's title afterwards."), "source", "count"),
    "import.ocr_failed": _m(QT_TRANSLATE_NOOP("ServiceMessage", "Text recognition (Tesseract) failed: %1"), "reason"),
    "annotations.refused": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1, line %2: %3"), "file", "line", "message"),
    "annotations.unknown_file": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1: not a doccano, Label Studio, brat or WebAnno TSV file."), "name"),
    "annotations.unknown_format": _m(QT_TRANSLATE_NOOP("ServiceMessage", "Unknown annotation format “%1” (one of %2)."), "fmt", "known"),
    "export.unknown_format": _m(QT_TRANSLATE_NOOP("ServiceMessage", "Unknown export format “%1”: choose one of %2."), "fmt", "known"),
    "project.nothing_to_restore": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1 opens as it is; there is nothing to restore."), "name"),
    "project.no_good_backup": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1 has no backup that opens."), "name"),
    "project.cannot_write": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1 cannot be written: %2."), "name", "reason"),
    "project.none_at": _m(QT_TRANSLATE_NOOP("ServiceMessage", "There is no project at %1. Import a report to create one, or check the path."), "path"),
    "project.unfinished": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1 is an unfinished ReportMark project: its creation was interrupted before any work was saved in it. Delete it and open again."), "name"),
    "project.bad_url": _m(QT_TRANSLATE_NOOP("ServiceMessage", "That is not a database URL; a team database URL looks like postgresql://user@host/database.")),
    "project.not_postgres": _m(QT_TRANSLATE_NOOP("ServiceMessage", "ReportMark's team databases are PostgreSQL; %1:// is not supported. Use a URL like postgresql://user@host/database."), "driver"),
    "project.empty_team": _m(QT_TRANSLATE_NOOP("ServiceMessage", "The team database is empty. Import a report or open the window to set it up.")),
    "project.foreign_tables": _m(QT_TRANSLATE_NOOP("ServiceMessage", "The team database holds another program's tables, not a ReportMark project; use an empty database for ReportMark.")),
    "project.foreign_schema": _m(QT_TRANSLATE_NOOP("ServiceMessage", "The team database belongs to another program (its schema is not ReportMark's); use an empty database for ReportMark.")),
    "schema.kind_no_name": _m(QT_TRANSLATE_NOOP("ServiceMessage", "A kind needs a name.")),
    "schema.field_no_name": _m(QT_TRANSLATE_NOOP("ServiceMessage", "A field needs a name.")),
    "schema.kind_long_name": _m(QT_TRANSLATE_NOOP("ServiceMessage", "A kind's name can have at most 80 characters.")),
    "schema.field_long_name": _m(QT_TRANSLATE_NOOP("ServiceMessage", "A field's name can have at most 80 characters.")),
    "schema.kind_exists": _m(QT_TRANSLATE_NOOP("ServiceMessage", "There is already a kind called “%1”."), "name"),
    "schema.field_exists": _m(QT_TRANSLATE_NOOP("ServiceMessage", "This kind already has a field called “%1”."), "label"),
    "schema.field_key_exists": _m(QT_TRANSLATE_NOOP("ServiceMessage", "This kind already has a field with the key “%1”."), "key"),
    "schema.bad_field_type": _m(QT_TRANSLATE_NOOP("ServiceMessage", "A field's type is one of %1, not “%2”."), "known", "type"),
    "schema.bad_colour": _m(QT_TRANSLATE_NOOP("ServiceMessage", "“%1” is not a colour; write it as #rrggbb."), "colour"),
    "schema.shortcut_taken": _m(QT_TRANSLATE_NOOP("ServiceMessage", "The key “%1” already tags as %2; choose another."), "key", "kind"),
    "schema.reserved_shortcut": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1 is already a key of the reader (N/P next and previous tag, A/X accept and reject a suggestion); choose another."), "key"),
    "workbook.too_large": _m(QT_TRANSLATE_NOOP("ServiceMessage", "The workbook is too large to read: %1."), "reason"),
    "workbook.not_read": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1 was not read: %2; nothing was changed."), "name", "reason"),
    "workbook.meta_damaged": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1: its %2 sheet is damaged."), "name", "sheet"),
    "workbook.formula_no_value": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1: cell %2 (%3) of the sheet “%4” holds the formula %5 with no saved result, so its value is unknown; open the workbook in a spreadsheet application and save it (or type the value), then import it again. Nothing was changed."), "name", "cell", "header", "sheet", "formula"),
    "workbook.no_tag_id": _m(QT_TRANSLATE_NOOP("ServiceMessage", "%1: the sheet “%2” has no “%3” column, so its rows cannot be matched to tags; nothing was changed."), "name", "sheet", "column"),
    "edits.refused_one": _m(QT_TRANSLATE_NOOP("ServiceMessage", "Nothing was imported: %1."), "first"),
    "edits.refused_many": _m(QT_TRANSLATE_NOOP("ServiceMessage", "Nothing was imported: %1 (and %2 more)."), "first", "more"),
    "ocr.unavailable": _m(QT_TRANSLATE_NOOP("ServiceMessage", "No OCR engine is installed; install one with: %1"), "hint"),
}


def error_text(exc: BaseException) -> str:
    """An error a user can act on, as the window shows it: translated by its message id,
    its parameters put in; its English text when no entry knows the id."""
    entry = CATALOGUE.get(exc.message_id) if isinstance(exc, UserError) else None
    if entry is None:
        return str(exc).strip()
    text, names = entry
    out = QCoreApplication.translate("ServiceMessage", text)
    params = exc.params if isinstance(exc, UserError) else {}
    for i, name in enumerate(names, start=1):
        out = out.replace(f"%{i}", str(params.get(name, "")))
    return out


def bug_text(log: Path) -> str:
    """What the window says about a bug (an error that is not the user's): that something
    went wrong, and where the log holding its traceback is (desktop/logs.py)."""
    return QCoreApplication.translate(
        "ServiceMessage", "Something went wrong. Nothing you did caused it; the details "
        "are in %1.").replace("%1", str(log))
