#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace vimoe::workbench {

QString interfaceLanguage() {
  const QString saved = QSettings().value(QLatin1String(kLanguageSettingsKey)).toString();
  if (saved == QStringLiteral("en") || saved == QStringLiteral("vi")) return saved;
  return QLocale::system().language() == QLocale::Vietnamese ? QStringLiteral("vi") : QStringLiteral("en");
}

void setInterfaceLanguage(const QString& language) {
  QSettings().setValue(QLatin1String(kLanguageSettingsKey), language);
}

bool installTranslations(QCoreApplication& app) {
  if (interfaceLanguage() != QStringLiteral("vi")) return true;
  auto* ours = new QTranslator(&app);
  const bool loaded = ours->load(QStringLiteral(":/i18n/vimoe_vi.qm"));
  if (loaded) QCoreApplication::installTranslator(ours);
  // Qt's own strings (file dialogs, message box buttons) when Debian ships them (qt6-translations-l10n).
  auto* qt = new QTranslator(&app);
  if (qt->load(QLocale(QLocale::Vietnamese), QStringLiteral("qtbase"), QStringLiteral("_"),
               QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    QCoreApplication::installTranslator(qt);
  return loaded;
}

}  // namespace vimoe::workbench
