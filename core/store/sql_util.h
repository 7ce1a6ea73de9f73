#pragma once

#include <QDateTime>
#include <QTimeZone>
#include <QString>

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <optional>

namespace casebook::sql {

// Times are stored as UTC milliseconds since the epoch; a null QDateTime is SQL NULL.
inline void bindTime(SQLite::Statement& st, int index, const QDateTime& t)
{
    if (t.isValid())
        st.bind(index, static_cast<int64_t>(t.toMSecsSinceEpoch()));
    else
        st.bind(index);
}

inline QDateTime timeOf(const SQLite::Column& c)
{
    if (c.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(c.getInt64(), QTimeZone::utc());
}

inline void bindText(SQLite::Statement& st, int index, const QString& s)
{
    st.bind(index, s.toStdString());
}

inline void bindTextOrNull(SQLite::Statement& st, int index, const QString& s)
{
    if (s.isEmpty())
        st.bind(index);
    else
        st.bind(index, s.toStdString());
}

inline QString textOf(const SQLite::Column& c)
{
    return QString::fromUtf8(c.getText(), c.getBytes());
}

} // namespace casebook::sql
