#pragma once

#include "casefile/case_file_entry.h"
#include "casefile/case_snapshot.h"
#include "model/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QMap>

namespace casebook {

// manifest.json and SHA256SUMS: what a case file holds and the hashes that let anyone check it.
namespace case_file_manifest {

inline const QString kManifestName = QStringLiteral("manifest.json");
inline const QString kSumsName = QStringLiteral("SHA256SUMS");
// /2 is signed: manifest.sig holds the Ed25519 signature of manifest.json's exact bytes by the key in
// public-key.pem, whose fingerprint the manifest names. /1 (unsigned) is still recognised, to say so.
inline const QString kFormat = QStringLiteral("casebook-case-file/2");
inline const QString kUnsignedFormat = QStringLiteral("casebook-case-file/1");
inline const QString kSignatureName = QStringLiteral("manifest.sig");
inline const QString kPublicKeyName = QStringLiteral("public-key.pem");

QJsonObject build(const CaseSnapshot& snapshot, const QList<CaseFileEntry>& files,
                  const CaseFileOptions& options, const QDateTime& exportedAt, const QString& keyFingerprint);

// The customer as the case file shows them: identities masked when asked.
QJsonObject customerJson(const CaseSnapshot& snapshot, bool mask);

// `sha256sum -c` format: "<hash>  <path>\n" per file.
QByteArray sha256Sums(const QList<CaseFileEntry>& files);
// path → hash; fails on a line that is not in that format.
Result<QMap<QString, QString>> parseSha256Sums(const QByteArray& text);

} // namespace case_file_manifest
} // namespace casebook
