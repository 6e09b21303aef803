#include "vimoe/text/detokenize.h"

#include <utf8proc.h>

#include "vimoe/text/unicode.h"
#include "vimoe/text/vietnamese.h"

namespace vimoe::text {
namespace {

bool isClosingPunctuation(char c) {
  return c == '.' || c == ',' || c == '?' || c == '!' || c == ':' || c == ';';
}

// Upper-cases the first code point (Vietnamese letters included: "đ" -> "Đ", "ả" -> "Ả").
std::string capitaliseFirst(const std::string& text) {
  if (text.empty()) return text;
  utf8proc_int32_t cp = 0;
  const auto length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                       static_cast<utf8proc_ssize_t>(text.size()), &cp);
  if (length <= 0) return text;
  utf8proc_uint8_t buffer[4];
  const auto written = utf8proc_encode_char(utf8proc_toupper(cp), buffer);
  return std::string(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(written)) +
         text.substr(static_cast<std::size_t>(length));
}

}  // namespace

std::string tidyGeneratedText(const std::string& decoded, bool capitalise) {
  NormalizeOptions options;  // NFC, traditional tone placement
  const std::string normalised = normalizeVietnamese(decoded, options);
  std::string out;
  out.reserve(normalised.size());
  for (char c : normalised) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;  // collapse and trim left
    if (isClosingPunctuation(c) && !out.empty() && out.back() == ' ') out.pop_back();
    out.push_back(c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return capitalise ? capitaliseFirst(out) : out;
}

std::string detokenize(const Tokenizer& tokenizer, const std::vector<int>& ids, bool capitalise) {
  return tidyGeneratedText(tokenizer.decode(ids), capitalise);
}

}  // namespace vimoe::text
