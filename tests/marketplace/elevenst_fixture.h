#pragma once

#include "fake_marketplace.h"

namespace casebook::test {

inline const QString kElevenstKey = QStringLiteral("11st-open-api-key");

// "yyyy-MM-dd HH:mm:ss.0" (Q&A) and "yyyyMMdd" (notices), Korea time, `days` ago.
inline QString elevenstQnaTime(int days)
{
    return kstDaysAgo(days) + QStringLiteral(".0");
}
inline QString elevenstDay(int days)
{
    return kstDaysAgo(days).left(10).remove(QLatin1Char('-'));
}

// Q&A: 3 two days ago (the first answered), 2 twelve days ago (another window). Urgent notices (yesterday
// 12:30, to be answered the same day): an answer request from 11st (3001), one already answered (3002), an announcement (3003).
inline QJsonObject elevenstConfig()
{
    QJsonArray qnas;
    const int days[] = {2, 2, 2, 12, 12};
    for (int i = 0; i < 5; ++i)
        qnas.append(QJsonObject{{"brdInfoNo", QString::number(4881270 + i)},
                                {"brdInfoClfNo", QStringLiteral("48073872")},
                                {"brdInfoSbjct", QStringLiteral("질문이요 %1").arg(i)},
                                {"brdInfoCont", QStringLiteral("사과 맛있나요? %1").arg(i)},
                                {"createDt", elevenstQnaTime(days[i])},
                                {"answerYn", i == 0 ? "Y" : "N"},
                                {"answerCont", i == 0 ? QStringLiteral("아주 맛있습니다.") : QString()},
                                {"answerDt", i == 0 ? kstDaysAgo(1).left(10).replace(QLatin1Char('-'),
                                                                                         QLatin1Char('/'))
                                                    : QString()},
                                {"buyYn", "Y"},
                                {"dispYn", "Y"},
                                {"memID", QStringLiteral("kim%1***").arg(i)},
                                {"memNM", QStringLiteral("김%1*").arg(i)},
                                {"prdNm", QStringLiteral("꿀사과 5kg")},
                                {"qnaDtlsCd", "02"},
                                {"qnaDtlsCdNm", QStringLiteral("배송")},
                                {"ordNoDe", QStringLiteral("20261100%1").arg(i)}});
    auto notice = [](int seq, const char* type, const char* state, const QJsonArray& replies) {
        return QJsonObject{{"emerNtceSeq", QString::number(seq)},
                           {"emerCtntSeq", "1"},
                           {"emerTypeCd", type},
                           {"emerNtceSubject", QStringLiteral("배송 지연 문의 %1").arg(seq)},
                           {"emerCtnt", QStringLiteral("고객이 배송 지연을 문의했습니다. 확인 바랍니다. %1").arg(seq)},
                           {"createDt", elevenstDay(1)},
                           {"createTm", "12:30:30"},
                           {"emerReplyDt", elevenstDay(1)}, // the same day: before 24 hours pass
                           {"emerNtceCrntCd", state},
                           {"prdNm", QStringLiteral("꿀사과 5kg")},
                           {"ordNo", QStringLiteral("2026110099%1").arg(seq)},
                           {"memId", "lee****"},
                           {"memNm", QStringLiteral("이*")},
                           {"emerNtceClfNo1", "10"},
                           {"emerNtceClfNm1", QStringLiteral("긴급문의")},
                           {"emerNtceClfNm2", QStringLiteral("배송")},
                           {"emerReplyList", replies}};
    };
    const QJsonArray notices{notice(3001, "01", "02", {}),
                             notice(3002, "01", "03", QJsonArray{QStringLiteral("어제 발송했습니다.")}),
                             notice(3003, "02", "01", {})};
    return {{"11st", QJsonObject{{"api_key", kElevenstKey}, {"qnas", qnas}, {"notices", notices}}}};
}

} // namespace casebook::test
