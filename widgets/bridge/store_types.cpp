#include "bridge/store_types.h"

namespace vimoe::widgets {

void registerStoreTypes() {
  qRegisterMetaType<RunSummary>();
  qRegisterMetaType<QVector<RunSummary>>();
  qRegisterMetaType<CurveKey>();
  qRegisterMetaType<QVector<CurveKey>>();
  qRegisterMetaType<CurveUpdate>();
  qRegisterMetaType<ExpertLoadSnapshot>();
  qRegisterMetaType<RoutingSnapshot>();
}

}  // namespace vimoe::widgets
