// `vimoe import`: model/import/importer.h does the mapping; this writes the checkpoint folder.
#include <cstdio>
#include <filesystem>

#include "vimoe/cli/verbs.h"
#include "vimoe/model/import/importer.h"

namespace vimoe::cli {
namespace fs = std::filesystem;

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
  if (auto written = model::import::writeImportedCheckpoint(*imported, options.out); !written)
    return std::fprintf(stderr, "error: %s\n", written.error().message.c_str()), kExitFailed;
  std::printf("wrote %s (step 0; the mapping is in import.txt)\n", options.out.c_str());
  std::printf("upcycle it with: vimoe upcycle --from %s --out DIR --experts 8\n", options.out.c_str());
  return kExitOk;
}

}  // namespace vimoe::cli
