// The interface language: English (the source strings) or Vietnamese (Qt Linguist
// translations, resources/translations/vimoe_vi.ts, compiled into the program). Chosen in
// View > Language and remembered; it applies from the next start, when every widget is
// built in the new language (retranslating live would need every panel to rebuild its texts).
#pragma once

#include <QString>

class QCoreApplication;

namespace vimoe::workbench {

inline constexpr const char* kLanguageSettingsKey = "ui/language";

// "en" or "vi": the saved choice, else Vietnamese on a Vietnamese system, else English.
QString interfaceLanguage();
void setInterfaceLanguage(const QString& language);
// Installs the translators for interfaceLanguage() (ours and Qt's own dialogs); false when
// Vietnamese was wanted but its translation could not be loaded.
bool installTranslations(QCoreApplication& app);

}  // namespace vimoe::workbench
