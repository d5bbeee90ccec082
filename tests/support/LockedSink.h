#pragma once

#include "feed/FrameSink.h"

#include <QByteArray>
#include <QMutex>
#include <QThread>

#include <vector>

// A frame sink for sources on a worker thread: frames arrive there, the test thread reads
// them under the lock, with the thread each one arrived on.
class LockedSink final : public vantage::FrameSink
{
public:
    void onFrame(const vantage::ReceivedFrame &frame) override
    {
        const QMutexLocker lock(&m_mutex);
        m_frames.push_back(frame.bytes.toByteArray());
        m_threads.push_back(QThread::currentThread());
    }
    size_t size() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_frames.size();
    }
    std::vector<QByteArray> frames() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_frames;
    }
    std::vector<QThread *> threads() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_threads;
    }

private:
    mutable QMutex m_mutex;
    std::vector<QByteArray> m_frames;
    std::vector<QThread *> m_threads;
};
