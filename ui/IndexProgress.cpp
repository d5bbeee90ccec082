#include "ui/IndexProgress.h"

#include "ui/PlainLabel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace vantage {

IndexProgress::IndexProgress(QWidget *parent)
    : QWidget(parent)
    , m_label(plainLabel(this, QStringLiteral("index.label")))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
{
    setObjectName(QStringLiteral("indexProgress"));
    m_label->setProperty("muted", true);
    m_bar->setObjectName(QStringLiteral("index.bar"));
    m_bar->setRange(0, 1000);
    m_bar->setTextVisible(false);
    m_bar->setFixedSize(120, 6);
    m_cancel->setObjectName(QStringLiteral("index.cancel"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop indexing: the timeline keeps what was read"));
    m_cancel->setFocusPolicy(Qt::TabFocus);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);

    connect(m_cancel, &QToolButton::clicked, this, &IndexProgress::cancelRequested);
    hide();
}

void IndexProgress::setProgress(int permille)
{
    m_label->setText(tr("Indexing %1 %").arg(permille / 10));
    m_label->setToolTip(tr("The timeline fills in as the log is read; playback has already started."));
    m_bar->setValue(permille);
    m_bar->show();
    m_cancel->show();
    show();
}

void IndexProgress::showEnded(const QString &message)
{
    m_bar->hide();
    m_cancel->hide();
    m_label->setText(message);
    m_label->setToolTip(QString());
    setVisible(!message.isEmpty());
}

QString IndexProgress::text() const
{
    return m_label->text();
}

} // namespace vantage
