// A study: one base experiment config and named variants, each a list of `key=value`
// overrides applied to the base (the same syntax as the CLI's --set).
#pragma once

#include <string>
#include <vector>

namespace vimoe::config {

struct StudyVariant {
  std::string name;                    // unique within the study, e.g. "dense", "moe-e4-k1"
  std::vector<std::string> overrides;  // "moe.enabled=true"
};

struct StudyConfig {
  std::string name;
  std::string base;                        // experiment config file, relative to the study file
  std::vector<StudyVariant> variants;      // at least one
  std::vector<std::string> smoke_overrides;  // applied to every variant with --smoke
};

}  // namespace vimoe::config
