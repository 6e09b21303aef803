// A strict RFC 4180 CSV reader (quoted fields, doubled quotes, newlines inside quotes, CRLF,
// a UTF-8 byte-order mark) that remembers the line each row starts on, for messages.
// Bytes are passed through unchanged: UTF-8 checks belong to the caller.
#pragma once

#include <string>
#include <vector>

#include "vimoe/util/expected.h"

namespace vimoe::data::detail {

struct CsvRow {
  int line = 0;  // 1-based line where the row starts
  std::vector<std::string> cells;
};

// Error for an unterminated quoted field (naming its line) or a stray quote.
Expected<std::vector<CsvRow>> parseCsv(const std::string& text, const std::string& fileForMessages);

}  // namespace vimoe::data::detail
