#pragma once

#include <QByteArrayView>

namespace vantage {

// Compares every byte whatever the first difference, so the time taken tells an attacker nothing
// about how much of a guessed secret (a bearer token, a PIN's hash) was right.
bool equalInConstantTime(QByteArrayView a, QByteArrayView b);

} // namespace vantage
