// Shared by the store tests: a unique temporary directory per test, and a store opened in it.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "support/scratch_dir.h"
#include "vimoe/store/run_store.h"

namespace vimoe::store::test {

using TempDir = test_support::ScratchDir;

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
