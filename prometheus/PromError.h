#pragma once

#include <QString>

namespace vantage {

// Why a query gave no result, in the words a panel shows.
struct PromError
{
    enum class Kind {
        BadQuery,     // Prometheus refused the PromQL (HTTP 400, "bad_data")
        Execution,    // the query was valid but failed on the server (timeout there, too many samples)
        Unreachable,  // no HTTP answer at all: refused, unknown host, TLS
        Timeout,      // no complete answer within the client's time limit
        Unauthorized, // 401 or 403: the credentials were refused
        ServerError,  // any other HTTP error, or an answer that is not Prometheus's JSON
        Setup,        // the request could not be made (bad URL, credentials over plain http)
    };
    Kind kind = Kind::ServerError;
    QString message; // plain text; never holds a credential
};

} // namespace vantage
