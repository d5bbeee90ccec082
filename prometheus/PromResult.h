#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <vector>

namespace vantage {

// One sample of a Prometheus series: milliseconds since the epoch, and the value (NaN and
// infinities included, as Prometheus writes them).
struct PromSample
{
    qint64 timeMs = 0;
    double value = 0;
};

// One series of an answer: its labels (the metric name under "__name__" when the query kept it),
// sorted by name, and its samples in time order.
struct PromSeries
{
    QList<QPair<QString, QString>> labels;
    std::vector<PromSample> samples;

    // The value of one label; empty when the series has none of that name.
    QString label(const QString &name) const;
};

// What a successful query returned: a matrix (range query), a vector (instant query), or a
// scalar, which is kept as one series without labels.
struct PromResult
{
    enum class Type { Matrix, Vector, Scalar };
    Type type = Type::Vector;
    std::vector<PromSeries> series;
    QStringList warnings; // what Prometheus added to a successful answer
};

} // namespace vantage
