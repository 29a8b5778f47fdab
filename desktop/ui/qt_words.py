"""Qt's own words that PySide6's qtbase_zh_CN.qm does not translate yet (Qt 6.11 changed
them, the shipped translation lags): listed here so lupdate keeps them in our .ts, which
Qt consults after its own (QCoreApplication::installTranslator searches the latest
installed translator first, then the earlier ones)."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_WORDS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
)
