// The `vimoe data generate` command that creates a project's synthetic dataset, with the
// settings of the project's first experiment whose data format is synthetic_captions, so the
// browser shows exactly the images a run of that experiment would train on.
#pragma once

#include <QString>
#include <QStringList>

#include "vimoe/util/expected.h"

namespace vimoe::widgets {

struct DataGeneration {
  QString root;           // absolute output folder (the experiment's data.root)
  QStringList arguments;  // for the CLI: data generate --out ROOT ...
};

Expected<DataGeneration> syntheticDataGeneration(const QString& projectDir);

}  // namespace vimoe::widgets
