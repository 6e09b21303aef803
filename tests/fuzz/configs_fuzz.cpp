// libFuzzer target for the config layer: experiment configs, study files, project files and
// `--set` overrides. Every input must give a config or an Error in our words, never a crash
// or an exception, and an accepted config must print (`vimoe config --dump`) without throwing.
#include <cstdint>
#include <filesystem>
#include <string>

#include "fuzz_support.h"
#include "vimoe/config/config_io.h"
#include "vimoe/config/project.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const vimoe::fuzz::MessageCheck requireOwnMessage(data, size);
  using namespace vimoe;
  static const std::string projectDir = [] {
    const std::string dir = fuzz::scratch("project");
    std::filesystem::create_directories(dir);
    return dir;
  }();
  const std::string text(reinterpret_cast<const char*>(data), size);

  const auto experiment = config::parseExperimentConfig(text, "fuzz.json");
  requireOwnMessage(experiment);
  if (experiment.ok()) (void)config::experimentToJson(*experiment).dump(2);

  // The same bytes as the value of an override, the way `--set run.name=...` passes them.
  const auto overridden = config::parseExperimentConfig("{}", "fuzz.json", {"run.name=" + text, "optim.lr=" + text});
  requireOwnMessage(overridden);
  if (overridden.ok()) (void)config::experimentToJson(*overridden).dump(2);

  requireOwnMessage(config::parseStudyConfig(text, "study.json"));

  fuzz::writeFile(projectDir + "/" + config::kProjectFileName, data, size);
  requireOwnMessage(config::loadProject(projectDir));
  return 0;
}
