// SHA-256 against the FIPS 180-4 example vectors.
#include <gtest/gtest.h>

#include <fstream>

#include "support/scratch_dir.h"
#include "vimoe/util/sha256.h"

TEST(Sha256, FipsExampleVectors) {
  EXPECT_EQ(vimoe::sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(vimoe::sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(vimoe::sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256, FileHashEqualsBytesHashAcrossBufferBoundaries) {
  vimoe::test_support::ScratchDir dir;
  const std::string bytes(200000, 'a');  // a million 'a' is the FIPS long vector; 200k crosses 64 KiB reads
  std::ofstream(dir.path("f.bin"), std::ios::binary) << bytes;
  EXPECT_EQ(*vimoe::sha256File(dir.path("f.bin")), vimoe::sha256Hex(bytes));
  EXPECT_FALSE(vimoe::sha256File(dir.path("missing.bin")).ok());
}
