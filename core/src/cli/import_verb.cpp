// `vimoe import`: model/import/importer.h does the mapping; this writes the checkpoint folder.
#include <cstdio>
#include <filesystem>

#include "vimoe/cli/verbs.h"
#include "vimoe/model/import/importer.h"
#include "vimoe/train/checkpoint.h"
#include "vimoe/util/atomic_file.h"

namespace vimoe::cli {
namespace fs = std::filesystem;

namespace {

// The report travels with the checkpoint (import.txt): where every tensor came from.
Status writeImportedCheckpoint(model::import::ImportedModel& imported, const std::string& out) {
  train::TrainingState state;  // step 0: the weights as imported
  state.seed = imported.report.config.run.seed;
  if (auto saved = train::saveCheckpoint(out, *imported.model, nullptr, imported.report.config, state); !saved) return saved;
  if (!imported.tokenizerFile.empty())
    if (auto copied = train::copyTokenizerIntoCheckpoint(imported.tokenizerFile, out); !copied) return copied;
  return writeFileAtomically((fs::path(out) / "import.txt").string(),
                             model::import::formatImportReport(imported.report, /*everyTensor=*/true));
}

}  // namespace

int runImport(const ImportCliOptions& options) {
  if (!options.dryRun && options.out.empty()) {
    std::fprintf(stderr, "error: give --out DIR (the checkpoint folder to write) or --dry-run\n");
    return kExitBadInput;
  }
  if (!options.dryRun && fs::exists(fs::path(options.out) / "model.safetensors")) {
    std::fprintf(stderr, "error: %s already holds a checkpoint (model.safetensors); choose another --out\n",
                 options.out.c_str());
    return kExitBadInput;
  }
  model::import::ImportOptions importOptions;
  importOptions.format = options.format;
  importOptions.imageHeads = options.imageHeads;
  importOptions.textHeads = options.textHeads;
  importOptions.activation = options.activation;
  torch::NoGradGuard noGrad;
  model::import::ImportOptions textOptions;
  textOptions.format = options.textFromFormat;
  textOptions.textHeads = options.textHeads;
  auto imported = options.textFrom.empty()
                      ? model::import::importCheckpoint(options.source, importOptions)
                      : model::import::importMixedCheckpoint(options.source, importOptions, options.textFrom, textOptions);
  if (!imported) return std::fprintf(stderr, "error: %s\n", imported.error().message.c_str()), kExitBadInput;
  std::fputs(model::import::formatImportReport(imported->report, options.dryRun).c_str(), stdout);
  if (options.dryRun) return kExitOk;
  if (auto written = writeImportedCheckpoint(*imported, options.out); !written)
    return std::fprintf(stderr, "error: %s\n", written.error().message.c_str()), kExitFailed;
  std::printf("wrote %s (step 0; the mapping is in import.txt)\n", options.out.c_str());
  std::printf("upcycle it with: vimoe upcycle --from %s --out DIR --experts 8\n", options.out.c_str());
  return kExitOk;
}

}  // namespace vimoe::cli
