// After an import: an experiment file that starts from the imported checkpoint, so fine-tuning
// it is one Launch away. The file is the checkpoint's own config.json (its architecture, tower
// shapes, image size, text length, tokenizer format: exactly what model.init_from demands) with
// model.init_from pointing at the checkpoint, written to experiments/<checkpoint name>.json in
// the project (a free name is found; nothing is overwritten). The data section is the import's
// default and is what the user edits next.
#pragma once

#include <QString>

#include "vimoe/util/expected.h"

namespace vimoe::widgets {

Expected<QString> writeExperimentFromImport(const QString& checkpointDir, const QString& projectDir);

}  // namespace vimoe::widgets
