// Progress observer: long work reports how far it is so the CLI can draw a bar with ETA or
// emit JSON lines, and the GUI can show a progress bar.
#pragma once

#include <cstdint>
#include <string>

namespace vimoe {

struct Progress {
  std::string task;       // what is running, e.g. "train dense"
  std::int64_t done = 0;  // units finished
  std::int64_t total = 0; // 0 when unknown
  double elapsedSeconds = 0.0;
  std::string detail;     // short status, e.g. "loss 2.31"

  double fraction() const { return total > 0 ? double(done) / double(total) : 0.0; }
  double etaSeconds() const {
    return (done > 0 && total > done) ? elapsedSeconds * double(total - done) / double(done) : 0.0;
  }
};

class ProgressObserver {
 public:
  virtual ~ProgressObserver() = default;
  virtual void onProgress(const Progress& progress) = 0;
};

class NullProgressObserver : public ProgressObserver {
 public:
  void onProgress(const Progress&) override {}
};

// Draws a bar on a terminal, or JSON lines ({"task":..,"done":..}) when stdout is not one,
// so that the GUI's run launcher can parse a child's progress.
class ConsoleProgressObserver : public ProgressObserver {
 public:
  ConsoleProgressObserver();
  void onProgress(const Progress& progress) override;
  void finishLine();

 private:
  bool m_terminal;
  double m_lastPrint = -1.0;
};

}  // namespace vimoe
