#pragma once

#include "prometheus/PromError.h"
#include "prometheus/PromResult.h"

#include <QByteArrayView>

namespace vantage {

// A query's outcome: the result, or the error that took its place.
struct PromAnswer
{
    bool ok = false;
    PromResult result; // when ok
    PromError error;   // when not
};

// Reads an answer of Prometheus's HTTP API (/api/v1/query, /api/v1/query_range) as it came:
// the HTTP status and the body. A JSON error names its kind from "errorType" ("bad_data" is a
// bad query; "execution", "timeout" and "canceled" failed on the server); 401 and 403 are
// refused credentials; anything else that is not a success, or not Prometheus's JSON, is a
// server error that says what came instead.
PromAnswer readPrometheusAnswer(int httpStatus, QByteArrayView body);

} // namespace vantage
