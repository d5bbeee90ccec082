#pragma once

#include <QDialog>

class QDateTimeEdit;

namespace vantage {

// Asks for a time range, from and to, in local time; "to" is kept after "from".
class CustomRangeDialog final : public QDialog
{
    Q_OBJECT
public:
    CustomRangeDialog(qint64 fromMs, qint64 toMs, QWidget *parent = nullptr);

    qint64 fromMs() const;
    qint64 toMs() const;

private:
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
};

} // namespace vantage
