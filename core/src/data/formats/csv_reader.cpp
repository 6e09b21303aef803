#include "data/formats/csv_reader.h"

namespace vimoe::data::detail {

Expected<std::vector<CsvRow>> parseCsv(const std::string& text, const std::string& file) {
  std::vector<CsvRow> rows;
  std::size_t i = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  int line = 1;
  while (i < text.size()) {
    CsvRow row;
    row.line = line;
    std::string cell;
    bool rowDone = false;
    while (!rowDone) {
      if (i < text.size() && text[i] == '"') {
        const int quoteLine = line;
        ++i;
        for (;;) {
          if (i >= text.size()) return Error::at(file + ":" + std::to_string(quoteLine), "quoted field never closed");
          if (text[i] == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              cell += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (text[i] == '\n') ++line;
          cell += text[i++];
        }
        if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
          return Error::at(file + ":" + std::to_string(line), "text after a closing quote");
      } else {
        while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          if (text[i] == '"') return Error::at(file + ":" + std::to_string(line), "quote inside an unquoted field");
          cell += text[i++];
        }
      }
      row.cells.push_back(std::move(cell));
      cell.clear();
      if (i >= text.size()) {
        rowDone = true;
      } else if (text[i] == ',') {
        ++i;
      } else {
        if (text[i] == '\r') ++i;
        if (i < text.size() && text[i] == '\n') ++i;
        ++line;
        rowDone = true;
      }
    }
    // A blank line is one empty cell: skip it (trailing newlines are common).
    if (!(row.cells.size() == 1 && row.cells[0].empty())) rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace vimoe::data::detail
