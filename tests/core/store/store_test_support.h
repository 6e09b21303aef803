// Shared by the store tests: a unique temporary directory per test, and a store opened in it.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <memory>
#include <string>

#include "vimoe/store/run_store.h"

namespace vimoe::store::test {

class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "vimoe_store_test_XXXXXX").string();
    if (::mkdtemp(pattern.data())) m_path = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    if (!m_path.empty()) std::filesystem::remove_all(m_path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return m_path; }
  std::string file(const std::string& name) const { return m_path + "/" + name; }

 private:
  std::string m_path;
};

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(m_dir.path().empty()) << "mkdtemp failed";
    auto opened = RunStore::open(storePath());
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    m_store = std::move(*opened);
  }

  std::string storePath() const { return m_dir.file("runs.sqlite"); }

  std::int64_t newRun(const std::string& name = "run") {
    NewRun run;
    run.name = name;
    auto id = m_store->createRun(run);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : -1;
  }

  TempDir m_dir;
  std::unique_ptr<RunStore> m_store;
};

}  // namespace vimoe::store::test
