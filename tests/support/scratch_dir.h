// A uniquely named folder under the system temp dir for one test's fixture files, removed
// when the test ends so runs never see each other's files.
#pragma once

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include <atomic>

namespace vimoe::test_support {

class ScratchDir {
 public:
  ScratchDir() {
    static std::atomic<int> counter{0};
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count() + counter++;
    m_path = std::filesystem::temp_directory_path() /
             ("vimoe_test_" + std::to_string(::getpid()) + "_" + std::to_string(stamp));
    std::filesystem::create_directories(m_path);
  }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  // Writes `contents` to `name` inside the folder and returns the file's full path.
  std::string write(const std::string& name, const std::string& contents) const {
    const std::filesystem::path file = m_path / name;
    std::ofstream(file, std::ios::binary) << contents;
    return file.string();
  }

  std::string path(const std::string& name) const { return (m_path / name).string(); }

 private:
  std::filesystem::path m_path;
};

}  // namespace vimoe::test_support
