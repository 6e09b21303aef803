// Atomic folder replacement: the checkpoint folder is swapped as a whole, files the new save
// did not write are carried over, a failed fill leaves the old folder as it was, and a
// process SIGKILLed at random moments while saving always leaves one consistent folder.
#include "vimoe/util/atomic_folder.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <random>

#include <gtest/gtest.h>

#include "temp_dir.h"
#include "vimoe/util/atomic_file.h"

namespace vimoe::test {
namespace {
namespace fs = std::filesystem;

// Writes "<step>" into both a.txt and b.txt: a consistent folder has them equal.
Status writePair(const std::string& folder, int step) {
  if (auto s = writeFileAtomically(folder + "/a.txt", std::to_string(step)); !s) return s;
  return writeFileAtomically(folder + "/b.txt", std::to_string(step));
}

TEST(AtomicFolder, CreatesTheFolderAndLeavesNothingHiddenBeside) {
  TempDir dir;
  const auto target = dir.path("ckpt");
  auto s = replaceFolderAtomically(target, [](const std::string& staging) { return writePair(staging, 1); });
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"ckpt"});
  EXPECT_EQ(dir.entries(target), (std::vector<std::string>{"a.txt", "b.txt"}));
  EXPECT_EQ(*readWholeFile(target + "/a.txt"), "1");
}

TEST(AtomicFolder, ReplacesWrittenFilesAndCarriesOverTheOthers) {
  TempDir dir;
  const auto target = dir.path("ckpt");
  ASSERT_TRUE(replaceFolderAtomically(target, [](const std::string& staging) { return writePair(staging, 1); }).ok());
  ASSERT_TRUE(writeFileAtomically(target + "/tokenizer.model", "spm bytes").ok());
  auto s = replaceFolderAtomically(target, [](const std::string& staging) { return writePair(staging, 2); });
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"ckpt"});
  EXPECT_EQ(dir.entries(target), (std::vector<std::string>{"a.txt", "b.txt", "tokenizer.model"}));
  EXPECT_EQ(*readWholeFile(target + "/a.txt"), "2");
  EXPECT_EQ(*readWholeFile(target + "/b.txt"), "2");
  EXPECT_EQ(*readWholeFile(target + "/tokenizer.model"), "spm bytes");
}

TEST(AtomicFolder, AFailedFillLeavesTheOldFolderAsItWas) {
  TempDir dir;
  const auto target = dir.path("ckpt");
  ASSERT_TRUE(replaceFolderAtomically(target, [](const std::string& staging) { return writePair(staging, 1); }).ok());
  auto s = replaceFolderAtomically(target, [](const std::string& staging) -> Status {
    if (auto w = writeFileAtomically(staging + "/a.txt", "2"); !w) return w;
    return Error::at(staging + "/b.txt", "disk full");
  });
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("disk full"), std::string::npos) << s.error().message;
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"ckpt"});
  EXPECT_EQ(*readWholeFile(target + "/a.txt"), "1");
  EXPECT_EQ(*readWholeFile(target + "/b.txt"), "1");
}

TEST(AtomicFolder, AStagingFolderLeftByAKilledSaveIsDiscarded) {
  TempDir dir;
  const auto target = dir.path("ckpt");
  ASSERT_TRUE(replaceFolderAtomically(target, [](const std::string& staging) { return writePair(staging, 1); }).ok());
  ASSERT_TRUE(writeFileAtomically(stagingFolderFor(target) + "/a.txt", "half").ok());
  ASSERT_TRUE(replaceFolderAtomically(target, [](const std::string& staging) { return writePair(staging, 2); }).ok());
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"ckpt"});
  EXPECT_EQ(dir.entries(target), (std::vector<std::string>{"a.txt", "b.txt"}));
  EXPECT_EQ(*readWholeFile(target + "/a.txt"), "2");
}

TEST(AtomicFolder, RecoveryPutsBackTheOldFolderOfAnInterruptedTwoRenameSwap) {
  TempDir dir;
  const auto target = dir.path("ckpt");
  // The state between the two renames on a file system without RENAME_EXCHANGE.
  ASSERT_TRUE(writePair(previousFolderFor(target), 1).ok());
  ASSERT_TRUE(writePair(stagingFolderFor(target), 2).ok());
  ASSERT_TRUE(recoverInterruptedFolderReplace(target).ok());
  EXPECT_EQ(*readWholeFile(target + "/a.txt"), "1");
  EXPECT_FALSE(fs::exists(previousFolderFor(target)));
  // With the folder in place, recovery leaves everything alone.
  ASSERT_TRUE(writePair(previousFolderFor(target), 7).ok());
  ASSERT_TRUE(recoverInterruptedFolderReplace(target).ok());
  EXPECT_EQ(*readWholeFile(target + "/a.txt"), "1");
}

TEST(AtomicFolder, AProcessKilledAtRandomMomentsWhileSavingLeavesAConsistentFolder) {
  TempDir dir;
  const auto target = dir.path("ckpt");
  ASSERT_TRUE(replaceFolderAtomically(target, [](const std::string& staging) { return writePair(staging, 0); }).ok());
  std::mt19937 rng(7);
  int lastSeen = 0;
  for (int round = 0; round < 20; ++round) {
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      for (int step = lastSeen + 1;; ++step)
        if (!replaceFolderAtomically(target, [step](const std::string& s) { return writePair(s, step); })) ::_exit(3);
    }
    ::usleep(std::uniform_int_distribution<int>(500, 20000)(rng));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the saving child stopped by itself, status " << status;
    ASSERT_TRUE(recoverInterruptedFolderReplace(target).ok());
    auto a = readWholeFile(target + "/a.txt");
    auto b = readWholeFile(target + "/b.txt");
    ASSERT_TRUE(a.ok() && b.ok()) << "round " << round << ": the folder lost a file";
    EXPECT_EQ(*a, *b) << "round " << round << ": the folder mixes two saves";
    EXPECT_GE(std::stoi(*a), lastSeen) << "round " << round << ": went back before a completed save";
    lastSeen = std::stoi(*a);
  }
  EXPECT_GT(lastSeen, 0) << "no save ever completed";
}

}  // namespace
}  // namespace vimoe::test
