// Vietnamese-aware Unicode helpers (utf8proc). Text is NFC-normalised before it is
// tokenised, compared or stored: the same word can arrive decomposed (NFD) and would then
// never match.
#pragma once

#include <string>

#include "vimoe/util/expected.h"

namespace vimoe::text {

bool isValidUtf8(const std::string& text);
// Byte offset of the first invalid UTF-8 sequence (overlong forms and surrogates included), or -1.
long firstInvalidUtf8Offset(const std::string& text);
// NFC normal form; invalid UTF-8 is an error naming the byte offset.
Expected<std::string> toNfc(const std::string& text);
bool isNfc(const std::string& text);
// NFD (canonical decomposition); invalid UTF-8 comes back unchanged.
std::string toNfd(const std::string& text);
// NFC for text that must be processed anyway (a query to tokenise): each invalid byte becomes
// U+FFFD instead of failing.
std::string toNfcReplacingInvalid(const std::string& text);
// The code points of `text`, each invalid byte as U+FFFD; and back to UTF-8.
std::u32string codePoints(const std::string& text);
void appendUtf8(std::string& out, char32_t codePoint);
// Unicode simple lowercase mapping of every code point (Python's str.lower for Vietnamese);
// invalid bytes become U+FFFD.
std::string toLowercase(const std::string& text);

}  // namespace vimoe::text
