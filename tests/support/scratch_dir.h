// A uniquely named folder under the system temp dir for one test's files, removed with
// everything in it when the test ends, so tests (and parallel ctest jobs) never see each
// other's files. Shared by every test suite.
#pragma once

#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace vimoe::test_support {

class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "vimoe_test_XXXXXX").string();
    if (::mkdtemp(pattern.data())) m_path = pattern;
  }
  ~ScratchDir() {
    std::error_code ignored;
    if (!m_path.empty()) std::filesystem::remove_all(m_path, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  // The folder itself, or `name` inside it.
  std::string path(const std::string& name = "") const { return name.empty() ? m_path : m_path + "/" + name; }
  std::string file(const std::string& name) const { return path(name); }

  // Writes `contents` to `name` inside the folder and returns the file's full path.
  std::string write(const std::string& name, const std::string& contents) const {
    std::ofstream(path(name), std::ios::binary) << contents;
    return path(name);
  }

  // Names of the entries directly inside `dir` (default: this folder), sorted.
  std::vector<std::string> entries(const std::string& dir = "") const {
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(dir.empty() ? m_path : dir))
      names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

 private:
  std::string m_path;
};

}  // namespace vimoe::test_support
