#include "app/SavedConnection.h"

#include "feed/UrlRedaction.h"

#include <QSettings>

namespace vantage {

namespace {
const QString kUrlKey = QStringLiteral("connection/url");
}

AppOptions withSavedConnection(AppOptions options, QSettings &settings)
{
    const bool sourceGiven = !options.url.isEmpty() || !options.replayPath.isEmpty() || options.demo;
    if (!sourceGiven)
        options.url = QUrl(settings.value(kUrlKey).toString());
    else if (!options.url.isEmpty() && !hasSecretQuery(options.url))
        settings.setValue(kUrlKey, options.url.toString(QUrl::RemoveUserInfo));
    return options;
}

} // namespace vantage
