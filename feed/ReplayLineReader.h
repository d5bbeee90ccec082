#pragma once

#include <QByteArray>
#include <QByteArrayView>

class QIODevice;

namespace vantage {

// Splits a device into lines, reading it in chunks into one reused buffer, so a log of any
// size is read with memory bounded by the chunk size plus the longest line.
class ReplayLineReader final
{
public:
    enum class Result { Line, End, Error };

    explicit ReplayLineReader(QIODevice *device, qsizetype chunkSize = 64 * 1024);

    // The next line without its '\n' (a last line without one counts too, and so do the bytes
    // read before an error, which is then reported on the next call). The view stays valid until
    // the next call to next() or reset().
    Result next(QByteArrayView &line);
    // False when the line next() gave last had no '\n': the data ended (or failed) within it.
    bool lineEnded() const { return m_lineEnded; }
    // Forgets buffered data; call after seeking the device back to the start.
    void reset();

private:
    bool fill();

    QIODevice *m_device;
    qsizetype m_chunkSize;
    QByteArray m_buffer;
    qsizetype m_start = 0; // first byte not yet returned
    qsizetype m_scan = 0;  // where the search for the next '\n' resumes
    bool m_atEnd = false;
    bool m_failed = false;
    bool m_lineEnded = true;
};

} // namespace vantage
