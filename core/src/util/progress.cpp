#include "vimoe/util/progress.h"

#include <unistd.h>

#include <cstdio>
#include <nlohmann/json.hpp>

namespace vimoe {

ConsoleProgressObserver::ConsoleProgressObserver() : m_terminal(::isatty(STDOUT_FILENO) == 1) {}

void ConsoleProgressObserver::onProgress(const Progress& p) {
  if (!m_terminal) {
    // JSON lines for a parent process: at most ~4 a second, plus the first and the last.
    const bool boundary = p.done <= 1 || (p.total > 0 && p.done >= p.total);
    if (!boundary && p.elapsedSeconds - m_lastPrint < 0.25) return;
    m_lastPrint = p.elapsedSeconds;
    nlohmann::json line = {{"task", p.task},
                           {"done", p.done},
                           {"total", p.total},
                           {"elapsed_s", p.elapsedSeconds},
                           {"eta_s", p.etaSeconds()},
                           {"detail", p.detail}};
    std::printf("%s\n", line.dump().c_str());
    std::fflush(stdout);
    return;
  }
  // Redraw at most ~10 times a second and always at the end.
  if (p.done < p.total && p.elapsedSeconds - m_lastPrint < 0.1) return;
  m_lastPrint = p.elapsedSeconds;
  constexpr int width = 30;
  const int filled = static_cast<int>(p.fraction() * width);
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.resize(width, '.');
  std::printf("\r%-18s [%s] %5.1f%%  %lld/%lld  eta %4.0fs  %s\033[K", p.task.c_str(), bar.c_str(),
              100.0 * p.fraction(), static_cast<long long>(p.done), static_cast<long long>(p.total),
              p.etaSeconds(), p.detail.c_str());
  std::fflush(stdout);
}

void ConsoleProgressObserver::finishLine() {
  if (m_terminal) {
    std::printf("\n");
    std::fflush(stdout);
  }
}

}  // namespace vimoe
