#include "data/tolerant_json.h"

#include <utf8proc.h>

#include "vimoe/util/atomic_file.h"

namespace vimoe::data::detail {
namespace {

// U+10FFFF is a permanent noncharacter: it never appears in real captions, and it is valid
// UTF-8, so the JSON parser lets it through.
const std::string kInvalidMarker = "\xF4\x8F\xBF\xBF";

std::string markInvalidBytes(const std::string& raw) {
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(raw.data());
  const auto size = static_cast<utf8proc_ssize_t>(raw.size());
  std::string out;
  out.reserve(raw.size());
  utf8proc_ssize_t offset = 0;
  while (offset < size) {
    utf8proc_int32_t codepoint = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(bytes + offset, size - offset, &codepoint);
    if (n <= 0 || codepoint < 0) {
      out += kInvalidMarker;
      ++offset;
    } else {
      out.append(raw, static_cast<std::size_t>(offset), static_cast<std::size_t>(n));
      offset += n;
    }
  }
  return out;
}

}  // namespace

Expected<nlohmann::json> readJsonTolerant(const std::string& path) {
  auto raw = readWholeFile(path);
  if (!raw.ok()) return raw.error();
  try {
    return nlohmann::json::parse(markInvalidBytes(*raw));
  } catch (const nlohmann::json::parse_error& e) {
    // e.what() names line and column; the byte offset helps with minified files.
    return Error::at(path, std::string("malformed JSON near byte ") + std::to_string(e.byte) + ": " + e.what());
  }
}

long invalidUtf8Offset(const std::string& value) {
  const std::size_t pos = value.find(kInvalidMarker);
  // Only the first marker matters, and no marker precedes it, so its position is the
  // offset in the original bytes.
  return pos == std::string::npos ? -1 : static_cast<long>(pos);
}

}  // namespace vimoe::data::detail
