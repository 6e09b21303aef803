#include "vimoe/data/sample_index.h"

#include <sqlite3.h>

#include "vimoe/text/vietnamese.h"

namespace vimoe::data {
namespace {

constexpr const char* kSchema = R"(
CREATE TABLE IF NOT EXISTS sample_item(
  id INTEGER PRIMARY KEY,
  dataset TEXT NOT NULL,
  image_id TEXT NOT NULL,
  image_path TEXT NOT NULL,
  domain TEXT NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  folded TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS sample_item_dataset ON sample_item(dataset);
CREATE VIRTUAL TABLE IF NOT EXISTS sample_fts USING fts5(
  text, folded, content='sample_item', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2');
)";

class Statement {
 public:
  Statement(sqlite3* db, const char* sql) { m_rc = sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr); }
  ~Statement() { sqlite3_finalize(m_stmt); }
  bool ok() const { return m_rc == SQLITE_OK; }
  void bind(int i, const std::string& v) { sqlite3_bind_text(m_stmt, i, v.data(), int(v.size()), SQLITE_TRANSIENT); }
  void bind(int i, int v) { sqlite3_bind_int(m_stmt, i, v); }
  int step() { return sqlite3_step(m_stmt); }
  void reset() { sqlite3_reset(m_stmt); }
  std::string text(int i) const {
    const auto* p = sqlite3_column_text(m_stmt, i);
    return p == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(p));
  }
  std::int64_t integer(int i) const { return sqlite3_column_int64(m_stmt, i); }

 private:
  sqlite3_stmt* m_stmt = nullptr;
  int m_rc = SQLITE_ERROR;
};

}  // namespace

struct SampleIndex::Handle {
  sqlite3* db = nullptr;
  std::string path;
  ~Handle() { sqlite3_close(db); }
  Error error(const std::string& what) const { return Error::at(path, what + ": " + sqlite3_errmsg(db)); }
  Status exec(const char* sql) const {
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
      std::string text = message ? message : "unknown error";
      sqlite3_free(message);
      return Error::at(path, text);
    }
    return okStatus();
  }
};

SampleIndex::SampleIndex(SampleIndex&&) noexcept = default;
SampleIndex& SampleIndex::operator=(SampleIndex&&) noexcept = default;
SampleIndex::~SampleIndex() = default;

Expected<SampleIndex> SampleIndex::open(const std::string& dbPath) {
  SampleIndex index;
  index.m_db = std::make_unique<Handle>();
  index.m_db->path = dbPath;
  if (sqlite3_open_v2(dbPath.c_str(), &index.m_db->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK)
    return index.m_db->error("cannot open the sample index");
  sqlite3_busy_timeout(index.m_db->db, 5000);
  if (auto s = index.m_db->exec("PRAGMA journal_mode=WAL;"); !s) return s.error();
  if (auto s = index.m_db->exec(kSchema); !s)
    return Error{s.error().message + " (does this SQLite have FTS5? Debian's libsqlite3 does)"};
  return index;
}

Status SampleIndex::replace(const std::string& datasetName, const Dataset& dataset) {
  Handle& h = *m_db;
  if (auto s = h.exec("BEGIN IMMEDIATE;"); !s) return s;
  auto rollback = [&](Error e) -> Status {
    (void)h.exec("ROLLBACK;");
    return e;
  };
  {
    // External-content FTS: rows leave the FTS table through the 'delete' command, which needs
    // the old values, before they leave sample_item.
    Statement forget(h.db,
                     "INSERT INTO sample_fts(sample_fts, rowid, text, folded) "
                     "SELECT 'delete', id, text, folded FROM sample_item WHERE dataset = ?1;");
    Statement drop(h.db, "DELETE FROM sample_item WHERE dataset = ?1;");
    if (!forget.ok() || !drop.ok()) return rollback(h.error("preparing the index update"));
    forget.bind(1, datasetName);
    drop.bind(1, datasetName);
    if (forget.step() != SQLITE_DONE || drop.step() != SQLITE_DONE) return rollback(h.error("removing old rows"));
  }
  Statement item(h.db,
                 "INSERT INTO sample_item(dataset, image_id, image_path, domain, kind, text, folded) "
                 "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7);");
  Statement fts(h.db, "INSERT INTO sample_fts(rowid, text, folded) VALUES(last_insert_rowid(), ?1, ?2);");
  if (!item.ok() || !fts.ok()) return rollback(h.error("preparing the index insert"));
  auto add = [&](const Sample& s, const char* kind, const std::string& text) -> bool {
    const std::string folded = text::foldDiacritics(text);
    item.bind(1, datasetName);
    item.bind(2, s.imageId);
    item.bind(3, s.imagePath);
    item.bind(4, s.domain);
    item.bind(5, std::string(kind));
    item.bind(6, text);
    item.bind(7, folded);
    fts.bind(1, text);
    fts.bind(2, folded);
    const bool ok = item.step() == SQLITE_DONE && fts.step() == SQLITE_DONE;
    item.reset();
    fts.reset();
    return ok;
  };
  for (const Sample& s : dataset.samples) {
    for (const auto& c : s.captions)
      if (!add(s, "caption", c)) return rollback(h.error("indexing a caption"));
    for (const auto& q : s.qa) {
      if (!add(s, "question", q.question)) return rollback(h.error("indexing a question"));
      for (const auto& a : q.answers)
        if (!add(s, "answer", a)) return rollback(h.error("indexing an answer"));
    }
  }
  return h.exec("COMMIT;");
}

std::string ftsQueryFor(const std::string& query) {
  const std::string folded = text::foldDiacritics(query);
  std::vector<std::string> words;
  std::string word;
  for (char c : folded) {
    const auto u = static_cast<unsigned char>(c);
    // Folded Vietnamese is ASCII; other scripts keep their bytes and stay in the word.
    if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u >= 0x80) {
      word += c;
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  std::string match;
  for (std::size_t i = 0; i < words.size(); ++i) {
    match += (i ? " AND " : "") + std::string("folded : \"") + words[i] + "\"" + (i + 1 == words.size() ? "*" : "");
  }
  return match;
}

Expected<std::vector<SampleHit>> SampleIndex::search(const std::string& query, int limit) const {
  const std::string match = ftsQueryFor(query);
  std::vector<SampleHit> hits;
  if (match.empty()) return hits;
  Statement find(m_db->db,
                 "SELECT i.dataset, i.image_id, i.image_path, i.domain, i.kind, i.text "
                 "FROM sample_fts JOIN sample_item i ON i.id = sample_fts.rowid "
                 "WHERE sample_fts MATCH ?1 ORDER BY rank LIMIT ?2;");
  if (!find.ok()) return m_db->error("preparing the search");
  find.bind(1, match);
  find.bind(2, limit);
  int rc = 0;
  while ((rc = find.step()) == SQLITE_ROW) {
    hits.push_back({find.text(0), find.text(1), find.text(2), find.text(3), find.text(4), find.text(5)});
  }
  if (rc != SQLITE_DONE) return m_db->error("searching '" + query + "'");
  return hits;
}

Expected<std::int64_t> SampleIndex::rowCount() const {
  Statement count(m_db->db, "SELECT count(*) FROM sample_item;");
  if (!count.ok() || count.step() != SQLITE_ROW) return m_db->error("counting rows");
  return count.integer(0);
}

}  // namespace vimoe::data
