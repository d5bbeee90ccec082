#include "app/SavedConnection.h"

#include "feed/UrlRedaction.h"

#include <QSettings>

namespace vantage {

namespace {

const QString kUrlKey = QStringLiteral("connection/url");
const QString kSseUrlKey = QStringLiteral("connection/sseUrl");
// Where the token comes from, never the token itself.
const QString kTokenFileKey = QStringLiteral("connection/tokenFile");
const QString kTokenKeychainKey = QStringLiteral("connection/tokenKeychain");

void saveOrRemove(QSettings &settings, const QString &key, const QString &value)
{
    if (value.isEmpty())
        settings.remove(key);
    else
        settings.setValue(key, value);
}

QString savableUrl(const QUrl &url)
{
    return url.isEmpty() ? QString() : url.toString(QUrl::RemoveUserInfo);
}

} // namespace

AppOptions withSavedConnection(AppOptions options, QSettings &settings)
{
    const bool live = !options.url.isEmpty() || !options.sseUrl.isEmpty();
    const bool sourceGiven = live || !options.replayPath.isEmpty() || options.demo;
    if (!sourceGiven) {
        options.url = QUrl(settings.value(kUrlKey).toString());
        options.sseUrl = QUrl(settings.value(kSseUrlKey).toString());
        if (options.tokenFile.isEmpty() && options.tokenKeychainEntry.isEmpty()) {
            options.tokenFile = settings.value(kTokenFileKey).toString();
            options.tokenKeychainEntry = settings.value(kTokenKeychainKey).toString();
        }
        return options;
    }
    if (live && !hasSecretQuery(options.url) && !hasSecretQuery(options.sseUrl)) {
        saveOrRemove(settings, kUrlKey, savableUrl(options.url));
        saveOrRemove(settings, kSseUrlKey, savableUrl(options.sseUrl));
        saveOrRemove(settings, kTokenFileKey, options.tokenFile);
        saveOrRemove(settings, kTokenKeychainKey, options.tokenKeychainEntry);
    }
    return options;
}

} // namespace vantage
