#include "common/file_dialogs.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMimeDatabase>

namespace vimoe::widgets {
namespace {

const NameOnlyIconProvider& nameOnlyIcons() {
  static const NameOnlyIconProvider provider;
  return provider;
}

QString runDialog(QFileDialog* dialog) {
  const bool accepted = dialog->exec() == QDialog::Accepted;
  const QString chosen = accepted ? dialog->selectedFiles().value(0) : QString();
  dialog->deleteLater();
  return chosen;
}

}  // namespace

QIcon NameOnlyIconProvider::icon(const QFileInfo& info) const {
  // isDir() is a stat(), which opens nothing.
  return QFileIconProvider::icon(info.isDir() ? Folder : File);
}

QString NameOnlyIconProvider::type(const QFileInfo& info) const {
  if (info.isDir()) return QFileDialog::tr("Folder");
  const QMimeType mime = QMimeDatabase().mimeTypeForFile(info.fileName(), QMimeDatabase::MatchExtension);
  return mime.isDefault() ? QFileDialog::tr("File") : mime.comment();
}

QFileDialog* makeFileDialog(QWidget* parent, const QString& caption, const QString& directory) {
  auto* dialog = new QFileDialog(parent, caption, directory);
  dialog->setOption(QFileDialog::DontUseNativeDialog);
  dialog->setOption(QFileDialog::DontUseCustomDirectoryIcons);
  // QFileDialog does not own the provider; the shared one lives as long as the program.
  dialog->setIconProvider(const_cast<NameOnlyIconProvider*>(&nameOnlyIcons()));
  return dialog;
}

QString chooseOpenFile(QWidget* parent, const QString& caption, const QString& directory, const QString& filter) {
  QFileDialog* dialog = makeFileDialog(parent, caption, directory);
  dialog->setFileMode(QFileDialog::ExistingFile);
  dialog->setNameFilter(filter);
  return runDialog(dialog);
}

QString chooseSaveFile(QWidget* parent, const QString& caption, const QString& suggestedPath, const QString& filter) {
  QFileDialog* dialog = makeFileDialog(parent, caption, QFileInfo(suggestedPath).absolutePath());
  dialog->setAcceptMode(QFileDialog::AcceptSave);
  dialog->setFileMode(QFileDialog::AnyFile);
  dialog->setNameFilter(filter);
  dialog->selectFile(QFileInfo(suggestedPath).fileName());
  return runDialog(dialog);
}

QString chooseDirectory(QWidget* parent, const QString& caption, const QString& directory) {
  QFileDialog* dialog = makeFileDialog(parent, caption, directory);
  dialog->setFileMode(QFileDialog::Directory);
  dialog->setOption(QFileDialog::ShowDirsOnly);
  return runDialog(dialog);
}

}  // namespace vimoe::widgets
