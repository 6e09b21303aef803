#include "bridge/store_types.h"

namespace vimoe::widgets {

void registerStoreTypes() {
  qRegisterMetaType<RunSummary>();
  qRegisterMetaType<QVector<RunSummary>>();
  qRegisterMetaType<JobSummary>();
  qRegisterMetaType<QVector<JobSummary>>();
  qRegisterMetaType<CurveKey>();
  qRegisterMetaType<QVector<CurveKey>>();
  qRegisterMetaType<CurveUpdate>();
  qRegisterMetaType<ExpertLoadSnapshot>();
  qRegisterMetaType<RoutingSnapshot>();
}

}  // namespace vimoe::widgets
