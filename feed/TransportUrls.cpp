#include "feed/TransportUrls.h"

namespace vantage {

QUrl sseUrlFor(const QUrl &webSocketUrl)
{
    QUrl url = webSocketUrl.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo);
    url.setScheme(webSocketUrl.scheme().compare(QLatin1String("wss"), Qt::CaseInsensitive) == 0
                      ? QStringLiteral("https")
                      : QStringLiteral("http"));
    const QString path = url.path();
    const QLatin1String stream("/stream");
    if (path.endsWith(stream))
        url.setPath(path.left(path.size() - stream.size()) + QStringLiteral("/events"));
    else if (path.isEmpty() || path == QLatin1String("/"))
        url.setPath(QStringLiteral("/events"));
    return url;
}

} // namespace vantage
