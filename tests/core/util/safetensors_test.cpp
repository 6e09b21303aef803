// safetensors encoding and decoding: round trips, the on-disk layout, and rejection of
// corrupt files with a message that names the file and the tensor.
#include "vimoe/util/safetensors.h"

#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>

#include "temp_dir.h"
#include "vimoe/util/atomic_file.h"

namespace vimoe::test {
namespace {

template <class T>
std::string rawBytes(std::initializer_list<T> values) {
  std::string out(values.size() * sizeof(T), '\0');
  std::memcpy(out.data(), std::data(values), out.size());
  return out;
}

SafetensorsFile sampleFile() {
  SafetensorsFile file;
  file.tensors["encoder.weight"] = {"F32", {2, 3}, rawBytes<float>({1, -2, 3.5f, 0, 1e-8f, -0.0f})};
  file.tensors["encoder.bias"] = {"BF16", {3}, rawBytes<std::uint16_t>({0x3f80, 0xbf80, 0x0000})};
  file.tensors["router.index"] = {"I64", {2, 1, 2}, rawBytes<std::int64_t>({0, -1, 1LL << 40, 7})};
  file.tensors["step"] = {"I32", {}, rawBytes<std::int32_t>({1234})};  // a scalar: empty shape
  file.tensors["mask"] = {"BOOL", {3}, std::string("\x01\x00\x01", 3)};
  file.tensors["empty"] = {"F64", {0, 4}, ""};
  file.metadata = {{"format", "pt"}, {"note", "Tiếng Việt"}};
  return file;
}

std::uint64_t littleEndianLength(const std::string& bytes) {
  std::uint64_t n = 0;
  for (int i = 0; i < 8; ++i) n |= std::uint64_t(static_cast<unsigned char>(bytes[i])) << (8 * i);
  return n;
}

// A file from a hand-written header, for the corrupt cases.
std::string craft(const std::string& header, const std::string& data) {
  std::string out;
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((header.size() >> (8 * i)) & 0xff));
  return out + header + data;
}

void expectSame(const SafetensorsFile& a, const SafetensorsFile& b) {
  ASSERT_EQ(a.tensors.size(), b.tensors.size());
  for (const auto& [name, blob] : a.tensors) {
    ASSERT_TRUE(b.tensors.count(name)) << name;
    const TensorBlob& other = b.tensors.at(name);
    EXPECT_EQ(blob.dtype, other.dtype) << name;
    EXPECT_EQ(blob.shape, other.shape) << name;
    EXPECT_EQ(blob.bytes, other.bytes) << name;
  }
  EXPECT_EQ(a.metadata, b.metadata);
}

TEST(Safetensors, DtypeSizes) {
  EXPECT_EQ(safetensorsDtypeSize("F32"), 4);
  EXPECT_EQ(safetensorsDtypeSize("BF16"), 2);
  EXPECT_EQ(safetensorsDtypeSize("I64"), 8);
  EXPECT_EQ(safetensorsDtypeSize("BOOL"), 1);
  EXPECT_EQ(safetensorsDtypeSize("F8_E9"), 0);
}

TEST(Safetensors, ElementCountOfAScalarIsOne) {
  EXPECT_EQ((TensorBlob{"F32", {}, ""}).elementCount(), 1);
  EXPECT_EQ((TensorBlob{"F32", {2, 0, 3}, ""}).elementCount(), 0);
  EXPECT_EQ((TensorBlob{"F32", {2, 3, 4}, ""}).elementCount(), 24);
}

// Regression: an empty tensor whose other dimensions are huge is valid and has no elements;
// counting must not overflow on the way to the zero.
TEST(Safetensors, EmptyTensorWithHugeDimensionsRoundTrips) {
  SafetensorsFile file;
  file.tensors["huge_but_empty"] = {"F32", {std::int64_t(1) << 40, std::int64_t(1) << 40, 0}, ""};
  auto decoded = decodeSafetensors(encodeSafetensors(file), "memory");
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  EXPECT_EQ(decoded->tensors.at("huge_but_empty").elementCount(), 0);
}

TEST(Safetensors, EncodeDecodeRoundTripsDtypesShapesAndMetadata) {
  const auto file = sampleFile();
  auto decoded = decodeSafetensors(encodeSafetensors(file), "memory");
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  expectSame(file, *decoded);
}

TEST(Safetensors, AFileWithoutTensorsRoundTrips) {
  auto decoded = decodeSafetensors(encodeSafetensors({}), "memory");
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  EXPECT_TRUE(decoded->tensors.empty());
  EXPECT_TRUE(decoded->metadata.empty());
}

TEST(Safetensors, SaveAndLoadThroughAFile) {
  TempDir dir;
  const auto path = dir.file("model/weights.safetensors");
  const auto file = sampleFile();
  ASSERT_TRUE(saveSafetensors(path, file).ok());
  auto loaded = loadSafetensors(path);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  expectSame(file, *loaded);
}

TEST(Safetensors, LayoutIsLittleEndianLengthJsonHeaderAndAlignedData) {
  const auto file = sampleFile();
  const std::string bytes = encodeSafetensors(file);
  const std::uint64_t headerSize = littleEndianLength(bytes);
  ASSERT_LE(8 + headerSize, bytes.size());
  EXPECT_EQ((8 + headerSize) % 8, 0u) << "tensor data must start 8-byte aligned";

  auto header = nlohmann::json::parse(bytes.substr(8, headerSize));
  EXPECT_EQ(header["__metadata__"]["format"], "pt");
  EXPECT_EQ(header["step"]["shape"], nlohmann::json::array());
  EXPECT_EQ(header["encoder.weight"]["dtype"], "F32");
  EXPECT_EQ(header["encoder.weight"]["shape"], nlohmann::json({2, 3}));

  // Each tensor's bytes sit at its data_offsets, relative to the start of the data.
  const std::string data = bytes.substr(8 + headerSize);
  std::uint64_t total = 0;
  for (const auto& [name, blob] : file.tensors) {
    const auto begin = header[name]["data_offsets"][0].get<std::uint64_t>();
    const auto end = header[name]["data_offsets"][1].get<std::uint64_t>();
    EXPECT_EQ(data.substr(begin, end - begin), blob.bytes) << name;
    total += blob.bytes.size();
  }
  EXPECT_EQ(data.size(), total);
}

TEST(Safetensors, KnownBytesOfAOneTensorFile) {
  SafetensorsFile file;
  file.tensors["x"] = {"U8", {2}, "\x05\x06"};
  const std::string bytes = encodeSafetensors(file);
  const std::string header = R"({"x":{"data_offsets":[0,2],"dtype":"U8","shape":[2]}})";
  const std::size_t padded = (header.size() + 8 + 7) / 8 * 8 - 8;
  ASSERT_EQ(bytes.size(), 8 + padded + 2);
  EXPECT_EQ(static_cast<unsigned char>(bytes[0]), padded & 0xff);
  EXPECT_EQ(bytes.substr(1, 7), std::string(7, '\0'));
  EXPECT_EQ(bytes.substr(8, header.size()), header);
  EXPECT_EQ(bytes.substr(8 + header.size(), padded - header.size()), std::string(padded - header.size(), ' '));
  EXPECT_EQ(bytes.substr(8 + padded), "\x05\x06");
}

// --- rejection: every message names the file; where a tensor is at fault, the tensor too.

class SafetensorsRejects : public ::testing::Test {
 protected:
  // Writes `bytes` to a file, loads it and returns the error message ("" if it loaded).
  std::string loadError(const std::string& bytes) {
    EXPECT_TRUE(writeFileAtomically(m_path, bytes).ok());
    auto loaded = loadSafetensors(m_path);
    if (loaded.ok()) {
      ADD_FAILURE() << "a corrupt file was accepted";
      return "";
    }
    EXPECT_EQ(loaded.error().message.rfind(m_path + ": ", 0), 0u) << loaded.error().message;
    return loaded.error().message;
  }

  TempDir m_dir;
  std::string m_path = m_dir.file("bad.safetensors");
};

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_F(SafetensorsRejects, TruncatedFileNamesTheTensorCut) {
  SafetensorsFile file;
  file.tensors["a.weight"] = {"F32", {4}, rawBytes<float>({1, 2, 3, 4})};
  file.tensors["b.weight"] = {"F32", {4}, rawBytes<float>({5, 6, 7, 8})};
  std::string bytes = encodeSafetensors(file);
  bytes.resize(bytes.size() - 3);
  const auto message = loadError(bytes);
  EXPECT_TRUE(contains(message, "tensor 'b.weight'")) << message;
  EXPECT_TRUE(contains(message, "truncated")) << message;
}

TEST_F(SafetensorsRejects, FileShorterThanTheLengthField) {
  const auto message = loadError("\x10\x00\x00");
  EXPECT_TRUE(contains(message, "8-byte header length")) << message;
}

TEST_F(SafetensorsRejects, HeaderLengthLargerThanTheFile) {
  std::string bytes = encodeSafetensors(sampleFile());
  const std::uint64_t tooLong = bytes.size();
  for (int i = 0; i < 8; ++i) bytes[i] = static_cast<char>((tooLong >> (8 * i)) & 0xff);
  const auto message = loadError(bytes);
  EXPECT_TRUE(contains(message, "header claims " + std::to_string(tooLong) + " bytes")) << message;
}

TEST_F(SafetensorsRejects, HeaderThatIsNotJson) {
  const auto message = loadError(craft("{\"w\": {\"dtype\": \"F32\",   ", std::string(8, '\0')));
  EXPECT_TRUE(contains(message, "header is not a JSON object")) << message;
}

// Issue 21: nlohmann throws out_of_range (not parse_error) for a number too large for a double.
TEST_F(SafetensorsRejects, HeaderWithANumberTooLargeForADouble) {
  const auto message = loadError(craft("{\"w\": {\"dtype\": \"F32\", \"shape\": [1e999], \"data_offsets\": [0, 4]}}",
                                       std::string(4, '\0')));
  EXPECT_TRUE(contains(message, "header:1:34: invalid JSON: the number 1e999 is too large for a double")) << message;
}

TEST_F(SafetensorsRejects, HeaderThatIsJsonButNotAnObject) {
  const auto message = loadError(craft("[1, 2, 3]       ", ""));
  EXPECT_TRUE(contains(message, "header is not a JSON object")) << message;
}

TEST_F(SafetensorsRejects, OffsetsThatDoNotMatchTheShape) {
  const auto message =
      loadError(craft(R"({"w":{"dtype":"F32","shape":[2,2],"data_offsets":[0,12]}})", std::string(16, '\0')));
  EXPECT_TRUE(contains(message, "tensor 'w'")) << message;
  EXPECT_TRUE(contains(message, "does not match its shape")) << message;
}

TEST_F(SafetensorsRejects, OffsetsPastTheEndOfTheData) {
  const auto message =
      loadError(craft(R"({"w":{"dtype":"U8","shape":[8],"data_offsets":[4,12]}})", std::string(8, '\0')));
  EXPECT_TRUE(contains(message, "tensor 'w'")) << message;
}

TEST_F(SafetensorsRejects, OverlappingOffsetsNameBothTensors) {
  const auto message = loadError(craft(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
                                       R"("b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})",
                                       std::string(16, '\0')));
  EXPECT_TRUE(contains(message, "overlap")) << message;
  EXPECT_TRUE(contains(message, "'a'") && contains(message, "'b'")) << message;
}

TEST_F(SafetensorsRejects, UnknownDtype) {
  const auto message =
      loadError(craft(R"({"w":{"dtype":"F8_E9","shape":[1],"data_offsets":[0,1]}})", std::string(8, '\0')));
  EXPECT_TRUE(contains(message, "tensor 'w'")) << message;
  EXPECT_TRUE(contains(message, "unknown dtype 'F8_E9'")) << message;
}

TEST_F(SafetensorsRejects, NegativeShape) {
  const auto message = loadError(craft(R"({"w":{"dtype":"U8","shape":[-1],"data_offsets":[0,0]}})", ""));
  EXPECT_TRUE(contains(message, "tensor 'w'")) << message;
}

// Regression: a shape whose element count overflows 64 bits must be rejected, not wrap
// around (signed overflow) to a small product that matches the offsets.
TEST_F(SafetensorsRejects, ShapeWhoseSizeOverflows) {
  const auto message =
      loadError(craft(R"({"w":{"dtype":"U8","shape":[4294967296,4294967296,2],"data_offsets":[0,0]}})", ""));
  EXPECT_TRUE(contains(message, "tensor 'w'")) << message;
}

TEST_F(SafetensorsRejects, MetadataThatIsNotStrings) {
  const auto message = loadError(craft(R"({"__metadata__":{"epoch":3}})", ""));
  EXPECT_TRUE(contains(message, "__metadata__.epoch")) << message;
}

}  // namespace
}  // namespace vimoe::test
