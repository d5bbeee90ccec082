#pragma once

#include "models/AlertRow.h"

#include <QString>

namespace vantage {

// An alert's tooltip, as rich text built from plain text (messages and names are untrusted):
// severity, message, affected users, when raised, acknowledged, silenced and resolved, and the id.
QString alertTooltip(const AlertRow &row);

} // namespace vantage
