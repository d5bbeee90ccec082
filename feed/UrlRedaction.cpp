#include "feed/UrlRedaction.h"

#include <QUrlQuery>

#include <algorithm>

namespace vantage {

namespace {

bool isSecretQueryItem(const QString &name)
{
    static const QLatin1String secrets[] = {
        QLatin1String("token"),  QLatin1String("access_token"), QLatin1String("key"),
        QLatin1String("password"), QLatin1String("apikey"),     QLatin1String("api_key"),
    };
    for (const QLatin1String &secret : secrets) {
        if (name.compare(secret, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

bool hasSecretQuery(const QUrl &url)
{
    const QUrlQuery query(url);
    const auto items = query.queryItems(QUrl::FullyDecoded);
    return std::any_of(items.cbegin(), items.cend(),
                       [](const auto &item) { return isSecretQueryItem(item.first); });
}

QString redactUrl(const QUrl &url)
{
    if (!url.isValid())
        return QStringLiteral("(invalid URL)");
    QUrl safe = url;
    safe.setUserInfo(QString());
    if (safe.hasQuery()) {
        QUrlQuery query(safe);
        auto items = query.queryItems(QUrl::FullyEncoded);
        for (auto &item : items) {
            if (isSecretQueryItem(QUrl::fromPercentEncoding(item.first.toUtf8())))
                item.second = QStringLiteral("redacted");
        }
        query.setQueryItems(items);
        safe.setQuery(query);
    }
    return safe.toString();
}

} // namespace vantage
