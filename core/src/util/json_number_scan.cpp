// overflowingNumbers: a scan for number literals, kept apart from parsing because it only
// runs after nlohmann has given up on a document.
#include <locale.h>
#include <stdlib.h>

#include <cmath>
#include <cstring>

#include "vimoe/util/json_read.h"

namespace vimoe {
namespace {

bool isNumberChar(char c) { return c != '\0' && std::strchr("0123456789+-.eE", c) != nullptr; }

// nlohmann converts with strtod in the C locale's spelling ('.' as the decimal point) and
// rejects a result that is not finite; the same test here finds the same literals. Underflow
// (1e-99999) gives 0 and is accepted by both.
bool overflowsDouble(const std::string& literal) {
  static const locale_t cLocale = newlocale(LC_ALL_MASK, "C", static_cast<locale_t>(nullptr));
  return std::isinf(strtod_l(literal.c_str(), nullptr, cLocale));
}

}  // namespace

std::vector<JsonSpan> overflowingNumbers(const std::string& text) {
  std::vector<JsonSpan> spans;
  bool inString = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (inString) {
      if (c == '\\')
        ++i;  // an escaped quote does not end the string
      else if (c == '"')
        inString = false;
      continue;
    }
    if (c == '"') {
      inString = true;
      continue;
    }
    if (c != '-' && (c < '0' || c > '9')) continue;
    std::size_t end = i;
    while (end < text.size() && isNumberChar(text[end])) ++end;
    if (overflowsDouble(text.substr(i, end - i))) spans.push_back({i, end - i});
    i = end - 1;
  }
  return spans;
}

}  // namespace vimoe
