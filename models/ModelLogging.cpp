#include "models/ModelLogging.h"

Q_LOGGING_CATEGORY(lcModels, "vantage.models", QtWarningMsg)
