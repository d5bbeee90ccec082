#pragma once

#include <QLabel>

namespace vantage {

// A label that shows its text as written, never as rich text, and reports text it cuts to
// TextOverflow: a single line wider or taller than the label, or wrapped lines taller than it.
class PlainLabel final : public QLabel
{
    Q_OBJECT
public:
    explicit PlainLabel(QWidget *parent = nullptr);

    // The label's text does not fit its size.
    bool overflows() const;

protected:
    void paintEvent(QPaintEvent *event) override;
};

// A PlainLabel findable by `objectName`.
QLabel *plainLabel(QWidget *parent, const QString &objectName);

} // namespace vantage
