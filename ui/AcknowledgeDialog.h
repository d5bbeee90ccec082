#pragma once

#include <QDialog>

class QLineEdit;

namespace vantage {

// Asks who acknowledges an alert and, optionally, why: the alert's message (plain text), the
// operator's name (prefilled, required) and a comment.
class AcknowledgeDialog final : public QDialog
{
    Q_OBJECT
public:
    static constexpr int maxNameLength = 100;
    static constexpr int maxCommentLength = 1000;

    AcknowledgeDialog(const QString &alertMessage, const QString &operatorName, QWidget *parent = nullptr);

    QString operatorName() const;
    QString comment() const;

private:
    QLineEdit *m_name;
    QLineEdit *m_comment;
};

} // namespace vantage
