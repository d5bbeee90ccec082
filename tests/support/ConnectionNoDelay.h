#pragma once

#include <vector>

class QObject;

namespace vantage::test {

// For every connected QTcpSocket under `owner` (a server and its children): whether Nagle's
// algorithm is off on it (TCP_NODELAY, read back from the kernel).
std::vector<bool> connectionsNoDelay(const QObject &owner);

} // namespace vantage::test
