#include "vimoe/util/log.h"

#include <cstdio>

namespace vimoe {

const char* logLevelName(LogLevel level) {
  switch (level) {
    case LogLevel::Debug: return "debug";
    case LogLevel::Info: return "info";
    case LogLevel::Warning: return "warning";
    case LogLevel::Error: return "error";
  }
  return "?";
}

void StderrLogSink::write(LogLevel level, const std::string& message) {
  if (level < m_minimum) return;
  std::lock_guard<std::mutex> lock(m_mutex);
  std::fprintf(stderr, "%s: %s\n", logLevelName(level), message.c_str());
}

void MemoryLogSink::write(LogLevel level, const std::string& message) {
  std::lock_guard<std::mutex> lock(m_mutex);
  m_entries.push_back({level, message});
}

std::vector<MemoryLogSink::Entry> MemoryLogSink::entries() const {
  std::lock_guard<std::mutex> lock(m_mutex);
  return m_entries;
}

bool MemoryLogSink::contains(const std::string& fragment) const {
  std::lock_guard<std::mutex> lock(m_mutex);
  for (const auto& e : m_entries)
    if (e.message.find(fragment) != std::string::npos) return true;
  return false;
}

}  // namespace vimoe
