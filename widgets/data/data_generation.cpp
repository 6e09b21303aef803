#include "data/data_generation.h"

#include "vimoe/config/config_io.h"
#include "vimoe/config/project.h"

namespace vimoe::widgets {

Expected<DataGeneration> syntheticDataGeneration(const QString& projectDir) {
  auto project = config::loadProject(projectDir.toStdString());
  if (!project) return project.error();
  for (const auto& experiment : project->experiments) {
    auto cfg = config::loadExperimentConfig(project->path(experiment));
    if (!cfg || cfg->data.format != "synthetic_captions") continue;
    const auto& synth = cfg->data.synthetic;
    DataGeneration out;
    out.root = QString::fromStdString(project->path(cfg->data.root));
    out.arguments = {QStringLiteral("data"),        QStringLiteral("generate"),
                     QStringLiteral("--out"),       out.root,
                     QStringLiteral("--train"),     QString::number(synth.train_images),
                     QStringLiteral("--val"),       QString::number(synth.val_images),
                     QStringLiteral("--size"),      QString::number(cfg->data.image_size),
                     QStringLiteral("--captions"),  QString::number(synth.captions_per_image),
                     QStringLiteral("--questions"), QString::number(synth.questions_per_image),
                     QStringLiteral("--seed"),      QString::number(synth.seed),
                     QStringLiteral("--domains"),   QString::fromStdString(synth.domains)};
    return out;
  }
  return Error{project->dir + ": no experiment of this project uses synthetic data (data.format synthetic_captions)"};
}

}  // namespace vimoe::widgets
