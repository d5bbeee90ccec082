#include "prometheus/PromAnswer.h"

#include "feed/HttpRequestSetup.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace vantage {

namespace {

// Prometheus's error strings can quote a whole query; a panel shows the start of it.
constexpr qsizetype kMaxMessageChars = 600;

PromAnswer failure(PromError::Kind kind, QString message)
{
    PromAnswer answer;
    answer.error.kind = kind;
    if (message.size() > kMaxMessageChars)
        message = message.first(kMaxMessageChars) + QStringLiteral("\u2026");
    answer.error.message = std::move(message);
    return answer;
}

// A sample as Prometheus writes it: [seconds as a number, value as a string].
std::optional<PromSample> readSample(const QJsonValue &json)
{
    const QJsonArray pair = json.toArray();
    if (pair.size() != 2 || !pair.at(0).isDouble() || !pair.at(1).isString())
        return std::nullopt;
    const QString text = pair.at(1).toString();
    PromSample sample;
    sample.timeMs = qRound64(pair.at(0).toDouble() * 1000.0);
    if (text == QLatin1String("NaN")) {
        sample.value = std::numeric_limits<double>::quiet_NaN();
    } else if (text == QLatin1String("+Inf") || text == QLatin1String("Inf")) {
        sample.value = std::numeric_limits<double>::infinity();
    } else if (text == QLatin1String("-Inf")) {
        sample.value = -std::numeric_limits<double>::infinity();
    } else {
        bool ok = false;
        sample.value = text.toDouble(&ok);
        if (!ok)
            return std::nullopt;
    }
    return sample;
}

std::optional<PromSeries> readSeries(const QJsonObject &json, PromResult::Type type)
{
    PromSeries series;
    const QJsonObject metric = json.value(QLatin1String("metric")).toObject();
    for (auto it = metric.begin(); it != metric.end(); ++it)
        series.labels.append({it.key(), it.value().toString()});
    std::sort(series.labels.begin(), series.labels.end());
    if (type == PromResult::Type::Matrix) {
        const QJsonArray values = json.value(QLatin1String("values")).toArray();
        series.samples.reserve(size_t(values.size()));
        for (const QJsonValue &value : values) {
            const std::optional<PromSample> sample = readSample(value);
            if (!sample)
                return std::nullopt;
            series.samples.push_back(*sample);
        }
    } else {
        const std::optional<PromSample> sample = readSample(json.value(QLatin1String("value")));
        if (!sample)
            return std::nullopt;
        series.samples.push_back(*sample);
    }
    return series;
}

PromAnswer readSuccess(const QJsonObject &root)
{
    const QJsonObject data = root.value(QLatin1String("data")).toObject();
    const QString type = data.value(QLatin1String("resultType")).toString();
    const QJsonValue result = data.value(QLatin1String("result"));
    PromAnswer answer;
    answer.ok = true;
    for (const QJsonValue &warning : root.value(QLatin1String("warnings")).toArray())
        answer.result.warnings.append(warning.toString());
    if (type == QLatin1String("scalar")) {
        answer.result.type = PromResult::Type::Scalar;
        const std::optional<PromSample> sample = readSample(result);
        if (!sample)
            return failure(PromError::Kind::ServerError,
                           QStringLiteral("the scalar result is not [time, \"value\"]"));
        answer.result.series.push_back(PromSeries{{}, {*sample}});
        return answer;
    }
    if (type != QLatin1String("matrix") && type != QLatin1String("vector"))
        return failure(
            PromError::Kind::ServerError,
            QStringLiteral("unsupported result type \"%1\" (matrix, vector or scalar expected)").arg(type));
    answer.result.type =
        type == QLatin1String("matrix") ? PromResult::Type::Matrix : PromResult::Type::Vector;
    const QJsonArray series = result.toArray();
    answer.result.series.reserve(size_t(series.size()));
    for (const QJsonValue &json : series) {
        std::optional<PromSeries> one = readSeries(json.toObject(), answer.result.type);
        if (!one)
            return failure(
                PromError::Kind::ServerError,
                QStringLiteral("series %1 of the result has a sample that is not [time, \"value\"]")
                    .arg(answer.result.series.size() + 1));
        answer.result.series.push_back(std::move(*one));
    }
    return answer;
}

PromError::Kind kindOfErrorType(const QString &errorType, int httpStatus)
{
    if (httpStatus == 401 || httpStatus == 403)
        return PromError::Kind::Unauthorized;
    if (errorType == QLatin1String("bad_data"))
        return PromError::Kind::BadQuery;
    if (errorType == QLatin1String("execution") || errorType == QLatin1String("timeout") ||
        errorType == QLatin1String("canceled"))
        return PromError::Kind::Execution;
    return PromError::Kind::ServerError;
}

} // namespace

PromAnswer readPrometheusAnswer(int httpStatus, QByteArrayView body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body.toByteArray(), &parseError);
    const QJsonObject root = document.object();
    const QString status = root.value(QLatin1String("status")).toString();
    if (parseError.error != QJsonParseError::NoError || status.isEmpty()) {
        if (httpStatus == 401 || httpStatus == 403)
            return failure(PromError::Kind::Unauthorized, describeHttpStatus(httpStatus));
        if (httpStatus < 200 || httpStatus >= 300)
            return failure(PromError::Kind::ServerError, describeHttpStatus(httpStatus));
        return failure(PromError::Kind::ServerError,
                       QStringLiteral("the answer is not Prometheus's JSON (%1)")
                           .arg(parseError.error != QJsonParseError::NoError
                                    ? parseError.errorString()
                                    : QStringLiteral("no \"status\"")));
    }
    if (status == QLatin1String("success") && httpStatus >= 200 && httpStatus < 300)
        return readSuccess(root);
    const QString errorType = root.value(QLatin1String("errorType")).toString();
    const QString error = root.value(QLatin1String("error")).toString();
    return failure(kindOfErrorType(errorType, httpStatus),
                   error.isEmpty() ? describeHttpStatus(httpStatus) : error);
}

} // namespace vantage
