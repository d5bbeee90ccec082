#include "ui/PlainLabel.h"

#include "widgets/TextOverflow.h"

namespace vantage {

PlainLabel::PlainLabel(QWidget *parent) : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
}

bool PlainLabel::overflows() const
{
    if (text().isEmpty())
        return false;
    // A label's size hint is its text's size with its margins, indent and frame: what it needs.
    if (wordWrap())
        return heightForWidth(width()) > height();
    const QSize needed = sizeHint();
    return needed.width() > width() || needed.height() > height();
}

void PlainLabel::paintEvent(QPaintEvent *event)
{
    TextOverflow overflow(this);
    if (overflows())
        overflow.report(text());
    QLabel::paintEvent(event);
}

QLabel *plainLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new PlainLabel(parent);
    label->setObjectName(objectName);
    return label;
}

} // namespace vantage
