#include "importer/import_dialog.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "bridge/cli_job.h"
#include "common/file_dialogs.h"

namespace vimoe::widgets {
namespace {

// A line edit with a "Browse…" button that picks a folder.
QWidget* folderField(QLineEdit* edit, QWidget* parent, const QString& caption, const QString& start) {
  auto* row = new QWidget(parent);
  auto* layout = new QHBoxLayout(row);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(edit, 1);
  auto* browse = new QPushButton(QObject::tr("Browse\u2026"), row);
  layout->addWidget(browse);
  QObject::connect(browse, &QPushButton::clicked, row, [edit, row, caption, start] {
    const QString chosen = chooseDirectory(row, caption, edit->text().isEmpty() ? start : edit->text());
    if (!chosen.isEmpty()) edit->setText(QDir::toNativeSeparators(chosen));
  });
  return row;
}

}  // namespace

ImportDialog::ImportDialog(const QString& cliPath, const QString& projectDir, QWidget* parent)
    : QDialog(parent), m_cliPath(cliPath), m_projectDir(projectDir), m_job(new CliJob(this)) {
  setWindowTitle(tr("Import Pretrained Checkpoint"));
  build();
  connect(m_job, &CliJob::finished, this, &ImportDialog::onFinished);
  resize(900, 620);
}

void ImportDialog::build() {
  auto* layout = new QVBoxLayout(this);
  auto* intro = new QLabel(tr("A CLIP, SigLIP, OpenCLIP or torchvision ViT checkpoint in its published layout "
                              "(safetensors) becomes a ViMoE checkpoint that trains, upcycles and evaluates like any "
                              "other. Preview shows where every tensor goes; nothing is written until Import."),
                           this);
  intro->setWordWrap(true);
  layout->addWidget(intro);

  auto* form = new QFormLayout;
  m_source = new QLineEdit(this);
  m_source->setObjectName(QStringLiteral("importSource"));
  m_source->setPlaceholderText(tr("folder with model.safetensors (or open_clip_model.safetensors) and config.json"));
  form->addRow(tr("Checkpoint"), folderField(m_source, this, tr("Pretrained checkpoint folder"), QDir::homePath()));
  m_textFrom = new QLineEdit(this);
  m_textFrom->setObjectName(QStringLiteral("importTextFrom"));
  m_textFrom->setPlaceholderText(tr("optional: the text tower (and tokenizer) from a second checkpoint"));
  form->addRow(tr("Text tower from"), folderField(m_textFrom, this, tr("Checkpoint for the text tower"), QDir::homePath()));
  m_format = new QComboBox(this);
  m_format->setObjectName(QStringLiteral("importFormat"));
  m_format->addItem(tr("Detect from the tensor names"), QString());
  for (const char* format : {"hf-clip", "hf-siglip", "open-clip", "torchvision-vit"})
    m_format->addItem(QString::fromLatin1(format), QString::fromLatin1(format));
  form->addRow(tr("Layout"), m_format);
  m_imageHeads = new QSpinBox(this);
  m_imageHeads->setObjectName(QStringLiteral("importImageHeads"));
  m_imageHeads->setRange(0, 64);
  m_imageHeads->setSpecialValueText(tr("from the checkpoint's config (else width / 64)"));
  form->addRow(tr("Image heads"), m_imageHeads);
  m_out = new QLineEdit(this);
  m_out->setObjectName(QStringLiteral("importOut"));
  form->addRow(tr("Write to"), folderField(m_out, this, tr("Folder for the ViMoE checkpoint"), m_projectDir));
  layout->addLayout(form);

  m_report = new QPlainTextEdit(this);
  m_report->setObjectName(QStringLiteral("importReport"));
  m_report->setReadOnly(true);
  m_report->setLineWrapMode(QPlainTextEdit::NoWrap);
  m_report->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  m_report->setPlaceholderText(tr("The mapping table appears here."));
  layout->addWidget(m_report, 1);
  m_status = new QLabel(this);
  m_status->setObjectName(QStringLiteral("importStatus"));
  m_status->setWordWrap(true);
  layout->addWidget(m_status);

  auto* buttons = new QHBoxLayout;
  buttons->addStretch(1);
  m_preview = new QPushButton(tr("&Preview"), this);
  m_preview->setObjectName(QStringLiteral("importPreview"));
  m_import = new QPushButton(tr("&Import"), this);
  m_import->setObjectName(QStringLiteral("importRun"));
  m_import->setDefault(true);
  auto* close = new QPushButton(tr("Close"), this);
  buttons->addWidget(m_preview);
  buttons->addWidget(m_import);
  buttons->addWidget(close);
  layout->addLayout(buttons);

  connect(m_preview, &QPushButton::clicked, this, [this] { run(true); });
  connect(m_import, &QPushButton::clicked, this, [this] { run(false); });
  connect(close, &QPushButton::clicked, this, &QDialog::reject);
  connect(m_source, &QLineEdit::textChanged, this, [this] {
    suggestOutput();
    updateButtons();
  });
  connect(m_out, &QLineEdit::textChanged, this, &ImportDialog::updateButtons);
  updateButtons();
}

// checkpoints/imported-<source folder name> in the project, until the user types their own.
void ImportDialog::suggestOutput() {
  const QString previous = m_out->property("suggested").toString();
  if (!m_out->text().isEmpty() && m_out->text() != previous) return;
  const QString name = QFileInfo(QDir::cleanPath(m_source->text())).fileName();
  const QString suggested =
      name.isEmpty() ? QString() : QDir(m_projectDir).filePath(QStringLiteral("checkpoints/imported-") + name);
  m_out->setProperty("suggested", suggested);
  m_out->setText(suggested);
}

QStringList ImportDialog::importArguments(bool dryRun) const {
  QStringList args = {QStringLiteral("import"), m_source->text().trimmed()};
  if (dryRun) {
    args << QStringLiteral("--dry-run");
  } else {
    args << QStringLiteral("--out") << m_out->text().trimmed();
  }
  if (const QString format = m_format->currentData().toString(); !format.isEmpty()) args << QStringLiteral("--format") << format;
  if (m_imageHeads->value() > 0) args << QStringLiteral("--image-heads") << QString::number(m_imageHeads->value());
  if (const QString text = m_textFrom->text().trimmed(); !text.isEmpty()) args << QStringLiteral("--text-from") << text;
  return args;
}

QString ImportDialog::reportText() const { return m_report->toPlainText(); }

void ImportDialog::run(bool dryRun) {
  m_lastWasDryRun = dryRun;
  m_status->setText(dryRun ? tr("Reading the checkpoint\u2026") : tr("Importing\u2026"));
  if (!m_job->start(m_cliPath, importArguments(dryRun), m_projectDir)) return;
  updateButtons();
}

void ImportDialog::onFinished(bool ok, const QByteArray& output, const QString& message) {
  updateButtons();
  if (!ok) {
    m_status->setText(tr("Not imported: %1").arg(message));
    return;
  }
  m_report->setPlainText(QString::fromUtf8(output));
  if (m_lastWasDryRun) {
    m_status->setText(tr("Preview only: nothing was written. Import writes %1.").arg(m_out->text()));
    return;
  }
  m_status->setText(tr("Wrote %1. The Experiment editor opens a fine-tuning experiment that starts from it "
                       "(model.init_from); or upcycle it first (vimoe upcycle --from).")
                        .arg(m_out->text()));
  Q_EMIT imported(m_out->text());
}

void ImportDialog::updateButtons() {
  const bool idle = !m_job->isRunning();
  const bool hasSource = !m_source->text().trimmed().isEmpty();
  m_preview->setEnabled(idle && hasSource);
  m_import->setEnabled(idle && hasSource && !m_out->text().trimmed().isEmpty());
}

}  // namespace vimoe::widgets
