#include "ui/StaleBanner.h"

#include "ui/PlainLabel.h"
#include "widgets/ConnectionBadgeText.h"
#include "widgets/ValueFormat.h"

#include <QHBoxLayout>
#include <QLabel>

namespace vantage {

StaleBanner::StaleBanner(QWidget *parent)
    : QFrame(parent)
    , m_label(plainLabel(this, QStringLiteral("staleBanner.text")))
{
    setObjectName(QStringLiteral("staleBanner"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(14, 8, 14, 8);
    layout->addWidget(m_label, 1);
    m_label->setWordWrap(true);
    applyColors();
    hide();
}

void StaleBanner::setThresholdMs(qint64 thresholdMs)
{
    m_thresholdMs = thresholdMs;
}

void StaleBanner::setStatus(const ConnectionStatus &status, qint64 nowMs, qint64 dataAgeMs)
{
    const QString connection = ConnectionBadgeText::stateText(status, nowMs);
    qint64 ageMs = dataAgeMs;
    QString words;
    if (dataAgeMs >= 0) {
        m_waitingSinceMs = -1;
        words = tr("DATA IS %1 OLD \u00b7 %2").arg(ValueFormat::duration(dataAgeMs).toUpper(), connection);
    } else {
        if (m_waitingSinceMs < 0)
            m_waitingSinceMs = nowMs;
        ageMs = nowMs - m_waitingSinceMs;
        words = tr("NO DATA FOR %1 \u00b7 %2").arg(ValueFormat::duration(ageMs).toUpper(), connection);
    }
    const bool stale = ageMs >= m_thresholdMs;
    const bool severe = ageMs >= 10 * m_thresholdMs;
    if (stale)
        m_label->setText(words);
    if (severe != m_severe) {
        m_severe = severe;
        applyColors();
    }
    setVisible(stale);
}

void StaleBanner::setTheme(const Theme &theme)
{
    m_theme = theme;
    applyColors();
}

QString StaleBanner::text() const
{
    return isHidden() ? QString() : m_label->text();
}

void StaleBanner::applyColors()
{
    const QColor background = m_severe ? m_theme.critical : m_theme.warning;
    // Dark words on the amber, light ones on the red: both readable from across the room.
    const QColor foreground = m_severe ? QColor(Qt::white) : QColor(0x1a, 0x1a, 0x1a);
    setStyleSheet(QStringLiteral("QFrame#staleBanner { background: %1; border-radius: 6px; }").arg(background.name()));
    // On the label itself, so that the window's rule for every label does not win.
    m_label->setStyleSheet(QStringLiteral("color: %1; font-weight: 700;").arg(foreground.name()));
}

} // namespace vantage
