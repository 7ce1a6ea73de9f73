#include "casefile/case_file_guide.h"

#include "store/ticket_json.h"

namespace casebook::case_file_guide {
namespace {

const char* const kEnglish = R"(How to check this case file
===========================

Case #{case}, exported {exported} with Casebook {version}.

This ZIP holds the seller's report ({pdf}), the original evidence files
(evidence/), the messages as they were received (messages/), manifest.json
(what the case file holds, with the SHA-256 of every file), manifest.sig and
public-key.pem (the seller's signature of manifest.json and the key to check
it), this guide in English and Korean, and SHA256SUMS.

1. Nothing was changed: the SHA-256 hashes
------------------------------------------
Unzip the file and open a terminal in the unzipped folder.

  Linux:    sha256sum -c SHA256SUMS
  macOS:    shasum -a 256 -c SHA256SUMS
  Windows:  certutil -hashfile {evidence} SHA256
            (one file at a time; compare with that file's line in SHA256SUMS)
            or, in PowerShell: Get-FileHash -Algorithm SHA256 {evidence}

Every file must say OK (or show the same 64 hex digits as SHA256SUMS). The
last pages of {pdf} list the same hashes, so a printed copy can be compared
as well.

2. Who made it: the signature and the key's fingerprint
-------------------------------------------------------
manifest.json is signed with the seller's Ed25519 key. Its fingerprint is

  {fingerprint}

The fingerprint is the SHA-256 of the seller's 32-byte public key, written in
groups of four hex digits. It only tells you who made the case file when it
matches a fingerprint the seller published somewhere you already trust (their
shop's page, the marketplace, a letter): anyone can make a key of their own
and sign a forged case file with it, but no one can sign with the key that
has this fingerprint without the seller's private key.

Check the signature with OpenSSL 3:

  openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in manifest.json -sigfile manifest.sig

It must print "Signature Verified Successfully". Then compute the fingerprint
of public-key.pem yourself (Linux, macOS with "shasum -a 256" for sha256sum):

  openssl pkey -pubin -in public-key.pem -outform DER | tail -c 32 | sha256sum

The 64 hex digits it prints must be the fingerprint above, without spaces.
Since the signature covers manifest.json, and manifest.json lists the SHA-256
of every file, steps 1 and 2 together cover every file.

3. All at once, with Casebook
-----------------------------
  casebook-cli verify case-{case}.zip --expect-key "{fingerprint}"

checks the hashes, the signature and its key, that the PDF lists the same
files with the same hashes as manifest.json, and the custody log (the history
of each evidence file, chained by hashes). It needs no Casebook database.

4. When it was made: a trusted timestamp (if the ZIP holds manifest.tsr)
-----------------------------------------------------------------------
The seller may have a timestamp authority (RFC 3161) stamp manifest.json at
export: manifest.tsr then shows that manifest.json existed at that time.

  openssl ts -reply -in manifest.tsr -text
  openssl ts -verify -in manifest.tsr -data manifest.json -CAfile AUTHORITY-CA.pem

The first shows the time ("Time stamp:"); the second must print
"Verification: OK", with the certificate of the authority's root in
AUTHORITY-CA.pem (casebook-cli verify --tsa-ca AUTHORITY-CA.pem does the same).

If any step fails, the case file was changed after the seller exported it,
or it was not signed by the key you expect: do not rely on it, and ask the
seller for a new copy.
)";

const char* const kKorean = R"(이 사건 파일을 확인하는 방법
============================

사건 #{case}, {exported}에 Casebook {version}으로 내보냄.

이 ZIP에는 판매자의 보고서({pdf}), 원본 증거 파일(evidence/), 받은 그대로의
메시지(messages/), manifest.json(사건 파일에 든 모든 파일과 각 파일의
SHA-256), manifest.sig와 public-key.pem(manifest.json에 대한 판매자의 서명과
그 서명을 확인할 공개 키), 영어와 한국어로 된 이 안내문, SHA256SUMS가
들어 있습니다.

1. 바뀐 것이 없는지: SHA-256 해시
---------------------------------
ZIP을 풀고, 푼 폴더에서 터미널을 엽니다.

  Linux:    sha256sum -c SHA256SUMS
  macOS:    shasum -a 256 -c SHA256SUMS
  Windows:  certutil -hashfile {evidence} SHA256
            (파일마다 한 번씩; SHA256SUMS에서 그 파일의 줄과 비교)
            또는 PowerShell에서: Get-FileHash -Algorithm SHA256 {evidence}

모든 파일이 OK여야 합니다(또는 SHA256SUMS와 같은 16진수 64자리가 나와야
합니다). {pdf}의 마지막 쪽에도 같은 해시가 있으므로 인쇄본으로도 비교할 수
있습니다.

2. 누가 만들었는지: 서명과 키 지문(fingerprint)
-----------------------------------------------
manifest.json은 판매자의 Ed25519 키로 서명되어 있습니다. 그 키의 지문은

  {fingerprint}

입니다. 지문은 판매자의 32바이트 공개 키에 대한 SHA-256을 16진수 네 자리씩
나누어 쓴 것입니다. 이 지문이 판매자가 이미 믿을 수 있는 곳(쇼핑몰 페이지,
마켓플레이스, 서면)에 공개한 지문과 같을 때에만 누가 만들었는지 알 수
있습니다. 누구나 자기 키를 만들어 위조한 사건 파일에 서명할 수 있지만, 이
지문을 가진 키로는 판매자의 개인 키 없이 아무도 서명할 수 없습니다.

OpenSSL 3으로 서명을 확인합니다:

  openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in manifest.json -sigfile manifest.sig

"Signature Verified Successfully"가 나와야 합니다. 그리고 public-key.pem의
지문을 직접 계산합니다(macOS에서는 sha256sum 대신 "shasum -a 256"):

  openssl pkey -pubin -in public-key.pem -outform DER | tail -c 32 | sha256sum

나온 16진수 64자리가 위의 지문(공백을 뺀 것)과 같아야 합니다. 서명은
manifest.json을 덮고 manifest.json은 모든 파일의 SHA-256을 담고 있으므로,
1과 2를 함께 하면 모든 파일이 확인됩니다.

3. Casebook으로 한 번에
-----------------------
  casebook-cli verify case-{case}.zip --expect-key "{fingerprint}"

해시, 서명과 그 키, PDF가 manifest.json과 같은 파일을 같은 해시로 적고
있는지, 보관 이력(custody log: 증거 파일마다 해시로 이어진 기록)을 한 번에
확인합니다. Casebook 데이터베이스가 없어도 됩니다.

4. 언제 만들었는지: 신뢰할 수 있는 타임스탬프(ZIP에 manifest.tsr가 있을 때)
------------------------------------------------------------------------
판매자가 내보낼 때 타임스탬프 기관(RFC 3161)에 manifest.json의 시각 확인을
받았다면, manifest.tsr는 그 시각에 manifest.json이 있었음을 보여 줍니다.

  openssl ts -reply -in manifest.tsr -text
  openssl ts -verify -in manifest.tsr -data manifest.json -CAfile AUTHORITY-CA.pem

첫 명령은 시각("Time stamp:")을 보여 주고, 두 번째 명령은 기관의 루트 인증서를
AUTHORITY-CA.pem에 두었을 때 "Verification: OK"를 출력해야 합니다
(casebook-cli verify --tsa-ca AUTHORITY-CA.pem도 같은 확인을 합니다).

어느 단계라도 실패하면, 판매자가 내보낸 뒤에 사건 파일이 바뀌었거나 기대한
키로 서명되지 않은 것입니다. 그 파일을 믿지 말고 판매자에게 새 사본을
요청하십시오.
)";

QByteArray fill(const char* text, const GuideFacts& f)
{
    QString s = QString::fromUtf8(text);
    s.replace(QStringLiteral("{case}"), QString::number(f.caseNumber))
        .replace(QStringLiteral("{exported}"), ticket_json::isoDate(f.exportedAt))
        .replace(QStringLiteral("{version}"), QStringLiteral(CASEBOOK_VERSION))
        .replace(QStringLiteral("{pdf}"), f.pdfName)
        .replace(QStringLiteral("{fingerprint}"), f.keyFingerprint)
        .replace(QStringLiteral("{evidence}"),
                 f.firstEvidence.isEmpty()
                     ? f.pdfName
                     : QString(f.firstEvidence).replace(QLatin1Char('/'), QLatin1Char('\\')));
    return s.replace(QLatin1Char('\n'), QStringLiteral("\r\n")).toUtf8();
}

} // namespace

QList<Guide> guides(const GuideFacts& facts)
{
    // The Korean file starts with a byte-order mark: Windows' Notepad and older viewers otherwise guess
    // the encoding wrong.
    return {{QStringLiteral("VERIFY.en.txt"), fill(kEnglish, facts)},
            {QStringLiteral("VERIFY.ko.txt"), QByteArray("\xEF\xBB\xBF") + fill(kKorean, facts)}};
}

} // namespace casebook::case_file_guide
