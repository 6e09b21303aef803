// Atomic writes: the target is replaced as a whole, no temporary file is left behind (also
// when the write fails), and missing parent directories are created.
#include "vimoe/util/atomic_file.h"

#include <gtest/gtest.h>

#include "temp_dir.h"

namespace vimoe::test {
namespace {

TEST(AtomicFile, WriteThenReplaceContents) {
  TempDir dir;
  const auto path = dir.file("state.json");
  ASSERT_TRUE(writeFileAtomically(path, "first version, rather long").ok());
  ASSERT_TRUE(writeFileAtomically(path, "second").ok());
  auto read = readWholeFile(path);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(*read, "second");
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"state.json"}) << "a temporary file was left behind";
}

TEST(AtomicFile, BinaryContentsRoundTrip) {
  TempDir dir;
  const auto path = dir.file("blob.bin");
  std::string bytes;
  for (int i = 0; i < 1024; ++i) bytes.push_back(static_cast<char>(i % 256));
  ASSERT_TRUE(writeFileAtomically(path, bytes).ok());
  EXPECT_EQ(*readWholeFile(path), bytes);
  ASSERT_TRUE(writeFileAtomically(path, "").ok());
  EXPECT_EQ(*readWholeFile(path), "");
}

TEST(AtomicFile, CreatesMissingParentDirectories) {
  TempDir dir;
  const auto path = dir.file("a/b/c/out.txt");
  auto written = writeFileAtomically(path, "nested");
  ASSERT_TRUE(written.ok()) << written.error().message;
  EXPECT_EQ(*readWholeFile(path), "nested");
  EXPECT_EQ(dir.entries(dir.file("a/b/c")), std::vector<std::string>{"out.txt"});
}

TEST(AtomicFile, AFailedWriteNamesTheFileAndLeavesNoTemporary) {
  TempDir dir;
  // The target is a non-empty directory: the final rename must fail.
  const auto path = dir.file("taken");
  ASSERT_TRUE(std::filesystem::create_directories(path + "/inside"));
  auto written = writeFileAtomically(path, "x");
  ASSERT_FALSE(written.ok());
  EXPECT_EQ(written.error().message.rfind(path + ": ", 0), 0u) << written.error().message;
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"taken"});
}

TEST(AtomicFile, ReadingAMissingFileNamesIt) {
  TempDir dir;
  const auto path = dir.file("absent.txt");
  auto read = readWholeFile(path);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().message.rfind(path + ": ", 0), 0u) << read.error().message;
}

}  // namespace
}  // namespace vimoe::test
