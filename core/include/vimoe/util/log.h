// Log sink: the core reports through this interface and never prints on its own, so the CLI
// can write to stderr, the GUI to a dock, and tests can capture messages.
#pragma once

#include <mutex>
#include <string>
#include <vector>

namespace vimoe {

enum class LogLevel { Debug, Info, Warning, Error };

const char* logLevelName(LogLevel level);

class LogSink {
 public:
  virtual ~LogSink() = default;
  virtual void write(LogLevel level, const std::string& message) = 0;

  void debug(const std::string& m) { write(LogLevel::Debug, m); }
  void info(const std::string& m) { write(LogLevel::Info, m); }
  void warning(const std::string& m) { write(LogLevel::Warning, m); }
  void error(const std::string& m) { write(LogLevel::Error, m); }
};

// Writes "level: message" lines to stderr; thread-safe.
class StderrLogSink : public LogSink {
 public:
  explicit StderrLogSink(LogLevel minimum = LogLevel::Info) : m_minimum(minimum) {}
  void write(LogLevel level, const std::string& message) override;

 private:
  LogLevel m_minimum;
  std::mutex m_mutex;
};

// Keeps every message; for tests and for panels that show a log.
class MemoryLogSink : public LogSink {
 public:
  struct Entry {
    LogLevel level;
    std::string message;
  };
  void write(LogLevel level, const std::string& message) override;
  std::vector<Entry> entries() const;
  bool contains(const std::string& fragment) const;

 private:
  mutable std::mutex m_mutex;
  std::vector<Entry> m_entries;
};

class NullLogSink : public LogSink {
 public:
  void write(LogLevel, const std::string&) override {}
};

}  // namespace vimoe
