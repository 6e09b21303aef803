// File > Import Pretrained Checkpoint: `vimoe import` from the workbench. The user picks a
// checkpoint folder in a published layout (and, for mixed towers, a second one for the text
// tower), previews the mapping table (`--dry-run`: every tensor mapped, unused or new, and each
// decision) and writes a ViMoE checkpoint into the project, ready to be chosen as
// "Initialise from" or upcycled. The CLI runs as a child process: no LibTorch in the GUI.
#pragma once

#include <QDialog>
#include <QString>
#include <QStringList>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace vimoe::widgets {

class CliJob;

class ImportDialog : public QDialog {
  Q_OBJECT

 public:
  ImportDialog(const QString& cliPath, const QString& projectDir, QWidget* parent = nullptr);

  // The `vimoe import` arguments the form describes (dry run: no --out).
  QStringList importArguments(bool dryRun) const;
  QString reportText() const;

 Q_SIGNALS:
  // A checkpoint was written to `checkpointDir`.
  void imported(const QString& checkpointDir);

 private:
  void build();
  void suggestOutput();
  void run(bool dryRun);
  void onFinished(bool ok, const QByteArray& output, const QString& message);
  void updateButtons();

  QString m_cliPath, m_projectDir;
  CliJob* m_job = nullptr;
  bool m_lastWasDryRun = false;
  QLineEdit* m_source = nullptr;
  QLineEdit* m_textFrom = nullptr;
  QComboBox* m_format = nullptr;
  QSpinBox* m_imageHeads = nullptr;
  QLineEdit* m_out = nullptr;
  QPlainTextEdit* m_report = nullptr;
  QLabel* m_status = nullptr;
  QPushButton* m_preview = nullptr;
  QPushButton* m_import = nullptr;
};

}  // namespace vimoe::widgets
