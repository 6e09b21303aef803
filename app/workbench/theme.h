// Light and dark themes: Fusion with a palette (Qt 6.4 has no QStyleHints::colorScheme).
// Plots follow through their PaletteChange handling.
#pragma once

#include <QString>

namespace vimoe::workbench {

enum class Theme { Light, Dark };

inline constexpr const char* kThemeSettingsKey = "theme";

void applyTheme(Theme theme);
QString themeName(Theme theme);           // "light" | "dark": the value kept in QSettings
Theme themeFromName(const QString& name);  // anything unknown -> Light

}  // namespace vimoe::workbench
