#pragma once

#include <QString>
#include <QUrl>

namespace vantage {

// The URL as it may appear in logs and statuses: no user info, and the values of query
// items that usually carry credentials (token, access_token, key, password, apikey,
// api_key; any case) replaced by "redacted".
QString redactUrl(const QUrl &url);

// True when the query carries a credential (token=, key=, ...): such a URL is never saved.
bool hasSecretQuery(const QUrl &url);

} // namespace vantage
