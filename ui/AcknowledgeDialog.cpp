#include "ui/AcknowledgeDialog.h"

#include "models/PlainText.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace vantage {

AcknowledgeDialog::AcknowledgeDialog(const QString &alertMessage, const QString &operatorName, QWidget *parent)
    : QDialog(parent), m_name(new QLineEdit(operatorName, this)), m_comment(new QLineEdit(this))
{
    setWindowTitle(tr("Acknowledge alert"));
    auto *message = new QLabel(singleLine(alertMessage), this);
    message->setObjectName(QStringLiteral("ack.message"));
    message->setTextFormat(Qt::PlainText);
    message->setWordWrap(true);
    m_name->setObjectName(QStringLiteral("ack.name"));
    m_name->setMaxLength(maxNameLength);
    m_comment->setObjectName(QStringLiteral("ack.comment"));
    m_comment->setMaxLength(maxCommentLength);
    m_comment->setPlaceholderText(tr("Optional: what you are doing about it"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Acknowledge"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    const auto updateOk = [this, ok] { ok->setEnabled(!m_name->text().trimmed().isEmpty()); };
    connect(m_name, &QLineEdit::textChanged, this, updateOk);
    updateOk();

    auto *form = new QFormLayout(this);
    form->addRow(message);
    form->addRow(tr("Acknowledged by"), m_name);
    form->addRow(tr("Comment"), m_comment);
    form->addRow(buttons);
    (operatorName.isEmpty() ? m_name : m_comment)->setFocus();
}

QString AcknowledgeDialog::operatorName() const
{
    return m_name->text().trimmed();
}

QString AcknowledgeDialog::comment() const
{
    return m_comment->text().trimmed();
}

} // namespace vantage
