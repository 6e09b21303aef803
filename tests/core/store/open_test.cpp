// Opening a store: creation and migration, WAL, and rejection of files this build must not
// touch (newer schema, not a database, a foreign SQLite database, a missing read-only file).
#include <sqlite3.h>

#include <fstream>
#include <iterator>
#include <set>

#include "vimoe/store/process_job.h"
#include "store_test_support.h"

namespace vimoe::store::test {
namespace {

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Runs one statement on a raw connection and returns the first column of each row as text.
std::vector<std::string> rawQuery(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  std::vector<std::string> out;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) == SQLITE_OK) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK) {
      while (sqlite3_step(stmt) == SQLITE_ROW) {
        const auto* text = sqlite3_column_text(stmt, 0);
        out.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
      }
    } else {
      ADD_FAILURE() << sqlite3_errmsg(db);
    }
    sqlite3_finalize(stmt);
  }
  sqlite3_close(db);
  return out;
}

TEST(RunStoreOpen, CreatesTheSchemaInWalMode) {
  TempDir dir;
  const auto path = dir.file("new.sqlite");
  {
    auto store = RunStore::open(path);
    ASSERT_TRUE(store.ok()) << store.error().message;
    EXPECT_EQ((*store)->path(), path);
  }
  EXPECT_EQ(rawQuery(path, "PRAGMA user_version"), std::vector<std::string>{std::to_string(RunStore::schemaVersion())});
  EXPECT_EQ(rawQuery(path, "PRAGMA journal_mode"), std::vector<std::string>{"wal"});
  auto tables = rawQuery(path, "SELECT name FROM sqlite_master WHERE type = 'table'");
  const std::set<std::string> expected = {"run",         "metric_key", "scalar",         "scalar_latest",
                                          "expert_load", "job", "moe_layer",  "routing_sample", "eval",
                                          "artifact",    "study",      "study_run",
                                          "probe_sample", "expert_class"};
  EXPECT_EQ(std::set<std::string>(tables.begin(), tables.end()), expected);
}

TEST(RunStoreOpen, UpgradesAVersionOneStoreAndKeepsItsRuns) {
  TempDir dir;
  const auto path = dir.file("v1.sqlite");
  std::int64_t id = 0;
  {
    auto store = RunStore::open(path);
    ASSERT_TRUE(store.ok());
    NewRun run;
    run.name = "old";
    id = *(*store)->createRun(run);
  }
  // Turn it back into what version 1 wrote: the old routing_sample, no probe or class tables,
  // no jobs.
  rawQuery(path, "ALTER TABLE run DROP COLUMN job_id");
  rawQuery(path, "DROP TABLE job");
  rawQuery(path, "DROP TABLE probe_sample");
  rawQuery(path, "DROP TABLE expert_class");
  rawQuery(path, "DROP TABLE routing_sample");
  rawQuery(path,
           "CREATE TABLE routing_sample (run_id INTEGER NOT NULL, step INTEGER NOT NULL, sample INTEGER NOT NULL, "
           "layer INTEGER NOT NULL, token INTEGER NOT NULL, experts TEXT NOT NULL, gates TEXT NOT NULL, "
           "PRIMARY KEY (run_id, step, sample, layer, token)) WITHOUT ROWID");
  rawQuery(path, "PRAGMA user_version = 1");

  auto store = RunStore::open(path);
  ASSERT_TRUE(store.ok()) << store.error().message;
  EXPECT_EQ(rawQuery(path, "PRAGMA user_version"), std::vector<std::string>{std::to_string(RunStore::schemaVersion())});
  EXPECT_EQ((*store)->run(id)->name, "old");
  ASSERT_TRUE((*store)->logRouting(id, {{1, 0, "text", 0, 3, {1}, {1.0f}, {1}}}).ok());
  EXPECT_EQ((*store)->routing(id, 1)->at(0).modality, "text");
}

// Version 3 adds the job table: a version-2 store's runs keep their rows and have no job (a
// running one of them is lost: nothing can say its process is alive). A reader upgrades it
// once through openForReading instead of failing until the next training run.
TEST(RunStoreOpen, AVersionTwoStoreIsUpgradedForAReaderAndItsRunningRunIsLost) {
  TempDir dir;
  const auto path = dir.file("v2.sqlite");
  std::int64_t id = 0;
  {
    auto store = RunStore::open(path);
    ASSERT_TRUE(store.ok());
    NewRun run;
    run.name = "before jobs";
    id = *(*store)->createRun(run);
  }
  rawQuery(path, "ALTER TABLE run DROP COLUMN job_id");
  rawQuery(path, "DROP TABLE job");
  rawQuery(path, "UPDATE run SET status = 'running'");
  rawQuery(path, "PRAGMA user_version = 2");

  EXPECT_FALSE(RunStore::open(path, RunStore::Mode::ReadOnly).ok());  // a read-only connection cannot migrate
  auto reader = RunStore::openForReading(path);
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  EXPECT_EQ(rawQuery(path, "PRAGMA user_version"), std::vector<std::string>{"3"});
  const auto run = (*reader)->run(id).value();
  EXPECT_EQ(run.name, "before jobs");
  EXPECT_FALSE(run.job.has_value());
  EXPECT_TRUE(isLost(run));
  EXPECT_EQ(displayStatus(run), "lost");
  EXPECT_TRUE((*reader)->openJobs()->empty());
}

TEST(RunStoreOpen, OpenForReadingStillRejectsWhatItMustNotTouch) {
  TempDir dir;
  const auto path = dir.file("foreign.sqlite");
  rawQuery(path, "CREATE TABLE notes (text TEXT)");
  auto reader = RunStore::openForReading(path);
  ASSERT_FALSE(reader.ok());
  EXPECT_NE(reader.error().message.find("not a vimoe store"), std::string::npos) << reader.error().message;
  EXPECT_EQ(rawQuery(path, "PRAGMA user_version"), std::vector<std::string>{"0"});
  EXPECT_FALSE(RunStore::openForReading(dir.file("missing.sqlite")).ok());
  EXPECT_FALSE(std::filesystem::exists(dir.file("missing.sqlite")));
}

TEST(RunStoreOpen, ReopeningKeepsTheDataAndReadOnlySeesIt) {
  TempDir dir;
  const auto path = dir.file("runs.sqlite");
  std::int64_t id = 0;
  {
    auto store = RunStore::open(path);
    ASSERT_TRUE(store.ok()) << store.error().message;
    NewRun run;
    run.name = "kept";
    id = *(*store)->createRun(run);
    ASSERT_TRUE((*store)->logScalars(id, 1, {{"loss", 0.5}}).ok());
  }
  auto again = RunStore::open(path);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ((*again)->run(id)->name, "kept");
  again->reset();

  auto reader = RunStore::open(path, RunStore::Mode::ReadOnly);
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  EXPECT_EQ((*reader)->scalars(id, "loss")->size(), 1u);
  EXPECT_TRUE((*reader)->dataVersion().ok());

  // Writes through a read-only store fail with a message instead of touching the file.
  NewRun run;
  run.name = "nope";
  auto created = (*reader)->createRun(run);
  ASSERT_FALSE(created.ok());
  EXPECT_NE(created.error().message.find("read-only"), std::string::npos) << created.error().message;
  auto logged = (*reader)->logScalars(id, 2, {{"loss", 0.1}});
  ASSERT_FALSE(logged.ok());
  EXPECT_NE(logged.error().message.find("read-only"), std::string::npos) << logged.error().message;
  EXPECT_FALSE((*reader)->beginBatch().ok());
}

TEST(RunStoreOpen, NewerSchemaIsRejectedInBothModes) {
  TempDir dir;
  const auto path = dir.file("future.sqlite");
  ASSERT_TRUE(RunStore::open(path).ok());
  rawQuery(path, "PRAGMA user_version = 99");
  // Back to a rollback journal, to see that the rejected open does not switch it to WAL.
  rawQuery(path, "PRAGMA journal_mode = DELETE");

  const std::string expected = path + " was written by a newer vimoe (schema 99, this build understands " +
                               std::to_string(RunStore::schemaVersion()) + ")";
  for (auto mode : {RunStore::Mode::ReadWrite, RunStore::Mode::ReadOnly}) {
    auto store = RunStore::open(path, mode);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.error().message, expected);
  }
  EXPECT_EQ(rawQuery(path, "PRAGMA user_version"), std::vector<std::string>{"99"});
  EXPECT_EQ(rawQuery(path, "PRAGMA journal_mode"), std::vector<std::string>{"delete"});
}

TEST(RunStoreOpen, ATextFileIsRejectedAndLeftByteForByteUnchanged) {
  TempDir dir;
  const auto path = dir.file("notes.txt");
  std::string contents;
  for (int i = 0; i < 200; ++i) contents += "line " + std::to_string(i) + ": this is not a database\n";
  { std::ofstream(path, std::ios::binary) << contents; }

  for (auto mode : {RunStore::Mode::ReadWrite, RunStore::Mode::ReadOnly}) {
    auto store = RunStore::open(path, mode);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.error().message, path + ": not a vimoe store: file is not a database");
  }
  EXPECT_EQ(readFile(path), contents);
  // No journal or WAL files appeared beside it.
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) names.push_back(entry.path().filename());
  EXPECT_EQ(names, std::vector<std::string>{"notes.txt"});
}

TEST(RunStoreOpen, AForeignSqliteDatabaseIsNotTakenOver) {
  TempDir dir;
  const auto path = dir.file("other.sqlite");
  rawQuery(path, "CREATE TABLE customers (id INTEGER PRIMARY KEY)");
  auto store = RunStore::open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.error().message.find("not a vimoe store"), std::string::npos) << store.error().message;
  EXPECT_EQ(rawQuery(path, "SELECT name FROM sqlite_master"), std::vector<std::string>{"customers"});
  EXPECT_EQ(rawQuery(path, "PRAGMA user_version"), std::vector<std::string>{"0"});
  EXPECT_EQ(rawQuery(path, "PRAGMA journal_mode"), std::vector<std::string>{"delete"});
}

TEST(RunStoreOpen, ReadOnlyOpenOfAnEmptyDatabaseAsksForAReadWriteOpen) {
  TempDir dir;
  const auto path = dir.file("empty.sqlite");
  { std::ofstream create(path); }
  auto store = RunStore::open(path, RunStore::Mode::ReadOnly);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().message.rfind(path + ": not a vimoe store yet", 0), 0u) << store.error().message;
  EXPECT_TRUE(RunStore::open(path).ok()) << "an empty file becomes a store when opened read-write";
}

TEST(RunStoreOpen, ReadOnlyOpenOfAMissingFileFailsNamingItAndCreatesNothing) {
  TempDir dir;
  const auto path = dir.file("missing.sqlite");
  auto store = RunStore::open(path, RunStore::Mode::ReadOnly);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().message.rfind(path + ": ", 0), 0u) << store.error().message;
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(RunStoreOpen, ReadWriteOpenInAMissingDirectoryFailsNamingTheFile) {
  TempDir dir;
  const auto path = dir.file("no/such/dir/runs.sqlite");
  auto store = RunStore::open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().message.rfind(path + ": ", 0), 0u) << store.error().message;
}

}  // namespace
}  // namespace vimoe::store::test
