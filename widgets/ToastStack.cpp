#include "widgets/ToastStack.h"

#include "models/EventTypes.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QRegion>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace vantage {

namespace {

constexpr int kToastWidth = 340;
constexpr int kMinToastWidth = 160;
constexpr int kMargin = 16;
constexpr int kSpacing = 8;
constexpr int kExpiryCheckMs = 250;
// A toast is a glance; an alert's full text stays in the alert panel.
constexpr qsizetype kMaxBodyChars = 280;

QLabel *toastLabel(QWidget *parent, const QString &objectName, const QString &text)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::NoTextInteraction);
    label->setFocusPolicy(Qt::NoFocus);
    label->setWordWrap(true);
    label->setText(text);
    return label;
}

QString shortened(const QString &text)
{
    if (text.size() <= kMaxBodyChars)
        return text;
    return text.left(kMaxBodyChars - 1) + QChar(0x2026);
}

} // namespace

ToastStack::ToastStack(QWidget *parent, NowFn now)
    : QWidget(parent)
    , m_now(std::move(now))
    , m_expiryTimer(new QTimer(this))
{
    Q_ASSERT(parent);
    setObjectName(QStringLiteral("toasts"));
    setFocusPolicy(Qt::NoFocus);
    setAttribute(Qt::WA_ShowWithoutActivating);
    m_expiryTimer->setInterval(kExpiryCheckMs);
    connect(m_expiryTimer, &QTimer::timeout, this, [this] { expire(m_now()); });
    parent->installEventFilter(this);
    hide();
}

void ToastStack::setTheme(const Theme &theme)
{
    m_theme = theme;
    for (const Toast &toast : m_toasts)
        applyTheme(toast);
}

void ToastStack::setMaxToasts(int count)
{
    m_maxToasts = std::max(1, count);
    while (this->count() > m_maxToasts)
        removeAt(0);
    relayout();
}

void ToastStack::setDurationMs(qint64 ms)
{
    m_durationMs = std::max<qint64>(0, ms);
}

void ToastStack::push(const NotificationRequest &request)
{
    Toast toast;
    toast.frame = makeFrame(request);
    toast.title = request.title;
    toast.kind = request.kind;
    toast.severity = request.severity;
    toast.shownMs = m_now();
    applyTheme(toast);
    m_toasts.push_back(toast);
    while (count() > m_maxToasts)
        removeAt(0);
    toast.frame->show();
    relayout();
    if (!m_expiryTimer->isActive())
        m_expiryTimer->start();
}

void ToastStack::expire(qint64 nowMs)
{
    const int before = count();
    for (int i = count() - 1; i >= 0; --i) {
        if (nowMs - m_toasts[size_t(i)].shownMs >= m_durationMs)
            removeAt(i);
    }
    if (count() != before)
        relayout();
}

void ToastStack::clear()
{
    while (!m_toasts.empty())
        removeAt(0);
    relayout();
}

QStringList ToastStack::titles() const
{
    QStringList titles;
    for (const Toast &toast : m_toasts)
        titles << toast.title;
    return titles;
}

QWidget *ToastStack::toastAt(int index) const
{
    return index >= 0 && index < count() ? m_toasts[size_t(index)].frame : nullptr;
}

bool ToastStack::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parent()) {
        if (event->type() == QEvent::Resize)
            relayout();
        return false;
    }
    const auto it = std::find_if(m_toasts.begin(), m_toasts.end(),
                                 [watched](const Toast &toast) { return toast.frame == watched; });
    if (it == m_toasts.end())
        return false;
    // The press is taken so that the release comes back here; the release dismisses.
    if (event->type() == QEvent::MouseButtonPress || event->type() == QEvent::MouseButtonDblClick)
        return static_cast<QMouseEvent *>(event)->button() == Qt::LeftButton;
    if (event->type() == QEvent::MouseButtonRelease &&
        static_cast<QMouseEvent *>(event)->button() == Qt::LeftButton) {
        removeAt(int(it - m_toasts.begin()));
        relayout();
        return true;
    }
    return false;
}

QFrame *ToastStack::makeFrame(const NotificationRequest &request)
{
    auto *frame = new QFrame(this);
    frame->setObjectName(QStringLiteral("toast"));
    frame->setFocusPolicy(Qt::NoFocus);
    frame->setAttribute(Qt::WA_ShowWithoutActivating);
    frame->setCursor(Qt::PointingHandCursor);
    frame->setToolTip(tr("Click to dismiss"));

    auto *stripe = new QWidget(frame);
    stripe->setObjectName(QStringLiteral("toastStripe"));
    stripe->setAttribute(Qt::WA_StyledBackground);
    stripe->setFixedWidth(4);

    auto *title = toastLabel(frame, QStringLiteral("toast.title"), request.title);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    auto *body = toastLabel(frame, QStringLiteral("toast.body"), shortened(request.body));
    body->setVisible(!request.body.isEmpty());

    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(title);
    text->addWidget(body);
    auto *layout = new QHBoxLayout(frame);
    layout->setContentsMargins(8, 8, 12, 8);
    layout->setSpacing(10);
    layout->addWidget(stripe);
    layout->addLayout(text, 1);

    frame->installEventFilter(this);
    return frame;
}

void ToastStack::applyTheme(const Toast &toast) const
{
    QColor stripe;
    switch (toast.kind) {
    case NotificationRequest::Kind::Signup: stripe = m_theme.eventTypeColor(EventType::signup); break;
    case NotificationRequest::Kind::Payment: stripe = m_theme.eventTypeColor(EventType::payment); break;
    case NotificationRequest::Kind::Alert: stripe = m_theme.severityColor(toast.severity); break;
    }
    toast.frame->setStyleSheet(
        QStringLiteral("QFrame#toast { background: %1; border: 1px solid %2; border-radius: 8px; }"
                       "QLabel { color: %3; background: transparent; border: none; }"
                       "QWidget#toastStripe { background: %4; border: none; border-radius: 2px; }")
            .arg(m_theme.surface.name(), m_theme.border.name(), m_theme.text.name(), stripe.name()));
}

void ToastStack::removeAt(int index)
{
    QFrame *frame = m_toasts[size_t(index)].frame;
    m_toasts.erase(m_toasts.begin() + index);
    // Deferred: the frame may be the one whose click is being delivered.
    frame->hide();
    frame->deleteLater();
}

void ToastStack::relayout()
{
    if (m_toasts.empty()) {
        m_expiryTimer->stop();
        hide();
        return;
    }
    const QRect area = parentWidget()->rect();
    const int width = std::clamp(area.width() - 2 * kMargin, kMinToastWidth, kToastWidth);
    int y = 0;
    QRegion mask;
    for (const Toast &toast : m_toasts) {
        // The style sheet sets margins and fonts, so sizes are only known once it is applied.
        toast.frame->ensurePolished();
        const int hfw = toast.frame->heightForWidth(width);
        const int height = hfw > 0 ? hfw : toast.frame->sizeHint().height();
        toast.frame->setGeometry(0, y, width, height);
        mask += toast.frame->geometry();
        y += height + kSpacing;
    }
    const int height = y - kSpacing;
    setGeometry(area.right() + 1 - kMargin - width, area.bottom() + 1 - kMargin - height, width, height);
    // Only the toasts catch the mouse; the gaps between them belong to the widgets below.
    setMask(mask);
    show();
    raise();
}

} // namespace vantage
