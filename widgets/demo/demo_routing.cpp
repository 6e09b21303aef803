#include "demo/demo_routing.h"

#include <QJsonArray>

namespace vimoe::widgets {

bool DemoRouting::isImageLayer(int layer) const {
  for (const auto& row : rows)
    if (row.layer == layer) return row.modality == "image";
  return false;
}

DemoRouting parseDemoRouting(const QJsonObject& routing) {
  DemoRouting out;
  out.patchGrid = routing.value(QStringLiteral("patch_grid")).toInt();
  for (const QJsonValue& token : routing.value(QStringLiteral("tokens")).toArray())
    out.text.tokens.push_back(token.toString().toStdString());
  const QJsonArray layers = routing.value(QStringLiteral("layers")).toArray();
  for (int layer = 0; layer < layers.size(); ++layer) {
    const QJsonObject entry = layers[layer].toObject();
    out.layerNames << entry.value(QStringLiteral("name")).toString();
    out.experts << entry.value(QStringLiteral("num_experts")).toInt();
    const QJsonArray experts = entry.value(QStringLiteral("experts")).toArray();
    const QJsonArray gates = entry.value(QStringLiteral("gates")).toArray();
    const QJsonArray kept = entry.value(QStringLiteral("kept")).toArray();
    const std::string modality = entry.value(QStringLiteral("modality")).toString().toStdString();
    for (int token = 0; token < experts.size(); ++token) {
      store::RoutingRow row;
      row.sample = 0;
      row.modality = modality;
      row.layer = layer;
      row.token = token;
      row.experts = {experts[token].toInt()};
      row.gates = {static_cast<float>(gates[token].toDouble())};
      row.kept = {kept[token].toInt(1)};
      out.rows.push_back(std::move(row));
    }
  }
  return out;
}

}  // namespace vimoe::widgets
