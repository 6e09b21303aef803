// Tiny pretrained-style checkpoints in the published layouts (hf-clip, hf-siglip, open-clip,
// torchvision-vit) with the outputs their source models compute, made by
// tests/fixtures/pretrained/make_reference_checkpoints.py under Debian's python3-torch and
// python3-torchvision. Tests that need them skip, saying why, where those are missing.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace vimoe::test_support {

// Debian's interpreter: the one that python3-torch installs into, whatever else is on PATH.
inline std::string debianPython() {
  return std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
}

struct ReferenceCheckpoints {
  enum class Outcome { Made, Skip, Failed } outcome = Outcome::Failed;
  std::string message;  // why not, with the script's output
};

// Writes every layout under `dir` (<dir>/<layout>/ and <dir>/<layout>.expected.safetensors).
// The script exits 3 when a Python module is missing: that is a skip; anything else a failure.
inline ReferenceCheckpoints makeReferenceCheckpoints(const std::string& dir) {
  const std::string script = std::string(VIMOE_SOURCE_DIR) + "/tests/fixtures/pretrained/make_reference_checkpoints.py";
  const std::string log = dir + "/make.log";
  const int status = std::system((debianPython() + " " + script + " " + dir + " > " + log + " 2>&1").c_str());
  std::string output;
  if (std::FILE* f = std::fopen(log.c_str(), "rb")) {
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, f)) > 0;) output.append(buffer, n);
    std::fclose(f);
  }
  if (status == 0) return {ReferenceCheckpoints::Outcome::Made, ""};
  if (WIFEXITED(status) && WEXITSTATUS(status) == 3)
    return {ReferenceCheckpoints::Outcome::Skip,
            "needs Debian's python3-torch, python3-torchvision and python3-regex (scripts/test installs them): " + output};
  return {ReferenceCheckpoints::Outcome::Failed, "make_reference_checkpoints.py failed: " + output};
}

}  // namespace vimoe::test_support
