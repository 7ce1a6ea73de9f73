#include "model/carriers.h"

namespace casebook {
namespace {

// Naver: the Commerce API's delivery company codes (택배사 코드) of the carriers most sellers use.
// 11st: the codes of dlvEtprsCd in 11st's order guide (주문번호별 배송정보 조회), the domestic ones sellers use.
constexpr Carrier kCarriers[] = {
    {Channel::Naver, "CJGLS", "CJ대한통운", "CJ Logistics"},
    {Channel::Naver, "HANJIN", "한진택배", "Hanjin Express"},
    {Channel::Naver, "HYUNDAI", "롯데택배", "Lotte Global Logistics"},
    {Channel::Naver, "EPOST", "우체국택배", "Korea Post"},
    {Channel::Elevenst, "00034", "CJ대한통운", "CJ Logistics"},
    {Channel::Elevenst, "00011", "한진택배", "Hanjin Express"},
    {Channel::Elevenst, "00012", "롯데택배", "Lotte Global Logistics"},
    {Channel::Elevenst, "00007", "우체국택배", "Korea Post"},
    {Channel::Elevenst, "00002", "로젠택배", "Logen"},
    {Channel::Elevenst, "00026", "경동택배", "Kyungdong Express"},
    {Channel::Elevenst, "00021", "대신택배", "Daesin Logistics"},
    {Channel::Elevenst, "00022", "일양로지스", "Ilyang Logis"},
    {Channel::Elevenst, "00027", "천일택배", "Chunil Express"},
    {Channel::Elevenst, "00035", "합동택배", "Hapdong Express"},
    {Channel::Elevenst, "00061", "CU편의점택배", "CU convenience store parcel"},
    {Channel::Elevenst, "00060", "CVSnet편의점택배", "GS Postbox (CVSnet)"},
};

} // namespace

std::span<const Carrier> carrierTable()
{
    return kCarriers;
}

QString carrierName(Channel channel, const QString& code, bool english)
{
    const QByteArray key = code.toUtf8();
    for (const Carrier& c : kCarriers)
        if (c.channel == channel && c.code == std::string_view(key.constData(), size_t(key.size())))
            return QString::fromUtf8(english ? c.english : c.korean);
    return code;
}

} // namespace casebook
