// A searchable index of a dataset's text in the project store (SQLite FTS5). Every caption,
// question and answer is one row with its text and a folded shadow column (lower-case, no
// diacritics, đ -> d; see text/vietnamese.h). The FTS5 tokenizer is unicode61 with
// remove_diacritics 2, which folds stacked diacritics but not đ (U+0111 has no decomposition,
// REFERENCES.md section 4); queries are folded the same way and matched against the shadow
// column, so "nguoi" finds "người" and "duong" finds "đường".
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "vimoe/data/sample.h"
#include "vimoe/util/expected.h"

struct sqlite3;

namespace vimoe::data {

struct SampleHit {
  std::string dataset, imageId, imagePath, domain;
  std::string kind;  // caption | question | answer
  std::string text;
};

class SampleIndex {
 public:
  // Opens (creating the tables when missing) the index in an SQLite file, e.g. the project's
  // vimoe.db; its tables are named sample_* and leave the run store's tables alone.
  static Expected<SampleIndex> open(const std::string& dbPath);
  SampleIndex(SampleIndex&&) noexcept;
  SampleIndex& operator=(SampleIndex&&) noexcept;
  ~SampleIndex();

  // Replaces every row of `datasetName` with the dataset's text, in one transaction.
  Status replace(const std::string& datasetName, const Dataset& dataset);
  // All words of the query must match (prefix match on the last one), best first.
  Expected<std::vector<SampleHit>> search(const std::string& query, int limit = 50) const;
  Expected<std::int64_t> rowCount() const;

 private:
  SampleIndex() = default;
  struct Handle;
  std::unique_ptr<Handle> m_db;
};

// The FTS5 MATCH expression for a user query, exposed for tests: folded words, each quoted
// (so FTS syntax in the query is literal), the last one as a prefix.
std::string ftsQueryFor(const std::string& query);

}  // namespace vimoe::data
