#include "data/tolerant_json.h"

#include <utf8proc.h>

#include "vimoe/util/atomic_file.h"
#include "vimoe/util/json_read.h"

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

// An object, so that no check taking a number or a string accepts it; the key reads as the
// reason when a message dumps the value.
const char* const kTooLargeKey = "number too large for a double";
const char* const kPositionKey = "at";

// Each literal in `spans` (digits, sign, '.', 'e': nothing to escape) becomes a marker object
// holding it and its line:column, counted as we go so that many literals stay linear.
std::string setNumbersAside(const std::string& text, const std::vector<JsonSpan>& spans) {
  std::string out;
  out.reserve(text.size() + spans.size() * 60);
  std::size_t copied = 0, line = 1, lineStart = 0;
  for (const JsonSpan& span : spans) {
    for (std::size_t i = copied; i < span.offset; ++i)
      if (text[i] == '\n') ++line, lineStart = i + 1;
    const std::string position = std::to_string(line) + ":" + std::to_string(span.offset - lineStart + 1);
    out.append(text, copied, span.offset - copied);
    out += std::string("{\"") + kTooLargeKey + "\": \"" + text.substr(span.offset, span.length) + "\", \"" +
           kPositionKey + "\": \"" + position + "\"}";
    copied = span.offset + span.length;
  }
  out.append(text, copied, std::string::npos);
  return out;
}

}  // namespace

Expected<nlohmann::json> readJsonTolerant(const std::string& path) {
  auto raw = readWholeFile(path);
  if (!raw.ok()) return raw.error();
  const std::string text = markInvalidBytes(*raw);
  auto parsed = parseJson(path, text);
  if (parsed) return parsed;
  // Only a number too large for a double is recoverable; the markers take no newline, so a
  // later syntax error would be reported at a shifted column: keep the first message then.
  const std::vector<JsonSpan> spans = overflowingNumbers(text);
  if (spans.empty()) return parsed;
  auto recovered = parseJson(path, setNumbersAside(text, spans));
  if (!recovered || numberTooLarge(*recovered)) return parsed;  // the whole file is one such number
  return recovered;
}

std::optional<TooLargeNumber> numberTooLarge(const nlohmann::json& value) {
  if (!value.is_object() || value.size() != 2) return std::nullopt;
  const auto literal = value.find(kTooLargeKey), position = value.find(kPositionKey);
  if (literal == value.end() || position == value.end() || !literal->is_string() || !position->is_string())
    return std::nullopt;
  return TooLargeNumber{literal->get<std::string>(), position->get<std::string>()};
}

std::string numberTooLargeMessage(const char* field, const TooLargeNumber& number) {
  constexpr std::size_t kMaxChars = 40;
  const std::string& literal = number.literal;
  const std::string shown = literal.size() <= kMaxChars ? literal : literal.substr(0, kMaxChars - 3) + "...";
  return std::string("'") + field + "' at " + number.position + " is " + shown +
         ", a number too large for a double (the largest is about 1.8e308)";
}

long invalidUtf8Offset(const std::string& value) {
  const std::size_t pos = value.find(kInvalidMarker);
  // Only the first marker matters, and no marker precedes it, so its position is the
  // offset in the original bytes.
  return pos == std::string::npos ? -1 : static_cast<long>(pos);
}

}  // namespace vimoe::data::detail
