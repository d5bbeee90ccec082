#include "models/PlainText.h"

namespace vantage {

namespace {

bool breaksTheLine(QChar c)
{
    switch (c.unicode()) {
    case u'\t':
    case u'\n':
    case u'\v':
    case u'\f':
    case u'\r':
    case 0x0085: // NEXT LINE
    case QChar::LineSeparator:
    case QChar::ParagraphSeparator: return true;
    default: return false;
    }
}

} // namespace

QString singleLine(QString text)
{
    for (QChar &c : text) {
        if (breaksTheLine(c))
            c = QLatin1Char(' ');
    }
    return text;
}

} // namespace vantage
