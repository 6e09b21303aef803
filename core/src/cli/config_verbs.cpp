#include <cstdio>

#include "vimoe/cli/verbs.h"
#include "vimoe/config/config_io.h"

namespace vimoe::cli {

int runConfigDump(const ConfigDumpOptions& options) {
  auto cfg = config::loadExperimentConfig(options.file, options.overrides);
  if (!cfg) {
    std::fprintf(stderr, "%s\n", cfg.error().message.c_str());
    return kExitBadInput;
  }
  std::printf("%s\n", config::experimentToJson(*cfg).dump(2).c_str());
  return kExitOk;
}

}  // namespace vimoe::cli
