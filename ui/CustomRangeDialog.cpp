#include "ui/CustomRangeDialog.h"

#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>

namespace vantage {

CustomRangeDialog::CustomRangeDialog(qint64 fromMs, qint64 toMs, QWidget *parent)
    : QDialog(parent)
    , m_from(new QDateTimeEdit(QDateTime::fromMSecsSinceEpoch(fromMs), this))
    , m_to(new QDateTimeEdit(QDateTime::fromMSecsSinceEpoch(toMs), this))
{
    setWindowTitle(tr("Custom range"));
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        edit->setCalendarPopup(true);
    }
    m_from->setObjectName(QStringLiteral("range.from"));
    m_to->setObjectName(QStringLiteral("range.to"));
    connect(m_from, &QDateTimeEdit::dateTimeChanged, this,
            [this](const QDateTime &from) { m_to->setMinimumDateTime(from.addSecs(10)); });
    m_to->setMinimumDateTime(m_from->dateTime().addSecs(10));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QFormLayout(this);
    layout->addRow(tr("From"), m_from);
    layout->addRow(tr("To"), m_to);
    layout->addRow(buttons);
}

qint64 CustomRangeDialog::fromMs() const
{
    return m_from->dateTime().toMSecsSinceEpoch();
}

qint64 CustomRangeDialog::toMs() const
{
    return m_to->dateTime().toMSecsSinceEpoch();
}

} // namespace vantage
