#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace vantage {

// How far the background index of a replayed log has got, with a button to cancel it; once the
// index has ended, what became of it when that needs saying (cancelled, failed), as plain text.
class IndexProgress final : public QWidget
{
    Q_OBJECT
public:
    explicit IndexProgress(QWidget *parent = nullptr);

    // Indexing under way: permille of the file read.
    void setProgress(int permille);
    // Indexing ended: `message` says how when it matters ("" hides the widget).
    void showEnded(const QString &message);

    QToolButton *cancelButton() const { return m_cancel; }
    QString text() const;

Q_SIGNALS:
    void cancelRequested();

private:
    QLabel *m_label;
    QProgressBar *m_bar;
    QToolButton *m_cancel;
};

} // namespace vantage
