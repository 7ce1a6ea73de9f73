#pragma once

#include "casefile/signing_key_store.h"
#include "model/values.h"
#include "support/test_support.h"

#include <QProcess>

namespace casebook::test {

// A JPEG whose EXIF says it was taken at `dateTimeOriginal` ("2026:03:05 14:22:10"), written through exiv2.
void writeJpegWithExif(const QString& path, const QString& dateTimeOriginal, const QString& offset = {});

// A case as a seller builds it: a Korean customer mail through the Ingestor, the seller's summary, an
// internal note, and evidence files with hostile names beside a photo with EXIF and a packing video.
struct CaseFixture {
    CaseFixture();
    TempStore store;
    qint64 ticketId = 0;
    int number = 0;
    QList<EvidenceRecord> evidence;
    // Outside the database's folder: export refuses to write a case file there.
    QTemporaryDir out;
    QString exportPath(const QString& name) const { return out.filePath(name); }
    QString exportDir() const { return out.path(); }
    // The seller's key in a file of this test's own (no keychain), made on the first export.
    SigningKeyStore keys() const
    {
        return SigningKeyStore(nullptr, store.dir.filePath(QStringLiteral("signing-key.pem")));
    }

private:
    QString readyFile(const QString& tag);
};

struct Ran {
    int code = -1;
    QString out;
    QString err;
};
Ran run(const QString& program, const QStringList& args, const QString& workingDir = {});

// Unzips with Python's zipfile (as a recipient would with any unzip tool) into `dir`.
void unzip(const QString& zip, const QString& dir);

} // namespace casebook::test
