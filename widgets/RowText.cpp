#include "widgets/RowText.h"

namespace vantage {

QString singleLine(const QString &text)
{
    QString result = text;
    for (QChar &c : result) {
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\t') || c == QChar::LineSeparator
            || c == QChar::ParagraphSeparator)
            c = QLatin1Char(' ');
    }
    return result;
}

} // namespace vantage
