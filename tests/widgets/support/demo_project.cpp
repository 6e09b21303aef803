#include "support/demo_project.h"

#include <QDir>
#include <QFile>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "vimoe/store/run_store.h"

namespace vimoe::test_support {
namespace {

using store::RunStore;

Status copyDirectory(const QString& from, const QString& to) {
  if (!QDir().mkpath(to)) return Error{"cannot create " + to.toStdString()};
  const QDir source(from);
  for (const QString& name : source.entryList(QDir::Files)) {
    if (!QFile::copy(source.filePath(name), QDir(to).filePath(name)))
      return Error{"cannot copy " + source.filePath(name).toStdString()};
  }
  return okStatus();
}

}  // namespace

DemoProject::DemoProject(bool withStore) {
  Status done = copyProjectFiles();
  if (done && withStore) done = writeStore();
  if (!done) m_error = QString::fromStdString(done.error().message);
}

QString DemoProject::storePath() const {
  return QDir(dir()).filePath(QStringLiteral("vimoe.db"));
}

double DemoProject::lossAt(qint64 step, bool moe) {
  return (moe ? 3.6 : 4.0) * std::exp(-double(step) / 30.0) + 0.5;
}

Status DemoProject::copyProjectFiles() {
  if (!m_dir.isValid()) return Error{"cannot create a temporary directory"};
  const QString demo = QStringLiteral(VIMOE_SOURCE_DIR "/projects/demo");
  if (!QFile::copy(demo + QStringLiteral("/vimoe-project.json"), QDir(dir()).filePath(QStringLiteral("vimoe-project.json"))))
    return Error{"cannot copy the demo project file from " + demo.toStdString()};
  for (const char* sub : {"experiments", "studies"})
    if (auto copied = copyDirectory(demo + QLatin1Char('/') + QLatin1String(sub), dir() + QLatin1Char('/') + QLatin1String(sub));
        !copied)
      return copied;
  return okStatus();
}

Status DemoProject::writeStore() {
  auto opened = RunStore::open(storePath().toStdString(), RunStore::Mode::ReadWrite);
  if (!opened) return opened.error();
  RunStore& db = **opened;
  for (const bool moe : {false, true}) {
    store::NewRun run;
    run.name = moe ? kMoeName : kDenseName;
    run.configJson = "{}";
    run.totalSteps = kTotalSteps;
    auto id = db.createRun(run);
    if (!id) return id.error();
    (moe ? m_moeId : m_denseId) = *id;
    if (auto s = db.setRunStatus(*id, store::RunStatus::Running); !s) return s;
    if (moe)
      if (auto s = db.setMoeLayers(*id, {"image.blocks.0", "image.blocks.1", "text.blocks.0", "text.blocks.1"}); !s)
        return s;
    for (int step = 1; step <= kSteps; ++step) {
      const double loss = (!moe && step == kNanStep) ? std::numeric_limits<double>::quiet_NaN() : lossAt(step, moe);
      std::vector<std::pair<std::string, double>> values = {{"train/loss", loss}, {"train/lr", 1e-3}};
      if (step % 10 == 0) {
        values.push_back({"val/r1_i2t", (moe ? 0.012 : 0.010) * step});
        values.push_back({"val/r1_t2i", (moe ? 0.011 : 0.009) * step});
      }
      if (auto s = db.logScalars(*id, step, values); !s) return s;
      if (moe && step % kLoadEvery == 0) {
        std::vector<store::ExpertLoadRow> rows;
        for (int layer = 0; layer < 4; ++layer)
          for (int expert = 0; expert < kExperts; ++expert) {
            const bool dead = layer == 0 && expert == kDeadExpert && step >= 30;
            store::ExpertLoadRow row;
            row.layer = layer;
            row.step = step;
            row.expert = expert;
            row.fraction = dead ? 0.001 : (layer == 0 && step >= 30 ? 0.333 : 0.25 + 0.02 * (expert - 1.5));
            row.tokens = 1000 * row.fraction;
            row.meanGate = row.fraction;
            rows.push_back(row);
          }
        if (auto s = db.logExpertLoad(*id, rows); !s) return s;
      }
    }
    if (auto s = db.setRunProgress(*id, kSteps); !s) return s;
    if (auto s = db.setRunStatus(*id, store::RunStatus::Finished); !s) return s;
  }
  return okStatus();
}

Status DemoProject::appendLoss(qint64 runId, int firstStep, int count) {
  auto opened = RunStore::open(storePath().toStdString(), RunStore::Mode::ReadWrite);
  if (!opened) return opened.error();
  for (int step = firstStep; step < firstStep + count; ++step)
    if (auto s = (*opened)->logScalars(runId, step, {{"train/loss", lossAt(step, runId == m_moeId)}}); !s) return s;
  return (*opened)->setRunProgress(runId, firstStep + count - 1);
}

}  // namespace vimoe::test_support
