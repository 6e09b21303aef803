#include "experiment/experiment_sections.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>
#include <climits>
#include <limits>

#include "experiment/config_form.h"
#include "experiment/real_spin_box.h"

namespace vimoe::widgets {
namespace {

using C = config::ExperimentConfig;
using config::DataConfig;
using config::ModelConfig;
using config::RunConfig;
using config::SyntheticDataConfig;
using config::TowerConfig;

QString key(const char* path) { return ConfigForm::key(path); }
ConfigForm::Choice choice(const char* value, const QString& shown = QString()) { return ConfigForm::choice(value, shown); }

// Numbers and choices get a width that fits their values rather than the whole column, so
// that the eye reads down one edge of values; paths and names keep the full width.
void capWidth(QWidget* field) {
  if (qobject_cast<QComboBox*>(field)) {
    field->setMaximumWidth(field->sizeHint().width());  // as wide as its longest choice
  } else if (qobject_cast<QAbstractSpinBox*>(field) || field->objectName() == QLatin1String("run.seed")) {
    field->setMaximumWidth(field->fontMetrics().averageCharWidth() * 24);
  }
}

}  // namespace

ExperimentSections::ExperimentSections(ConfigForm& form, BrowseFolder browse)
    : m_form(form), m_browse(std::move(browse)) {}

QVector<EditorSection> ExperimentSections::build() {
  return {runSection(), modelSection(), moeSection(), lossSection(), optimSection(), taskSection(), dataSection()};
}

EditorSection ExperimentSections::begin(const QString& title, const QString& prefix) {
  EditorSection section;
  section.prefix = prefix;
  section.box = new QGroupBox(title);
  section.box->setObjectName(QStringLiteral("section.") + prefix);
  auto* layout = new QVBoxLayout(section.box);
  layout->setSpacing(6);
  m_rows = new QFormLayout;
  m_rows->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  m_rows->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
  m_rows->setHorizontalSpacing(12);
  m_rows->setVerticalSpacing(5);
  layout->addLayout(m_rows);
  section.messages = new QLabel;
  section.messages->setObjectName(QStringLiteral("messages.") + prefix);
  section.messages->setWordWrap(true);
  section.messages->setTextFormat(Qt::RichText);
  section.messages->setTextInteractionFlags(Qt::TextSelectableByMouse);
  section.messages->hide();
  layout->addWidget(section.messages);
  return section;
}

void ExperimentSections::row(const QString& path, const QString& label, const QString& help) {
  QWidget* field = m_form.widgetFor(path);
  field->setToolTip(help + QStringLiteral("\n") + tr("Config key: %1").arg(path));
  capWidth(field);
  auto* text = new QLabel(label + QLatin1Char(':'));
  text->setBuddy(field);
  m_rows->addRow(text, field);
  m_form.setRow(path, text, field);
}

void ExperimentSections::folderRow(const QString& path, const QString& label, const QString& help) {
  QWidget* field = m_form.widgetFor(path);
  field->setToolTip(help + QStringLiteral("\n") + tr("Config key: %1").arg(path));
  auto* button = new QToolButton;
  button->setText(tr("Browse\u2026"));
  button->setObjectName(QStringLiteral("browse.") + path);
  button->setToolTip(tr("Choose a folder; inside the project it is stored relative to the project."));
  QObject::connect(button, &QToolButton::clicked, button, [browse = m_browse, path] { browse(path); });
  auto* rowWidget = new QWidget;
  auto* line = new QHBoxLayout(rowWidget);
  line->setContentsMargins(0, 0, 0, 0);
  line->setSpacing(4);
  line->addWidget(field, 1);
  line->addWidget(button);
  auto* text = new QLabel(label + QLatin1Char(':'));
  text->setBuddy(field);
  m_rows->addRow(text, rowWidget);
  m_form.setRow(path, text, rowWidget);
}

EditorSection ExperimentSections::runSection() {
  EditorSection s = begin(tr("Run"), key("run"));
  m_form.addText(key("run.name"), ConfigForm::at(&C::run, &RunConfig::name));
  row(key("run.name"), tr("Name"), tr("The run's name in the store."));
  m_form.addChoice(key("run.kind"), ConfigForm::at(&C::run, &RunConfig::kind),
                   {choice("contrastive", tr("contrastive \u2014 image-text retrieval")),
                    choice("caption", tr("caption \u2014 Vietnamese captioning")),
                    choice("vqa", tr("vqa \u2014 visual question answering"))});
  row(key("run.kind"), tr("Kind"), tr("What the run trains."));
  m_form.addInt(key("run.steps"), ConfigForm::at(&C::run, &RunConfig::steps), 1, 100000000)->setSuffix(tr(" steps"));
  row(key("run.steps"), tr("Training steps"), tr("Optimiser steps of the whole run."));
  m_form.addSeed(key("run.seed"), ConfigForm::at(&C::run, &RunConfig::seed), std::numeric_limits<std::uint64_t>::max());
  row(key("run.seed"), tr("Seed"), tr("Seeds the initialisation, data order and augmentation."));
  struct Every {
    const char* path;
    int RunConfig::*field;
    QString label;
    QString help;
  };
  const Every every[] = {
      {"run.log_every", &RunConfig::log_every, tr("Log scalars"), tr("Loss, learning rate and throughput.")},
      {"run.eval_every", &RunConfig::eval_every, tr("Evaluate"),
       tr("Validation metrics (recall, BLEU/CIDEr, accuracy).")},
      {"run.expert_load_every", &RunConfig::expert_load_every, tr("Expert load"), tr("Tokens per expert and layer.")},
      {"run.routing_every", &RunConfig::routing_every, tr("Routing snapshot"), tr("Routing of the fixed probe set.")},
      {"run.checkpoint_every", &RunConfig::checkpoint_every, tr("Checkpoint"), tr("Model, optimiser and RNG state.")}};
  for (const Every& e : every) {
    QSpinBox* box = m_form.addInt(key(e.path), ConfigForm::at(&C::run, e.field), 1, INT_MAX);
    box->setPrefix(tr("every "));
    box->setSuffix(tr(" steps"));
    row(key(e.path), e.label, e.help);
  }
  m_form.addInt(key("run.probe_images"), ConfigForm::at(&C::run, &RunConfig::probe_images), 0, 256)
      ->setSuffix(tr(" images"));
  row(key("run.probe_images"), tr("Probe images"), tr("Fixed validation images whose routing is recorded."));
  QSpinBox* threads = m_form.addInt(key("run.threads"), ConfigForm::at(&C::run, &RunConfig::threads), 0, 1024);
  threads->setSpecialValueText(tr("all cores"));
  row(key("run.threads"), tr("CPU threads"), tr("Intra-op threads of the training process; 0 uses every core."));
  m_form.addChoice(key("run.device"), ConfigForm::at(&C::run, &RunConfig::device),
                   {choice("auto", tr("auto \u2014 CUDA when available")), choice("cpu"), choice("cuda")});
  row(key("run.device"), tr("Device"), tr("Where the training process runs the model."));
  m_form.addChoice(key("run.precision"), ConfigForm::at(&C::run, &RunConfig::precision),
                   {choice("fp32"), choice("bf16", tr("bf16 \u2014 CUDA or CPU")), choice("fp16", tr("fp16 \u2014 CUDA only"))});
  row(key("run.precision"), tr("Precision"), tr("Autocast of the forward pass; fp16 scales the loss."));
  m_form.addText(key("run.checkpoint_dir"), ConfigForm::at(&C::run, &RunConfig::checkpoint_dir));
  row(key("run.checkpoint_dir"), tr("Checkpoints folder"), tr("Relative to the project; each run gets a subfolder."));
  return s;
}

EditorSection ExperimentSections::dataSection() {
  EditorSection s = begin(tr("Data"), key("data"));
  m_form.addText(key("data.root"), ConfigForm::at(&C::data, &DataConfig::root));
  folderRow(key("data.root"), tr("Dataset folder"), tr("Relative to the project."));
  m_form.addChoice(key("data.format"), ConfigForm::at(&C::data, &DataConfig::format),
                   {choice("coco_captions", tr("coco_captions \u2014 UIT-ViIC / KTVIC layout")),
                    choice("synthetic_captions", tr("synthetic_captions \u2014 generated when missing"))});
  row(key("data.format"), tr("Format"), tr("How the dataset folder is read."));
  m_form.addInt(key("data.image_size"), ConfigForm::at(&C::data, &DataConfig::image_size), 16, 1024)
      ->setSuffix(tr(" px"));
  row(key("data.image_size"), tr("Image size"), tr("Square input size; a multiple of the patch size."));
  m_form.addInt(key("data.max_text_tokens"), ConfigForm::at(&C::data, &DataConfig::max_text_tokens), 4, 512)
      ->setSuffix(tr(" tokens"));
  row(key("data.max_text_tokens"), tr("Max text length"), tr("Captions and questions are cut to this many pieces."));
  m_form.addText(key("data.tokenizer"), ConfigForm::at(&C::data, &DataConfig::tokenizer));
  row(key("data.tokenizer"), tr("Tokenizer"),
      tr("SentencePiece model, relative to the project; trained when missing."));
  m_form.addInt(key("data.vocab_size"), ConfigForm::at(&C::data, &DataConfig::vocab_size), 32, 64000);
  row(key("data.vocab_size"), tr("Vocabulary"), tr("SentencePiece pieces."));
  m_form.addReal(key("data.crop_min_area"), ConfigForm::at(&C::data, &DataConfig::crop_min_area), 0.05, 1.0);
  row(key("data.crop_min_area"), tr("Random crop"),
      tr("Training images are cut to at least this fraction of their area, then resized back; 1 = off."));
  m_form.addFlag(key("data.flip"), ConfigForm::at(&C::data, &DataConfig::flip), tr("Mirror half of the training images"));
  row(key("data.flip"), tr("Flip"),
      tr("Never images of text or clocks, nor those whose caption or question says \u201ctr\u00e1i\u201d / \u201cph\u1ea3i\u201d."));
  const auto synth = [](int SyntheticDataConfig::*field) {
    return ConfigForm::at(&C::data, &DataConfig::synthetic, field);
  };
  m_form.addInt(key("data.synthetic.train_images"), synth(&SyntheticDataConfig::train_images), 16, 1000000)
      ->setSuffix(tr(" images"));
  row(key("data.synthetic.train_images"), tr("Synthetic train"), tr("Images generated for training."));
  m_form.addInt(key("data.synthetic.val_images"), synth(&SyntheticDataConfig::val_images), 8, 100000)
      ->setSuffix(tr(" images"));
  row(key("data.synthetic.val_images"), tr("Synthetic val"), tr("Images generated for validation."));
  m_form.addInt(key("data.synthetic.captions_per_image"), synth(&SyntheticDataConfig::captions_per_image), 1, 20);
  row(key("data.synthetic.captions_per_image"), tr("Captions per image"),
      tr("Vietnamese captions per synthetic image."));
  m_form.addInt(key("data.synthetic.questions_per_image"), synth(&SyntheticDataConfig::questions_per_image), 0, 10);
  row(key("data.synthetic.questions_per_image"), tr("Questions per image"), tr("Question-answer pairs per image."));
  m_form.addText(key("data.synthetic.domains"),
                 ConfigForm::at(&C::data, &DataConfig::synthetic, &SyntheticDataConfig::domains));
  row(key("data.synthetic.domains"), tr("Domains"),
      tr("Comma-separated: shapes, digits_clocks, text_signs, textures (or all)."));
  return s;
}

EditorSection ExperimentSections::modelSection() {
  EditorSection s = begin(tr("Model"), key("model"));
  m_form.addChoice(key("model.preset"), ConfigForm::at(&C::model, &ModelConfig::preset),
                   {choice("custom", tr("custom \u2014 the shapes below")), choice("tiny"), choice("small"),
                    choice("base"), choice("large"), choice("vit-s16", tr("vit-s16 \u2014 ViT-S/16, 224 px")),
                    choice("vit-b16", tr("vit-b16 \u2014 ViT-B/16, 224 px"))});
  row(key("model.preset"), tr("Size preset"),
      tr("Choosing a preset fills in both towers and the embedding size (vit-*: also patch, image size and text length)."));
  m_form.addInt(key("model.patch_size"), ConfigForm::at(&C::model, &ModelConfig::patch_size), 2, 64)
      ->setSuffix(tr(" px"));
  row(key("model.patch_size"), tr("Patch size"), tr("ViT patch edge; divides the image size."));
  m_form.addInt(key("model.embed_dim"), ConfigForm::at(&C::model, &ModelConfig::embed_dim), 8, 4096);
  row(key("model.embed_dim"), tr("Embedding size"), tr("The shared image-text space."));
  towerGrid();
  m_form.addFlag(key("model.shared_tower"), ConfigForm::at(&C::model, &ModelConfig::shared_tower),
                 tr("One tower for both modalities (LIMoE)"));
  row(key("model.shared_tower"), tr("Shared tower"),
      tr("The image tower's blocks also run the text; both columns must match."));
  m_form.addText(key("model.init_from"), ConfigForm::at(&C::model, &ModelConfig::init_from))
      ->setPlaceholderText(tr("from scratch"));
  folderRow(key("model.init_from"), tr("Initialise from"),
            tr("Checkpoint folder. A dense checkpoint into an MoE config is sparse-upcycled (every expert a copy of "
               "the FFN)."));
  return s;
}

void ExperimentSections::towerGrid() {
  // One form row per dimension, image and text side by side, so that the labels line up with
  // the rest of the section and the two towers read as a comparison.
  const auto pair = [](QWidget* left, QWidget* right) {
    auto* both = new QWidget;
    auto* line = new QHBoxLayout(both);
    line->setContentsMargins(0, 0, 0, 0);
    line->setSpacing(8);
    for (QWidget* side : {left, right}) {
      side->setFixedWidth(side->fontMetrics().averageCharWidth() * 15);
      line->addWidget(side);
    }
    line->addStretch(1);
    return both;
  };
  auto* imageHeading = new QLabel(tr("<b>Image tower</b>"));
  auto* textHeading = new QLabel(tr("<b>Text tower</b>"));
  m_rows->addRow(QString(), pair(imageHeading, textHeading));
  struct Dim {
    const char* name;
    QString label;
  };
  const Dim dims[] = {
      {"width", tr("Width")}, {"depth", tr("Depth")}, {"heads", tr("Heads")}, {"mlp_ratio", tr("MLP ratio")}};
  for (int r = 0; r < 4; ++r) {
    QWidget* fields[2] = {nullptr, nullptr};
    for (int column = 0; column < 2; ++column) {
      const QString tower = column == 0 ? QStringLiteral("image") : QStringLiteral("text");
      const auto member = column == 0 ? &ModelConfig::image : &ModelConfig::text;
      const QString path = QStringLiteral("model.") + tower + QLatin1Char('.') + QLatin1String(dims[r].name);
      if (r == 0) fields[column] = m_form.addInt(path, ConfigForm::at(&C::model, member, &TowerConfig::width), 8, 4096);
      if (r == 1) fields[column] = m_form.addInt(path, ConfigForm::at(&C::model, member, &TowerConfig::depth), 1, 64);
      if (r == 2) fields[column] = m_form.addInt(path, ConfigForm::at(&C::model, member, &TowerConfig::heads), 1, 64);
      if (r == 3) {
        auto* ratio = m_form.addReal(path, ConfigForm::at(&C::model, member, &TowerConfig::mlp_ratio), 0.25, 16.0);
        ratio->setSuffix(QStringLiteral(" \u00d7"));
        fields[column] = ratio;
      }
      fields[column]->setToolTip(
          (column == 0 ? tr("%1 of the image tower's transformer blocks.\nConfig key: %2")
                       : tr("%1 of the text tower's transformer blocks.\nConfig key: %2"))
              .arg(dims[r].label, path));
      m_form.setRow(path, nullptr, fields[column]);
    }
    auto* label = new QLabel(dims[r].label + QLatin1Char(':'));
    label->setBuddy(fields[0]);
    m_rows->addRow(label, pair(fields[0], fields[1]));
  }
}

}  // namespace vimoe::widgets
