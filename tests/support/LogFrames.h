#pragma once

#include "feed/Rfc3339.h"

#include <QByteArray>
#include <QByteArrayList>

namespace vantage::test {

// 2026-06-13T09:00:00Z: the log time replay tests start their logs at.
inline constexpr qint64 kLogStartMs = 1'781'341'200'000;

// A protocol-v1 signup event at `offsetMs` after kLogStartMs, by `userName` (plain ASCII).
inline QByteArray signupAt(qint64 offsetMs, int seq, const QByteArray &userName)
{
    QByteArray frame = QByteArrayLiteral(R"({"v":1,"type":"event","seq":)");
    frame += QByteArray::number(seq);
    frame += QByteArrayLiteral(R"(,"ts":")");
    frame += formatRfc3339Ms(kLogStartMs + offsetMs);
    frame += QByteArrayLiteral(R"(","data":{"id":"e-)");
    frame += QByteArray::number(seq);
    frame += QByteArrayLiteral(R"(","type":"signup","user_name":")");
    frame += userName;
    frame += QByteArrayLiteral(R"("}})");
    return frame;
}

// "user1", "user2", ...
inline QByteArray userName(int n)
{
    return QByteArrayLiteral("user").append(QByteArray::number(n));
}

// `count` signups by user1, user2, ..., `gapMs` apart.
inline QByteArrayList signupsEvery(qint64 gapMs, int count)
{
    QByteArrayList lines;
    for (int i = 0; i < count; ++i)
        lines << signupAt(i * gapMs, i + 1, userName(i + 1));
    return lines;
}

} // namespace vantage::test
