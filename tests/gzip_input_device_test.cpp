#include "feed/GzipInflater.h"
#include "feed/GzipInputDevice.h"
#include "feed/ReplayLineReader.h"
#include "support/GzipFiles.h"

#include <QBuffer>
#include <QTemporaryDir>

#include <memory>

#include <gtest/gtest.h>

// Reading gzip as zlib and the gzip tool write it: in small chunks, member after member, and
// failing with the byte offset when the stream is cut short or corrupt.

using namespace vantage;

namespace {

// Lines of varied content, so the compressed stream is more than a few bytes.
QByteArray sampleText(int lines)
{
    QByteArray text;
    for (int i = 1; i <= lines; ++i)
        text += R"({"v":1,"type":"ping","seq":)" + QByteArray::number(i) + R"(,"pad":")" +
                QByteArray::number(i * 7919, 36) + "\"}\n";
    return text;
}

class GzipInput : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }

    // The compressed bytes of `text` as zlib writes them, one member per part.
    QByteArray compressed(const QByteArrayList &parts)
    {
        const QString path = m_dir.filePath(QStringLiteral("data.gz"));
        for (qsizetype i = 0; i < parts.size(); ++i)
            EXPECT_TRUE(test::writeGzip(path, parts[i], i > 0));
        return test::readBytes(path);
    }

    // A device decompressing `gz`, reading `chunkSize` compressed bytes at a time.
    GzipInputDevice &deviceOver(const QByteArray &gz, qsizetype chunkSize = 64 * 1024)
    {
        m_gz = gz;
        m_file.setBuffer(&m_gz);
        EXPECT_TRUE(m_file.open(QIODevice::ReadOnly));
        m_device = std::make_unique<GzipInputDevice>(&m_file, chunkSize);
        EXPECT_TRUE(m_device->open(QIODevice::ReadOnly | QIODevice::Unbuffered));
        return *m_device;
    }

    // Everything the device gives, read `step` bytes at a time; the error string after a failure.
    static QByteArray readAll(GzipInputDevice &device, qint64 step, QString *error = nullptr)
    {
        QByteArray out;
        QByteArray chunk(step, '\0');
        for (;;) {
            const qint64 count = device.read(chunk.data(), step);
            if (count < 0) {
                if (error)
                    *error = device.errorString();
                return out;
            }
            if (count == 0)
                return out;
            out.append(chunk.constData(), count);
        }
    }

    QTemporaryDir m_dir;
    QByteArray m_gz;
    QBuffer m_file;
    std::unique_ptr<GzipInputDevice> m_device;
};

} // namespace

TEST_F(GzipInput, DecompressesInSmallChunksOfInputAndOutput)
{
    const QByteArray text = sampleText(2000);
    const QByteArray gz = compressed({text});
    GzipInputDevice &device = deviceOver(gz, 7); // 7 compressed bytes per read

    QString error;
    EXPECT_EQ(readAll(device, 13, &error), text);
    EXPECT_TRUE(error.isEmpty()) << error.toStdString();
    EXPECT_EQ(device.compressedOffset(), gz.size());
}

TEST_F(GzipInput, ConcatenatedMembersReadAsOneStream)
{
    const QByteArrayList parts = {sampleText(3), QByteArray(), sampleText(500), QByteArrayLiteral("tail\n")};
    const QByteArray gz = compressed(parts);
    GzipInputDevice &device = deviceOver(gz, 64);

    QString error;
    EXPECT_EQ(readAll(device, 4096, &error), parts.join());
    EXPECT_TRUE(error.isEmpty()) << error.toStdString();
}

TEST_F(GzipInput, EmptyStreamGivesNoBytesAndNoError)
{
    const QByteArray gz = compressed({QByteArray()});
    ASSERT_GT(gz.size(), 0);
    GzipInputDevice &device = deviceOver(gz);

    QString error;
    EXPECT_TRUE(readAll(device, 4096, &error).isEmpty());
    EXPECT_TRUE(error.isEmpty()) << error.toStdString();
}

TEST_F(GzipInput, StreamCutShortFailsWithTheByteOffsetAfterWhatItHeld)
{
    const QByteArray text = sampleText(3000);
    const QByteArray gz = compressed({text}).left(2000);
    GzipInputDevice &device = deviceOver(gz, 256);

    QString error;
    const QByteArray out = readAll(device, 4096, &error);
    EXPECT_EQ(error, QStringLiteral("the gzip stream is cut short at byte 2000"));
    EXPECT_GT(out.size(), 0);
    EXPECT_TRUE(text.startsWith(out)); // what it held is given, nothing else
}

TEST_F(GzipInput, CorruptStreamFailsWithTheByteOffset)
{
    QByteArray gz = compressed({sampleText(50)});
    gz[3] = char(0xe0); // reserved flag bits: not a header zlib accepts
    GzipInputDevice &device = deviceOver(gz);

    QString error;
    EXPECT_TRUE(readAll(device, 4096, &error).isEmpty());
    EXPECT_TRUE(error.startsWith(QStringLiteral("the gzip data is corrupt at byte "))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("unknown header flags set"))) << error.toStdString();
}

TEST_F(GzipInput, RestartReadsTheStreamAgainFromItsFirstByte)
{
    const QByteArray text = sampleText(100);
    const QByteArray gz = compressed({text, text});
    GzipInputDevice &device = deviceOver(gz, 100);

    QByteArray half(qsizetype(text.size()), '\0');
    ASSERT_GT(device.read(half.data(), half.size()), 0); // somewhere inside the stream
    ASSERT_TRUE(device.restart());
    EXPECT_EQ(readAll(device, 1000), text + text);
}

TEST_F(GzipInput, LineReaderGivesTheLinesThenThePartialLineThenTheError)
{
    QByteArray gz = compressed({QByteArrayLiteral("one\ntwo\nthr")});
    gz.chop(8); // the trailer: the data is all there, the member is not ended
    GzipInputDevice &device = deviceOver(gz);
    ReplayLineReader reader(&device, 5);

    QByteArrayView line;
    ASSERT_EQ(reader.next(line), ReplayLineReader::Result::Line);
    EXPECT_EQ(line, "one");
    EXPECT_TRUE(reader.lineEnded());
    ASSERT_EQ(reader.next(line), ReplayLineReader::Result::Line);
    EXPECT_EQ(line, "two");
    ASSERT_EQ(reader.next(line), ReplayLineReader::Result::Line);
    EXPECT_EQ(line, "thr");
    EXPECT_FALSE(reader.lineEnded());
    EXPECT_EQ(reader.next(line), ReplayLineReader::Result::Error);
    EXPECT_EQ(reader.next(line), ReplayLineReader::Result::Error);
    EXPECT_TRUE(device.errorString().contains(QStringLiteral("cut short")))
        << device.errorString().toStdString();
}

TEST(GzipInflater, RefusesDataThatIsNotGzip)
{
    GzipInflater inflater;
    const QByteArray plain = QByteArrayLiteral("{\"v\":1}\n");
    QByteArrayView input(plain);
    char out[64];
    EXPECT_EQ(inflater.inflate(input, out, sizeof out), -1);
    EXPECT_EQ(inflater.error(), QStringLiteral("incorrect header check"));
}
