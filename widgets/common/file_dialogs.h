// Every file dialog of the workbench, made so that it never opens the files it lists.
//
// Qt's own file dialog asks its icon provider for each entry's icon and type; the default
// provider finds both through QMimeDatabase, which opens a file whose name does not decide its
// type (vimoe.db-wal, vimoe.db-shm) to sniff its first bytes. Opening and closing a descriptor
// of the run store in the GUI process drops every POSIX lock the process's SQLite connection
// holds on it (sqlite.org/howtocorrupt.html, 2.2): the next training process to finish then
// deleted the WAL the window was still reading. These dialogs use NameOnlyIconProvider (icons
// and types from the name alone) and Qt's widget dialog, never a platform one that would sniff
// on its own.
#pragma once

#include <QFileIconProvider>
#include <QString>

class QFileDialog;
class QWidget;

namespace vimoe::widgets {

class NameOnlyIconProvider : public QFileIconProvider {
 public:
  QIcon icon(IconType type) const override { return QFileIconProvider::icon(type); }
  QIcon icon(const QFileInfo& info) const override;
  QString type(const QFileInfo& info) const override;
};

// A dialog set up as above (not shown); for callers that need more than the functions below.
QFileDialog* makeFileDialog(QWidget* parent, const QString& caption, const QString& directory);

// "" when cancelled.
QString chooseOpenFile(QWidget* parent, const QString& caption, const QString& directory, const QString& filter);
QString chooseSaveFile(QWidget* parent, const QString& caption, const QString& suggestedPath, const QString& filter);
QString chooseDirectory(QWidget* parent, const QString& caption, const QString& directory);

}  // namespace vimoe::widgets
