#pragma once

#include "prometheus/PromResult.h"

namespace vantage {

// A series' name in a legend, as Grafana users write it: the template with each "{{label}}"
// replaced by that label's value (empty when the series has no such label). Without a template,
// the metric's name and its other labels: up{instance="127.0.0.1:9090", job="prometheus"}.
QString seriesName(const PromSeries &series, const QString &legendTemplate);

} // namespace vantage
