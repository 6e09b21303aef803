// `vimoe export`: model/import/exporter.h writes the layout; this checks the arguments and says
// what was written.
#include <torch/torch.h>

#include <cstdio>

#include "vimoe/cli/verbs.h"
#include "vimoe/model/import/exporter.h"

namespace vimoe::cli {

int runExport(const ExportCliOptions& options) {
  if (options.format != "open-clip") {
    std::fprintf(stderr, "error: --format %s: only open-clip is written\n", options.format.c_str());
    return kExitBadInput;
  }
  torch::NoGradGuard noGrad;
  if (auto s = model::import::exportOpenClip(options.checkpoint, options.out); !s) {
    std::fprintf(stderr, "error: %s\n", s.error().message.c_str());
    return kExitBadInput;
  }
  std::printf("wrote %s (open_clip_model.safetensors, open_clip_config.json)\n", options.out.c_str());
  std::printf("read it back with: vimoe import %s --out DIR\n", options.out.c_str());
  return kExitOk;
}

}  // namespace vimoe::cli
