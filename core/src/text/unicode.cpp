#include "vimoe/text/unicode.h"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>
#include <utility>

namespace vimoe::text {
namespace {

// Byte offset of the first invalid UTF-8 sequence, or -1. utf8proc_iterate also rejects
// overlong forms and surrogates, which a hand-written length check would let through.
long firstInvalidByte(const std::string& text) {
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  const auto size = static_cast<utf8proc_ssize_t>(text.size());
  utf8proc_ssize_t offset = 0;
  while (offset < size) {
    utf8proc_int32_t codepoint = 0;
    const utf8proc_ssize_t consumed = utf8proc_iterate(bytes + offset, size - offset, &codepoint);
    if (consumed <= 0 || codepoint < 0) return static_cast<long>(offset);
    offset += consumed;
  }
  return -1;
}

struct FreeDeleter {
  void operator()(utf8proc_uint8_t* p) const { std::free(p); }
};

}  // namespace

long firstInvalidUtf8Offset(const std::string& text) {
  return firstInvalidByte(text);
}

std::string toNfd(const std::string& text) {
  if (text.empty() || firstInvalidByte(text) >= 0) return text;
  utf8proc_uint8_t* raw = nullptr;
  const utf8proc_ssize_t length =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()), static_cast<utf8proc_ssize_t>(text.size()),
                   &raw, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_DECOMPOSE));
  std::unique_ptr<utf8proc_uint8_t, FreeDeleter> owned(raw);
  if (length < 0) return text;
  return std::string(reinterpret_cast<const char*>(owned.get()), static_cast<std::size_t>(length));
}

bool isValidUtf8(const std::string& text) {
  return firstInvalidByte(text) < 0;
}

Expected<std::string> toNfc(const std::string& text) {
  if (text.empty()) return std::string();
  const long bad = firstInvalidByte(text);
  if (bad >= 0) {
    return Error{"invalid UTF-8 at byte offset " + std::to_string(bad) + " (re-encode the text as UTF-8)"};
  }
  utf8proc_uint8_t* raw = nullptr;
  // STABLE keeps the normalisation stable across Unicode versions (no unassigned code points
  // in the output); COMPOSE without COMPAT is plain NFC, so "ﬁ" or full-width digits survive.
  const utf8proc_ssize_t length =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()), static_cast<utf8proc_ssize_t>(text.size()),
                   &raw, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  std::unique_ptr<utf8proc_uint8_t, FreeDeleter> owned(raw);
  if (length < 0) return Error{std::string("NFC normalisation failed: ") + utf8proc_errmsg(length)};
  return std::string(reinterpret_cast<const char*>(owned.get()), static_cast<std::size_t>(length));
}

bool isNfc(const std::string& text) {
  const auto normalised = toNfc(text);
  return normalised.ok() && *normalised == text;
}

std::string toNfcReplacingInvalid(const std::string& text) {
  if (auto normalised = toNfc(text); normalised.ok()) return std::move(*normalised);
  std::string repaired;  // each invalid byte as U+FFFD, the rest as it was
  repaired.reserve(text.size() + 8);
  for (const char32_t c : codePoints(text)) appendUtf8(repaired, c);
  auto normalised = toNfc(repaired);
  return normalised.ok() ? std::move(*normalised) : repaired;
}

std::u32string codePoints(const std::string& text) {
  std::u32string out;
  out.reserve(text.size());
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  const auto size = static_cast<utf8proc_ssize_t>(text.size());
  for (utf8proc_ssize_t offset = 0; offset < size;) {
    utf8proc_int32_t codepoint = 0;
    const utf8proc_ssize_t consumed = utf8proc_iterate(bytes + offset, size - offset, &codepoint);
    const bool valid = consumed > 0 && codepoint >= 0;
    out.push_back(valid ? static_cast<char32_t>(codepoint) : U'\uFFFD');
    offset += valid ? consumed : 1;
  }
  return out;
}

void appendUtf8(std::string& out, char32_t codePoint) {
  utf8proc_uint8_t encoded[4];
  const auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(codePoint), encoded);
  out.append(reinterpret_cast<const char*>(encoded), static_cast<std::size_t>(n));
}

std::string toLowercase(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (const char32_t c : codePoints(text))
    appendUtf8(out, static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c))));
  return out;
}

}  // namespace vimoe::text
