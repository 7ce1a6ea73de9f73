#include "casefile/case_file_labels.h"

#include "model/display_time.h"

#include <QHash>
#include <QLocale>

namespace casebook::case_file_labels {
namespace {

const QHash<QString, QString>& korean()
{
    static const QHash<QString, QString> words{
        {QStringLiteral("Case #%1"), QStringLiteral("사건 #%1")},
        {QStringLiteral("Customer"), QStringLiteral("고객")},
        {QStringLiteral("Contact"), QStringLiteral("연락처")},
        {QStringLiteral("Channels"), QStringLiteral("채널")},
        {QStringLiteral("Order numbers"), QStringLiteral("주문 번호")},
        {QStringLiteral("Status"), QStringLiteral("상태")},
        {QStringLiteral("Category"), QStringLiteral("분류")},
        {QStringLiteral("Opened"), QStringLiteral("접수")},
        {QStringLiteral("Last activity"), QStringLiteral("마지막 활동")},
        {QStringLiteral("Exported"), QStringLiteral("내보낸 때")},
        {QStringLiteral("Exported by"), QStringLiteral("내보낸 프로그램")},
        {QStringLiteral("Signing key"), QStringLiteral("서명 키 지문")},
        {QStringLiteral(
             "This report is part of a case file. manifest.json and SHA256SUMS in the same ZIP list "
             "the SHA-256 of every file; run <i>sha256sum -c SHA256SUMS</i> after unzipping, or "
             "<i>casebook-cli verify</i> on the ZIP, to check that nothing was changed. manifest.json "
             "is signed with the seller's key above (manifest.sig, public-key.pem); compare its "
             "fingerprint with the one the seller published. VERIFY.en.txt and VERIFY.ko.txt in the "
             "ZIP say how, step by step."),
         QStringLiteral(
             "이 보고서는 사건 파일의 일부입니다. 같은 ZIP의 manifest.json과 SHA256SUMS에 모든 파일의 "
             "SHA-256이 있습니다. 압축을 푼 뒤 <i>sha256sum -c SHA256SUMS</i>를, 또는 ZIP에 "
             "<i>casebook-cli verify</i>를 실행하면 바뀐 것이 없는지 확인할 수 있습니다. manifest.json은 "
             "위의 판매자 키로 서명되어 있습니다(manifest.sig, public-key.pem). 그 지문을 판매자가 "
             "공개한 지문과 비교하십시오. 자세한 방법은 ZIP 안의 VERIFY.ko.txt와 VERIFY.en.txt에 "
             "있습니다.")},
        {QStringLiteral("Seller's summary"), QStringLiteral("판매자 요약")},
        {QStringLiteral("(none written)"), QStringLiteral("(작성하지 않음)")},
        {QStringLiteral("Timeline"), QStringLiteral("경과")},
        {QStringLiteral("From"), QStringLiteral("보낸 사람")},
        {QStringLiteral("To"), QStringLiteral("받는 사람")},
        {QStringLiteral("Subject"), QStringLiteral("제목")},
        {QStringLiteral("Attachment"), QStringLiteral("첨부")},
        {QStringLiteral("Evidence"), QStringLiteral("증거")},
        {QStringLiteral("No evidence files."), QStringLiteral("증거 파일이 없습니다.")},
        {QStringLiteral("Original name"), QStringLiteral("원래 이름")},
        {QStringLiteral("Type"), QStringLiteral("형식")},
        {QStringLiteral("Captured"), QStringLiteral("촬영")},
        {QStringLiteral("Added"), QStringLiteral("추가")},
        {QStringLiteral("Source"), QStringLiteral("출처")},
        {QStringLiteral("Note"), QStringLiteral("메모")},
        {QStringLiteral("Files in this case file"), QStringLiteral("이 사건 파일에 든 파일")},
        {QStringLiteral("Each line: the file's SHA-256, then its name in the ZIP, as in SHA256SUMS."),
         QStringLiteral("각 줄: 파일의 SHA-256, 그리고 ZIP 안의 이름(SHA256SUMS와 같음).")},
        {QStringLiteral("Custody log"), QStringLiteral("보관 이력")},
        {QStringLiteral(
             "Each entry's hash covers the one before it; manifest.json holds the same entries for "
             "checking."),
         QStringLiteral("각 항목의 해시는 바로 앞 항목을 포함합니다. manifest.json에 확인용으로 같은 항목이 "
                        "있습니다.")},
        {QStringLiteral("entry"), QStringLiteral("항목")},
        {QStringLiteral("← received"), QStringLiteral("← 받음")},
        {QStringLiteral("→ sent"), QStringLiteral("→ 보냄")},
        {QStringLiteral("✎ internal note"), QStringLiteral("✎ 내부 메모")},
        {QStringLiteral("New"), QStringLiteral("신규")},
        {QStringLiteral("Open"), QStringLiteral("진행 중")},
        {QStringLiteral("Waiting"), QStringLiteral("고객 대기")},
        {QStringLiteral("Resolved"), QStringLiteral("해결됨")},
        {QStringLiteral("Spam"), QStringLiteral("스팸")},
        {QStringLiteral("Shipping"), QStringLiteral("배송")},
        {QStringLiteral("Return"), QStringLiteral("반품")},
        {QStringLiteral("Refund"), QStringLiteral("환불")},
        {QStringLiteral("Exchange"), QStringLiteral("교환")},
        {QStringLiteral("Defect"), QStringLiteral("불량")},
        {QStringLiteral("Missing item"), QStringLiteral("구성품 누락")},
        {QStringLiteral("Payment"), QStringLiteral("결제")},
        {QStringLiteral("Review"), QStringLiteral("리뷰")},
        {QStringLiteral("Abuse"), QStringLiteral("악성 문의")},
        {QStringLiteral("Other"), QStringLiteral("기타")},
        // The claims list (core/report/claims_export.cpp).
        {QStringLiteral("Claims from %1 to %2"), QStringLiteral("클레임 목록 %1 ~ %2")},
        {QStringLiteral("Seller: %1"), QStringLiteral("판매자: %1")},
        {QStringLiteral("%1 claims (returns, refunds, defects, missing items), oldest first. Made by Casebook "
                        "on %2."),
         QStringLiteral("클레임 %1건(반품, 환불, 불량, 구성품 누락), 오래된 순. Casebook으로 %2에 작성.")},
        {QStringLiteral("Date"), QStringLiteral("날짜")},
        {QStringLiteral("Channel"), QStringLiteral("채널")},
        {QStringLiteral("Order number"), QStringLiteral("주문 번호")},
        {QStringLiteral("What was claimed"), QStringLiteral("클레임 내용")},
        {QStringLiteral("What the seller did"), QStringLiteral("판매자 조치")},
        {QStringLiteral("Evidence files"), QStringLiteral("증거 파일 수")},
        {QStringLiteral("no answer yet"), QStringLiteral("아직 답변 없음")},
        {QStringLiteral("Email"), QStringLiteral("이메일")},
        {QStringLiteral("Coupang"), QStringLiteral("쿠팡")},
        {QStringLiteral("Naver"), QStringLiteral("네이버")},
        {QStringLiteral("CSV import"), QStringLiteral("CSV 가져오기")},
    };
    return words;
}

} // namespace

bool supported(const QString& language)
{
    return language == QLatin1String("en") || language == QLatin1String("ko");
}

QString defaultLanguage()
{
    return QLocale().language() == QLocale::Korean ? QStringLiteral("ko") : QStringLiteral("en");
}

QString text(const QString& language, const char* english)
{
    const QString word = QString::fromUtf8(english);
    return language == QLatin1String("ko") ? korean().value(word, word) : word;
}

QString custodyAction(const QString& language, const QString& action)
{
    static const QHash<QString, QString> korean{{QStringLiteral("added"), QStringLiteral("추가됨")},
                                                {QStringLiteral("exported"), QStringLiteral("내보냄")},
                                                {QStringLiteral("verified"), QStringLiteral("검증됨")}};
    if (language != QLatin1String("ko") || !korean.contains(action))
        return action;
    return QStringLiteral("%1 (%2)").arg(korean.value(action), action);
}

QString status(const QString& language, TicketStatus s)
{
    switch (s) {
    case TicketStatus::New:
        return text(language, "New");
    case TicketStatus::Open:
        return text(language, "Open");
    case TicketStatus::Waiting:
        return text(language, "Waiting");
    case TicketStatus::Resolved:
        return text(language, "Resolved");
    case TicketStatus::Spam:
        return text(language, "Spam");
    }
    return {};
}

QString category(const QString& language, Category c)
{
    static const char* const names[] = {"Shipping",     "Return",  "Refund", "Exchange", "Defect",
                                        "Missing item", "Payment", "Review", "Abuse",    "Other"};
    return text(language, names[static_cast<int>(c)]);
}

QString direction(const QString& language, Direction d)
{
    return text(language, d == Direction::In    ? "← received"
                          : d == Direction::Out ? "→ sent"
                                                : "✎ internal note");
}

QString when(const QDateTime& t)
{
    if (!t.isValid())
        return QStringLiteral("—");
    const int offset = t.toLocalTime().offsetFromUtc();
    const int minutes = std::abs(offset) / 60;
    return QStringLiteral("%1 (UTC%2%3:%4)")
        .arg(displayTime(t), offset < 0 ? QStringLiteral("-") : QStringLiteral("+"))
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

} // namespace casebook::case_file_labels
