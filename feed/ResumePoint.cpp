#include "feed/ResumePoint.h"

#include <QUrlQuery>

namespace vantage {

namespace {
const QString kSince = QStringLiteral("since");
const QString kEpoch = QStringLiteral("epoch");

std::optional<qint64> parseSeq(QByteArrayView digits)
{
    if (digits.isEmpty() || digits.size() > 18)
        return std::nullopt;
    for (const char c : digits) {
        if (c < '0' || c > '9')
            return std::nullopt;
    }
    bool ok = false;
    const qint64 value = digits.toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}
} // namespace

QByteArray ResumePoint::toEventId() const
{
    return epoch.toUtf8() + ':' + QByteArray::number(seq);
}

std::optional<ResumePoint> ResumePoint::fromEventId(QByteArrayView id)
{
    const qsizetype colon = id.lastIndexOf(':');
    if (colon <= 0)
        return std::nullopt;
    const std::optional<qint64> seq = parseSeq(id.sliced(colon + 1));
    if (!seq)
        return std::nullopt;
    return ResumePoint{QString::fromUtf8(id.first(colon)), *seq};
}

QUrl ResumePoint::addedTo(const QUrl &url) const
{
    QUrlQuery query(url);
    query.removeAllQueryItems(kSince);
    query.removeAllQueryItems(kEpoch);
    query.addQueryItem(kSince, QString::number(seq));
    query.addQueryItem(kEpoch, epoch);
    QUrl result = url;
    result.setQuery(query);
    return result;
}

std::optional<ResumePoint> ResumePoint::fromQuery(const QUrl &url)
{
    const QUrlQuery query(url);
    if (!query.hasQueryItem(kSince) || !query.hasQueryItem(kEpoch))
        return std::nullopt;
    const QString epoch = query.queryItemValue(kEpoch, QUrl::FullyDecoded);
    const std::optional<qint64> seq = parseSeq(query.queryItemValue(kSince).toLatin1());
    if (epoch.isEmpty() || !seq)
        return std::nullopt;
    return ResumePoint{epoch, *seq};
}

} // namespace vantage
