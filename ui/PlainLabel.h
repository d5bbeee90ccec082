#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace vantage {

// A label that shows its text as written, never as rich text, findable by `objectName`.
QLabel *plainLabel(QWidget *parent, const QString &objectName);

} // namespace vantage
